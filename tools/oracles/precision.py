"""Oracle for kata 3.3 Precision: scikit-learn's precision_score with zero_division=0.

Cases vary in length, class balance and classifier quality, and include the zero-denominator cases
(nothing predicted positive, no actual positives) where zero_division=0 gives 0.0.
"""
import numpy as np
import sklearn
from sklearn.metrics import precision_score

from javagen import double, ints, string, write_java


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    for name, n, positive_rate, accuracy in [
        ("one sample", 1, 1.0, 1.0),
        ("balanced, 10 samples", 10, 0.5, 0.7),
        ("balanced, 50 samples, good classifier", 50, 0.5, 0.9),
        ("rare positives, 120 samples", 120, 0.05, 0.8),
        ("mostly positives, 60 samples", 60, 0.9, 0.6),
        ("random guesses, 300 samples", 300, 0.5, 0.0),
        ("weak classifier, 25 samples", 25, 0.3, 0.3),
    ]:
        y_true = (rng.random(n) < positive_rate).astype(int)
        keep = rng.random(n) < accuracy
        y_pred = np.where(keep, y_true, rng.integers(0, 2, size=n))
        cases.append((name, y_true, y_pred))
    cases.append(("nothing predicted positive", np.array([1, 0, 1, 0, 0]), np.zeros(5, dtype=int)))
    cases.append(("no actual positives", np.zeros(6, dtype=int), np.array([0, 1, 0, 1, 1, 0])))
    cases.append(("every prediction wrong", np.array([1, 0, 1, 0]), np.array([0, 1, 0, 1])))
    rows = []
    for name, y_true, y_pred in cases:
        value = precision_score(y_true, y_pred, zero_division=0)
        rows.append(f"        new Case({string(name)},\n"
                    f"                {ints(y_true)},\n"
                    f"                {ints(y_pred)},\n"
                    f"                {double(value)})")
    body = ("    record Case(String name, int[] yTrue, int[] yPred, double precision) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(rows) + "\n    };\n")
    write_java("mlkatas.evaluation", "PrecisionOracle", [("scikit-learn", sklearn.__version__),
                                                     ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
