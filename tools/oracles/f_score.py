"""Oracle for kata 3.5 FScore: scikit-learn's fbeta_score with zero_division=0.

Cases vary in length, class balance, classifier quality and beta (0.1 to 10), and include the cases where
precision or recall is 0 (F is then 0.0).
"""
import numpy as np
import sklearn
from sklearn.metrics import fbeta_score

from javagen import double, ints, string, write_java


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    for name, n, positive_rate, accuracy, beta in [
        ("one sample, beta 1", 1, 1.0, 1.0, 1.0),
        ("balanced, 10 samples, beta 1", 10, 0.5, 0.7, 1.0),
        ("balanced, 50 samples, beta 2", 50, 0.5, 0.8, 2.0),
        ("balanced, 50 samples, beta 0.5", 50, 0.5, 0.8, 0.5),
        ("rare positives, 120 samples, beta 3.7", 120, 0.05, 0.8, 3.7),
        ("mostly positives, 60 samples, beta 0.1", 60, 0.9, 0.6, 0.1),
        ("random guesses, 300 samples, beta 10", 300, 0.5, 0.0, 10.0),
        ("weak classifier, 25 samples, beta 1.5", 25, 0.3, 0.3, 1.5),
    ]:
        y_true = (rng.random(n) < positive_rate).astype(int)
        keep = rng.random(n) < accuracy
        y_pred = np.where(keep, y_true, rng.integers(0, 2, size=n))
        cases.append((name, y_true, y_pred, beta))
    cases.append(("nothing predicted positive", np.array([1, 0, 1, 0, 0]), np.zeros(5, dtype=int), 1.0))
    cases.append(("no actual positives", np.zeros(6, dtype=int), np.array([0, 1, 0, 1, 1, 0]), 2.0))
    cases.append(("every prediction wrong", np.array([1, 0, 1, 0]), np.array([0, 1, 0, 1]), 0.5))
    rows = []
    for name, y_true, y_pred, beta in cases:
        value = fbeta_score(y_true, y_pred, beta=beta, zero_division=0)
        rows.append(f"        new Case({string(name)},\n"
                    f"                {ints(y_true)},\n"
                    f"                {ints(y_pred)}, {double(beta)},\n"
                    f"                {double(value)})")
    body = ("    record Case(String name, int[] yTrue, int[] yPred, double beta, double fScore) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(rows) + "\n    };\n")
    write_java("mlkatas.evaluation", "FScoreOracle", [("scikit-learn", sklearn.__version__),
                                                      ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
