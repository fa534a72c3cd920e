"""Oracle for kata 4.1 SingleNeuron: a PyTorch autograd replay of the training loop.

Each epoch: p = sigmoid(Xw + b); loss = MSELoss(p, y) (a mean), recorded before the update; one plain SGD
step with torch.optim.SGD. Autograd supplies the gradient, so agreement checks the hand-derived
delta = (2/m)(p - y) p (1 - p) against real backpropagation. Everything is float64.
"""
import numpy as np
import torch

from javagen import matrix, string, vector, write_java


def train(features, labels, weights, bias, lr, epochs):
    x = torch.tensor(features, dtype=torch.float64)
    y = torch.tensor(labels, dtype=torch.float64)
    w = torch.tensor(weights, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(bias, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    loss_fn = torch.nn.MSELoss()
    history = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(torch.sigmoid(x @ w + b), y)
        history.append(loss.item())
        loss.backward()
        optimizer.step()
    return w.detach().numpy(), b.item(), history


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(41)
    cases = []
    specs = [
        ("one feature, hard labels, 5 epochs", 4, 1, 0.5, 5, "hard", 1.0),
        ("two features, soft labels, 20 epochs", 6, 2, 0.1, 20, "soft", 1.0),
        ("three features, real targets, 50 epochs", 10, 3, 0.3, 50, "real", 1.0),
        ("four features, large inputs, 10 epochs", 8, 4, 0.05, 10, "hard", 10.0),
        ("single sample, 100 epochs", 1, 3, 1.0, 100, "soft", 1.0),
        ("five features, 200 epochs", 25, 5, 0.8, 200, "hard", 2.0),
    ]
    for name, m, n, lr, epochs, kind, scale in specs:
        features = rng.normal(0, scale, size=(m, n))
        if kind == "hard":
            labels = rng.integers(0, 2, size=m).astype(float)
        elif kind == "soft":
            labels = rng.uniform(0, 1, size=m)
        else:
            labels = rng.normal(0.5, 1.0, size=m)
        weights = rng.uniform(-0.5, 0.5, size=n)
        bias = float(rng.uniform(-0.5, 0.5))
        w, b, history = train(features, labels, weights, bias, lr, epochs)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {matrix(features)},\n"
                     f"                {vector(labels)},\n"
                     f"                {vector(weights)}, {bias!r}, {lr!r}, {epochs},\n"
                     f"                {vector(w)}, {b!r},\n"
                     f"                {vector(history)})")
    body = ("    record Case(String name, double[][] features, double[] labels, double[] initialWeights,\n"
            "                double initialBias, double learningRate, int epochs, double[] weights, double bias,\n"
            "                double[] mseHistory) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.nn", "SingleNeuronOracle", [("PyTorch", torch.__version__)], body, __file__)


if __name__ == "__main__":
    main()
