"""Oracle for kata 2.3 RidgeRegression: the ridge loss and its gradient computed with NumPy.

Cases vary the shape (one column to wide designs), the scale of the features (1e-3 to 1e3) and alpha
(0, small, large), so both terms of the loss dominate somewhere.
"""
import numpy as np

from javagen import double, matrix, string, vector, write_java


def loss(x, w, y, alpha):
    return np.mean((y - x @ w) ** 2) + alpha * np.sum(w ** 2)


def gradient(x, w, y, alpha):
    m = x.shape[0]
    return -(2.0 / m) * x.T @ (y - x @ w) + 2.0 * alpha * w


def main():
    rng = np.random.default_rng(20261125)
    cases = []
    for name, m, n, scale, alpha in [
        ("one column, alpha 0", 4, 1, 1.0, 0.0),
        ("two columns, alpha 0.1", 6, 2, 1.0, 0.1),
        ("five columns, alpha 1", 10, 5, 1.0, 1.0),
        ("wide design, alpha 0.01", 3, 6, 1.0, 0.01),
        ("large features, alpha 10", 8, 3, 1e3, 10.0),
        ("tiny features, alpha 1e-4", 7, 3, 1e-3, 1e-4),
        ("single row, alpha 2", 1, 3, 1.0, 2.0),
        ("30 rows, alpha 0.5", 30, 4, 2.0, 0.5),
    ]:
        x = rng.uniform(-1, 1, size=(m, n)) * scale
        w = rng.normal(0, 2, size=n) / scale
        y = x @ rng.normal(0, 2, size=n) / scale + rng.normal(0, 1, size=m)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {matrix(x)},\n"
                     f"                {vector(w)},\n"
                     f"                {vector(y)}, {double(alpha)},\n"
                     f"                {double(loss(x, w, y, alpha))}, {vector(gradient(x, w, y, alpha))})")
    body = ("    record Case(String name, double[][] x, double[] w, double[] yTrue, double alpha, double loss,\n"
            "                double[] gradient) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.loss", "RidgeRegressionOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
