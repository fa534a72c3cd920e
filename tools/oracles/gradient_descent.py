"""Oracle for kata 2.1 GradientDescent: a NumPy replay of batch, stochastic and mini-batch gradient descent.

The cases vary the shape, the scale of the data, the starting weights and the batch size (including a short
last batch and a batch larger than the data), and mix short runs with long ones, so agreement means the same
sequence of updates, not merely the same minimum.
"""
import numpy as np

from javagen import matrix, string, vector, write_java


def run(x, y, w0, learning_rate, iterations, batch_size, variant):
    m = x.shape[0]
    size = {"BATCH": m, "STOCHASTIC": 1, "MINI_BATCH": batch_size}[variant]
    w = np.array(w0, dtype=np.float64)
    for _ in range(iterations):
        for start in range(0, m, size):
            xb, yb = x[start:start + size], y[start:start + size]
            w = w - learning_rate * 2.0 / len(yb) * xb.T @ (xb @ w - yb)
    return w


def main():
    rng = np.random.default_rng(20261123)
    cases = []
    for name, m, n, scale, learning_rate, iterations, batch_size, variant in [
        ("batch, one feature, 3 iterations", 5, 1, 1.0, 0.1, 3, 1, "BATCH"),
        ("batch, three features, 200 iterations", 12, 3, 1.0, 0.05, 200, 1, "BATCH"),
        ("batch, small features, large rate", 8, 2, 0.1, 2.0, 100, 1, "BATCH"),
        ("stochastic, two features, 1 pass", 7, 2, 1.0, 0.05, 1, 1, "STOCHASTIC"),
        ("stochastic, four features, 50 passes", 15, 4, 1.0, 0.02, 50, 1, "STOCHASTIC"),
        ("stochastic, large features, small rate", 6, 2, 100.0, 1e-5, 20, 1, "STOCHASTIC"),
        ("mini-batch of 3 over 10 rows (short last batch)", 10, 2, 1.0, 0.05, 40, 3, "MINI_BATCH"),
        ("mini-batch of 4 over 9 rows, 1 pass", 9, 3, 1.0, 0.1, 1, 4, "MINI_BATCH"),
        ("mini-batch larger than the data", 5, 2, 1.0, 0.05, 30, 8, "MINI_BATCH"),
        ("mini-batch of 2 over 5 rows, 100 passes", 5, 2, 1.0, 0.01, 100, 2, "MINI_BATCH"),
    ]:
        x = rng.uniform(-2, 2, size=(m, n)) * scale
        y = x @ rng.uniform(-3, 3, size=n) + rng.normal(0, 0.5, size=m) * scale
        w0 = rng.uniform(-1, 1, size=n)
        w = run(x, y, w0, learning_rate, iterations, batch_size, variant)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {matrix(x)},\n"
                     f"                {vector(y)},\n"
                     f"                {vector(w0)}, {learning_rate!r}, {iterations}, {batch_size},\n"
                     f"                GradientDescent.Variant.{variant},\n"
                     f"                {vector(w)})")
    body = ("    record Case(String name, double[][] x, double[] y, double[] initialWeights, double learningRate,\n"
            "                int iterations, int batchSize, GradientDescent.Variant variant, double[] weights) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.loss", "GradientDescentOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
