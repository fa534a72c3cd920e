"""Oracle for kata 9.3 EarlyStopping: a plain-Python replay of the rule on varied loss curves.

The rule: the first epoch sets the best; an epoch improves when loss < best - min_delta (float64); the
count of epochs without improvement resets on improvement; stop at the epoch where it reaches patience.
Curves are noisy decaying losses, plateaus and U-shapes (over-fitting), with varied patience and min_delta.
"""
import numpy as np

from javagen import double, string, vector, write_java


def decide(losses, patience, min_delta):
    best, best_epoch, wait = None, -1, 0
    for epoch, loss in enumerate(losses):
        if best_epoch < 0 or loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
        if wait >= patience:
            return epoch, best_epoch
    return len(losses) - 1, best_epoch


def main():
    rng = np.random.default_rng(20261125)
    cases = []
    specs = []
    for i in range(4):
        n = int(rng.integers(20, 60))
        t = np.arange(n)
        specs.append((f"noisy decay {i + 1}", 2.0 * np.exp(-t / rng.uniform(5, 20)) + 0.3
                      + rng.normal(0, 0.02, n), int(rng.integers(2, 8)), float(rng.choice([0.0, 1e-3, 1e-2]))))
    for i in range(3):
        n = int(rng.integers(30, 80))
        t = np.arange(n)
        specs.append((f"over-fitting U-shape {i + 1}", 1.0 + 0.002 * (t - n / 3) ** 2 / n * 10
                      + rng.normal(0, 0.01, n), int(rng.integers(3, 10)), float(rng.choice([0.0, 5e-3]))))
    specs.append(("plateau after 10 epochs", np.concatenate([np.linspace(1, 0.5, 10), np.full(20, 0.5)]), 5, 0.0))
    specs.append(("never stops (steady decrease)", np.linspace(3, 1, 25), 3, 0.01))
    specs.append(("large minDelta ignores small gains", 1.0 - 0.004 * np.arange(30), 4, 0.05))
    for name, losses, patience, min_delta in specs:
        stop, best = decide(list(map(float, losses)), patience, min_delta)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {vector(losses)},\n"
                     f"                {patience}, {double(min_delta)}, {stop}, {best})")
    body = ("    record Case(String name, double[] losses, int patience, double minDelta, int stopEpoch,\n"
            "                int bestEpoch) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "EarlyStoppingOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
