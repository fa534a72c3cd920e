"""Oracle for kata 4.6 Softmax: torch.softmax on vectors and row-wise (dim=1) on matrices, float64.

Inputs range from a single score to rows with scores near +-1e4, where a naive exp overflows.
"""
import numpy as np
import torch

from javagen import matrix, string, vector, write_java


def main():
    rng = np.random.default_rng(23)
    vector_cases = []
    for name, scores in [
        ("one score", np.array([3.5])),
        ("normal draws", rng.normal(0, 1, size=6)),
        ("wide draws", rng.normal(0, 30, size=10)),
        ("scores near 1e4", rng.uniform(9990, 10000, size=5)),
        ("scores near -1e4", rng.uniform(-10000, -9990, size=4)),
        ("spread over +-1e4", np.array([-1e4, -10.0, 0.0, 5.0, 1e4 - 30, 1e4])),
        ("ties", np.array([2.0, 2.0, -1.0, 2.0])),
    ]:
        p = torch.softmax(torch.tensor(scores), dim=0)
        vector_cases.append(f"        new VectorCase({string(name)}, {vector(scores)},\n"
                            f"                {vector(p.numpy())})")
    matrix_cases = []
    for name, scores in [
        ("1x4", rng.normal(0, 1, size=(1, 4))),
        ("3x2", rng.normal(0, 5, size=(3, 2))),
        ("4x5, large offsets per row", rng.normal(0, 2, size=(4, 5)) + np.array([[1e4], [-1e4], [0.0], [500.0]])),
        ("6x1", rng.normal(0, 1, size=(6, 1))),
    ]:
        p = torch.softmax(torch.tensor(scores), dim=1)
        matrix_cases.append(f"        new MatrixCase({string(name)}, {matrix(scores)},\n"
                            f"                {matrix(p.numpy())})")
    body = ("    record VectorCase(String name, double[] scores, double[] probabilities) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record MatrixCase(String name, double[][] scores, double[][] probabilities) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final VectorCase[] VECTOR_CASES = {\n" + ",\n".join(vector_cases) + "\n    };\n\n"
            "    static final MatrixCase[] MATRIX_CASES = {\n" + ",\n".join(matrix_cases) + "\n    };\n")
    write_java("mlkatas.nn", "SoftmaxOracle", [("PyTorch", torch.__version__)], body, __file__)


if __name__ == "__main__":
    main()
