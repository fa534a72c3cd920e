"""Oracle for kata 9.10 RequestBatcher, Part A: a NumPy replay of the planner's rules.

Requests are sorted by timestamp with a stable sort (numpy.argsort(kind="stable")); a request joins the open
batch unless the batch is full or its timestamp minus the batch's first timestamp exceeds maxWaitSeconds;
processTime is the timestamp of the batch's last request. Timestamps lie on a 0.05 s grid so that ties and
gaps exactly equal to the wait occur.
"""
import numpy as np

from javagen import double, ints, string, vector, write_java


def plan(ids, timestamps, max_batch, max_wait):
    order = np.argsort(timestamps, kind="stable")
    batches, times = [], []
    current, first = [], None
    for index in order:
        t = timestamps[index]
        if current and (len(current) == max_batch or t - first > max_wait):
            batches.append(current)
            times.append(timestamps[current_last])
            current = []
        if not current:
            first = t
        current.append(int(ids[index]))
        current_last = index
    if current:
        batches.append(current)
        times.append(timestamps[current_last])
    return batches, times


def main():
    rng = np.random.default_rng(297)
    cases = []
    for n, max_batch, max_wait in [(1, 1, 0.0), (6, 2, 10.0), (12, 3, 0.1), (15, 4, 0.0), (20, 5, 0.25),
                                   (25, 1, 1.0), (30, 8, 0.15), (40, 6, 0.05)]:
        ids = rng.permutation(np.arange(100, 100 + n))
        # Multiples of 0.05 computed as k/20, so that a gap equal to the wait is exactly representable
        # in both languages (Java reads these literals back bit for bit).
        timestamps = rng.integers(0, max(2, n // 2), size=n) / 20.0
        batches, times = plan(ids, timestamps, max_batch, max_wait)
        name = f"{n} requests, max {max_batch}, wait {max_wait}"
        batch_literal = "new int[][] {" + ", ".join("{" + ", ".join(map(str, b)) + "}" for b in batches) + "}"
        cases.append(f"        new Case({string(name)}, {ints(ids)},\n"
                     f"                {vector(timestamps)}, {max_batch}, {double(max_wait)},\n"
                     f"                {batch_literal},\n"
                     f"                {vector(times)})")
    body = ("    record Case(String name, int[] ids, double[] timestamps, int maxBatchSize, double maxWaitSeconds,\n"
            "                int[][] batchIds, double[] processTimes) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "RequestBatcherOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
