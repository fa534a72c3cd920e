"""Oracle for kata 3.2 ConfusionMatrix: scikit-learn's confusion_matrix.

Binary cases use labels=[1, 0], which puts the positive class first: [[TP, FN], [FP, TN]]. Multi-class
cases (Part B) use labels=range(numClasses), so a class that never occurs still gets its row and column.
Cases vary in length, class balance and classifier quality.
"""
import numpy as np
import sklearn
from sklearn.metrics import confusion_matrix

from javagen import ints, string, write_java


def int_matrix(rows):
    return "new int[][] {" + ", ".join("{" + ", ".join(str(int(x)) for x in row) + "}" for row in rows) + "}"


def noisy_predictions(rng, y_true, num_classes, accuracy):
    """Keeps each label with probability `accuracy`, otherwise replaces it by a uniformly drawn class."""
    keep = rng.random(len(y_true)) < accuracy
    return np.where(keep, y_true, rng.integers(0, num_classes, size=len(y_true)))


def main():
    rng = np.random.default_rng(20261122)
    binary = []
    for name, n, positive_rate, accuracy in [
        ("one sample", 1, 0.5, 0.5),
        ("balanced, 10 samples", 10, 0.5, 0.7),
        ("balanced, 40 samples, good classifier", 40, 0.5, 0.9),
        ("rare positives, 100 samples", 100, 0.05, 0.8),
        ("mostly positives, 60 samples", 60, 0.9, 0.6),
        ("random guesses, 200 samples", 200, 0.5, 0.0),
        ("all negative truth", 15, 0.0, 0.5),
    ]:
        y_true = (rng.random(n) < positive_rate).astype(int)
        y_pred = noisy_predictions(rng, y_true, 2, accuracy)
        m = confusion_matrix(y_true, y_pred, labels=[1, 0])
        binary.append(f"        new BinaryCase({string(name)},\n"
                      f"                {ints(y_true)},\n"
                      f"                {ints(y_pred)},\n"
                      f"                {int_matrix(m)})")
    multi = []
    for name, n, num_classes, accuracy in [
        ("3 classes, 12 samples", 12, 3, 0.6),
        ("4 classes, 50 samples", 50, 4, 0.7),
        ("5 classes, 200 samples, weak classifier", 200, 5, 0.3),
        ("2 classes, 30 samples", 30, 2, 0.5),
        ("1 class", 6, 1, 1.0),
    ]:
        y_true = rng.integers(0, num_classes, size=n)
        y_pred = noisy_predictions(rng, y_true, num_classes, accuracy)
        m = confusion_matrix(y_true, y_pred, labels=list(range(num_classes)))
        multi.append(f"        new MultiClassCase({string(name)}, {num_classes},\n"
                     f"                {ints(y_true)},\n"
                     f"                {ints(y_pred)},\n"
                     f"                {int_matrix(m)})")
    # A class that never occurs, neither as truth nor as prediction: its row and column are zero.
    y_true = np.array([0, 2, 2, 0, 3, 3, 0])
    y_pred = np.array([0, 2, 0, 0, 3, 2, 3])
    m = confusion_matrix(y_true, y_pred, labels=[0, 1, 2, 3])
    multi.append(f"        new MultiClassCase({string('class 1 never occurs')}, 4,\n"
                 f"                {ints(y_true)},\n"
                 f"                {ints(y_pred)},\n"
                 f"                {int_matrix(m)})")
    body = ("    record BinaryCase(String name, int[] yTrue, int[] yPred, int[][] matrix) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record MultiClassCase(String name, int numClasses, int[] yTrue, int[] yPred, int[][] matrix) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final BinaryCase[] BINARY_CASES = {\n" + ",\n".join(binary) + "\n    };\n\n"
            "    static final MultiClassCase[] MULTI_CLASS_CASES = {\n" + ",\n".join(multi) + "\n    };\n")
    write_java("mlkatas.evaluation", "ConfusionMatrixOracle", [("scikit-learn", sklearn.__version__),
                                                               ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
