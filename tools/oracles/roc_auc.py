"""Oracle for kata 3.6 RocAuc: scikit-learn's roc_curve (drop_intermediate=False) and roc_auc_score.

scikit-learn 1.2 starts the curve with the threshold max(score) + 1; from 1.3 on it is +inf, as in this kata.
The values are frozen as scikit-learn returns them; the test compares the first threshold accordingly.
Cases vary in size, class balance, score scale, ties and classifier quality.
"""
import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score, roc_curve

from javagen import double, ints, string, vector, write_java


def main():
    rng = np.random.default_rng(20261122)
    cases = [
        ("Deep-ML: four distinct scores", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])),
        ("Deep-ML: a tie across the classes", np.array([0, 1, 0, 1]), np.array([0.5, 0.5, 0.2, 0.9])),
        ("perfect ranking", np.array([0, 0, 0, 1, 1]), np.array([-2.0, -1.0, 0.0, 1.0, 2.0])),
        ("reversed ranking", np.array([1, 1, 0, 0, 0]), np.array([-2.0, -1.0, 0.0, 1.0, 2.0])),
        ("every score tied", np.array([1, 0, 0, 1, 0]), np.full(5, 0.3)),
    ]
    for name, n, positive_rate, separation, decimals, scale in [
        ("30 samples, continuous scores", 30, 0.5, 1.0, None, 1.0),
        ("100 samples, scores rounded to 1 decimal (many ties)", 100, 0.4, 0.8, 1, 1.0),
        ("200 samples, 5% positives", 200, 0.05, 1.5, None, 1.0),
        ("60 samples, logits of magnitude 1e3", 60, 0.5, 0.5, None, 1e3),
        ("80 samples, weak classifier, integer scores", 80, 0.3, 0.2, 0, 3.0),
    ]:
        y_true = (rng.random(n) < positive_rate).astype(int)
        y_true[:2] = [1, 0]
        scores = scale * (rng.normal(size=n) + separation * y_true)
        if decimals is not None:
            # Adding 0.0 turns the -0.0 that rounding can produce into 0.0, so tied zeros are bit-identical.
            scores = np.round(scores, decimals) + 0.0
        cases.append((name, y_true, scores))
    rows = []
    for name, y_true, scores in cases:
        fpr, tpr, thresholds = roc_curve(y_true, scores, drop_intermediate=False)
        auc = roc_auc_score(y_true, scores)
        rows.append(f"        new Case({string(name)},\n"
                    f"                {ints(y_true)},\n"
                    f"                {vector(scores)},\n"
                    f"                {vector(fpr)},\n"
                    f"                {vector(tpr)},\n"
                    f"                {vector(thresholds)},\n"
                    f"                {double(auc)})")
    body = ("    record Case(String name, int[] yTrue, double[] scores, double[] falsePositiveRate,\n"
            "                double[] truePositiveRate, double[] thresholds, double auc) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(rows) + "\n    };\n")
    write_java("mlkatas.evaluation", "RocAucOracle", [("scikit-learn", sklearn.__version__),
                                                      ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
