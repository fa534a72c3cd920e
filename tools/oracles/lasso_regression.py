"""Oracle for kata 2.4 LassoRegression: a NumPy replay of the subgradient-descent iteration.

Cases vary the shape, alpha (0, moderate, large enough to pin weights at 0), the learning rate, and whether
the run ends by the tolerance or by maxIterations; one case has a feature with no signal.
"""
import numpy as np

from javagen import double, matrix, string, vector, write_java


def fit(x, y, alpha, learning_rate, max_iterations, tolerance):
    m, n = x.shape
    w = np.zeros(n)
    b = 0.0
    iterations = 0
    for _ in range(max_iterations):
        error = x @ w + b - y
        grad_w = x.T @ error / m + alpha * np.sign(w)
        grad_b = np.sum(error) / m
        w = w - learning_rate * grad_w
        b = b - learning_rate * grad_b
        iterations += 1
        if np.sum(np.abs(grad_w)) < tolerance:
            break
    return w, b, iterations


def main():
    rng = np.random.default_rng(20261126)
    cases = []
    for name, m, n, alpha, learning_rate, max_iterations, tolerance in [
        ("one feature, 5 iterations", 6, 1, 0.1, 0.1, 5, 1e-4),
        ("two features, alpha 0, 500 iterations", 10, 2, 0.0, 0.1, 500, 0.0),
        ("three features, alpha 0.1, stops by tolerance", 20, 3, 0.1, 0.1, 10000, 0.05),
        ("four features, alpha 0.5", 15, 4, 0.5, 0.05, 300, 1e-4),
        ("large alpha pins the weights near 0", 12, 3, 50.0, 0.001, 200, 1e-4),
        ("a feature with no signal", 30, 3, 0.05, 0.1, 2000, 0.0),
        ("single row", 1, 2, 0.1, 0.05, 100, 1e-4),
        ("wide design, loose tolerance", 4, 6, 0.2, 0.05, 1000, 0.5),
    ]:
        x = rng.uniform(-2, 2, size=(m, n))
        true_w = rng.uniform(-3, 3, size=n)
        if "no signal" in name:
            true_w[-1] = 0.0
        y = x @ true_w + 1.5 + rng.normal(0, 0.2, size=m)
        w, b, iterations = fit(x, y, alpha, learning_rate, max_iterations, tolerance)
        cases.append(f"        new Case({string(name) [:-1] + f' ({iterations} updates)' + chr(34)},\n"
                     f"                {matrix(x)},\n"
                     f"                {vector(y)}, {double(alpha)}, {double(learning_rate)}, {max_iterations},"
                     f" {double(tolerance)},\n"
                     f"                {vector(w)}, {double(b)})")
    body = ("    record Case(String name, double[][] x, double[] y, double alpha, double learningRate,\n"
            "                int maxIterations, double tolerance, double[] weights, double bias) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.loss", "LassoRegressionOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
