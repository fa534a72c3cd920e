"""Oracle for kata 1.2 LogisticRegression: a NumPy replay of the exact gradient-descent iteration.

The replay computes the loss stably (np.logaddexp(0, z) − y·z is softplus(z) − y·z) and σ in a form that
never evaluates e^z for a large positive z. Cases vary the shape, the learning rate, the number of
iterations and the magnitude of the features. The last two use a learning rate far too large for features
of 1e3 and 1e4 (as happens without feature scaling): the loss oscillates and the logits reach thousands and
beyond 1e4, where a naive ln σ(z) returns −∞.
"""
import numpy as np

from javagen import ints, matrix, string, vector, write_java


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def train(x, y, learning_rate, iterations):
    m, n = x.shape
    design = np.hstack([np.ones((m, 1)), x])
    beta = np.zeros(n + 1)
    losses = []
    for _ in range(iterations):
        z = design @ beta
        losses.append(np.sum(np.logaddexp(0, z) - y * z))
        beta = beta - learning_rate * design.T @ (sigmoid(z) - y)
    return beta, np.array(losses)


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    for name, m, n, scale, learning_rate, iterations, labels in [
        ("one feature, a single step", 5, 1, 1.0, 0.1, 1, "noisy"),
        ("two features, 20 steps", 8, 2, 1.0, 0.05, 20, "noisy"),
        ("four features, small rate, 100 steps", 25, 4, 1.0, 0.01, 100, "noisy"),
        ("three features, 300 steps", 40, 3, 2.0, 0.02, 300, "noisy"),
        ("separable data, coefficients keep growing", 12, 2, 1.0, 0.5, 200, "separable"),
        ("every label 1", 6, 2, 1.0, 0.1, 50, "ones"),
        ("every label 0", 6, 3, 1.0, 0.1, 50, "zeros"),
        ("single sample", 1, 3, 1.0, 0.3, 10, "noisy"),
        ("more features than samples", 4, 7, 1.0, 0.1, 60, "noisy"),
        ("features around 1e3, rate too large: logits in the thousands", 10, 2, 1e3, 1e-3, 20, "noisy"),
        ("features around 1e4, rate too large: logits beyond 1e4", 10, 3, 1e4, 1e-4, 15, "noisy"),
    ]:
        x = rng.uniform(-1, 1, size=(m, n)) * scale
        if labels == "ones":
            y = np.ones(m, dtype=int)
        elif labels == "zeros":
            y = np.zeros(m, dtype=int)
        else:
            w = rng.uniform(-2, 2, size=n)
            score = x @ w / scale + 0.3
            if labels == "noisy":
                score = score + rng.normal(0, 1, size=m)
            y = (score > 0).astype(int)
        beta, losses = train(x, y, learning_rate, iterations)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {matrix(x)},\n"
                     f"                {ints(y)}, {learning_rate!r}, {iterations},\n"
                     f"                {vector(beta)},\n"
                     f"                {vector(losses)})")
    body = ("    record Case(String name, double[][] x, int[] y, double learningRate, int iterations,\n"
            "                double[] coefficients, double[] losses) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.algorithms", "LogisticRegressionOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
