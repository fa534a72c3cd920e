"""Oracle for kata 9.6 LatencyPercentiles: NumPy's default percentile (linear, Hyndman-Fan type 7).

Latency samples of varied sizes and shapes (uniform, heavy-tailed log-normal, with ties, a single value),
each with several percentiles including 0 and 100.
"""
import numpy as np

from javagen import string, vector, write_java


def main():
    rng = np.random.default_rng(20261122)
    samples = [
        ("single request", np.array([12.5])),
        ("two requests", np.array([3.0, 8.0])),
        ("ten uniform latencies", rng.uniform(1, 100, size=10)),
        ("heavy tail (log-normal), 37 requests", rng.lognormal(3, 1, size=37)),
        ("many ties, 25 requests", rng.integers(1, 5, size=25).astype(float)),
        ("a burst of zeros and one spike", np.array([0.0] * 12 + [950.0])),
        ("1000 log-normal latencies", rng.lognormal(2, 0.7, size=1000)),
        ("microsecond scale", rng.uniform(1e-6, 5e-6, size=17)),
    ]
    ps = [0.0, 1.0, 25.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0]
    cases = []
    for name, values in samples:
        expected = [np.percentile(values, p) for p in ps]
        cases.append(f"        new Case({string(name)},\n"
                     f"                {vector(values)},\n"
                     f"                {vector(ps)},\n"
                     f"                {vector(expected)})")
    body = ("    record Case(String name, double[] values, double[] ps, double[] percentiles) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "LatencyPercentilesOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
