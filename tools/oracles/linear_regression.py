"""Oracle for kata 1.1 LinearRegression: a NumPy replay of the exact gradient-descent iteration.

Cases mix converged runs with short ones (a few iterations), so agreement means the same iteration,
not merely the same minimum.
"""
import numpy as np

from javagen import matrix, string, vector, write_java


def gradient_descent(x, y, alpha, iterations):
    m, n = x.shape
    theta = np.zeros(n)
    for _ in range(iterations):
        theta = theta - alpha * x.T @ (x @ theta - y) / m
    return theta


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    for name, m, n, alpha, iterations in [
        ("one feature, 5 iterations", 6, 1, 0.1, 5),
        ("two features, 50 iterations", 10, 2, 0.05, 50),
        ("three features, 500 iterations", 12, 3, 0.1, 500),
        ("four features, large alpha", 20, 4, 0.3, 200),
        ("single row", 1, 2, 0.2, 30),
        ("wide design (more columns than rows)", 3, 5, 0.05, 300),
    ]:
        features = rng.uniform(-2, 2, size=(m, n))
        x = np.hstack([np.ones((m, 1)), features])
        y = features @ rng.uniform(-3, 3, size=n) + 1.5 + rng.normal(0, 0.3, size=m)
        theta = gradient_descent(x, y, alpha, iterations)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {matrix(x)},\n"
                     f"                {vector(y)}, {alpha!r}, {iterations},\n"
                     f"                {vector(theta)})")
    body = ("    record Case(String name, double[][] x, double[] y, double alpha, int iterations, double[] theta) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.algorithms", "LinearRegressionOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
