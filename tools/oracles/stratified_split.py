"""Oracle for kata 9.1 StratifiedSplit.

Two kinds of expected values per case:
- the counting rule, exactly: the test count of each class is floor(n_c * testSize) in float64 arithmetic
  (the same IEEE product Java computes);
- scikit-learn's train_test_split(stratify=...) class proportions in the test set. scikit-learn allocates
  ceil(n * testSize) test samples and rounds per class differently, so only proportions are comparable.
"""
import math

import numpy as np
import sklearn
from sklearn.model_selection import train_test_split

from javagen import double, ints, string, vector, write_java


def main():
    rng = np.random.default_rng(20261123)
    cases = []
    for name, class_sizes, test_size in [
        ("two balanced classes, 30% test", [200, 200], 0.3),
        ("imbalanced 9:1, 20% test", [900, 100], 0.2),
        ("three classes, 25% test", [150, 300, 450], 0.25),
        ("five classes, one small, 10% test", [400, 250, 120, 80, 60], 0.1),
        ("negative and sparse labels, 35% test", [120, 240, 180], 0.35),
        ("two classes, most in test (80%)", [300, 500], 0.8),
        ("four classes, 1/3 test", [99, 201, 150, 330], 1 / 3),
    ]:
        values = [-3, 7, 42] if name.startswith("negative") else list(range(len(class_sizes)))
        labels = np.concatenate([np.full(size, value) for size, value in zip(class_sizes, values)])
        labels = rng.permutation(labels)
        classes = sorted(set(labels.tolist()))
        counts = [int(np.sum(labels == c)) for c in classes]
        expected_test_counts = [math.floor(n * test_size) for n in counts]

        _, test = train_test_split(np.arange(len(labels)), test_size=test_size, stratify=labels,
                                   random_state=int(rng.integers(1_000_000)))
        sk_test_labels = labels[test]
        sk_proportions = [float(np.mean(sk_test_labels == c)) for c in classes]
        cases.append(f"        new Case({string(name)},\n"
                     f"                {ints(labels)},\n"
                     f"                {double(test_size)}, {ints(classes)}, {ints(expected_test_counts)},\n"
                     f"                {vector(sk_proportions)})")
    body = ("    record Case(String name, int[] labels, double testSize, int[] classes, int[] testCounts,\n"
            "                double[] sklearnTestProportions) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "StratifiedSplitOracle",
               [("scikit-learn", sklearn.__version__), ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
