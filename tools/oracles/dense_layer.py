"""Oracle for kata 4.2 DenseLayer: PyTorch nn.Linear forward, backward and one SGD step.

The kata stores weights as inputSize x units (y = X W + b); nn.Linear stores units x inputSize
(y = X Aᵀ + b), so W = A.T. The loss is L = sum(G * forward(X)) for a given upstream gradient G, so
autograd's X.grad is dX and the SGD step uses dW = XᵀG and db = column sums of G. Everything is float64.
"""
import numpy as np
import torch

from javagen import matrix, string, vector, write_java


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(42)
    cases = []
    specs = [
        ("1 input, 1 unit, batch 1", 1, 1, 1, 0.1, 1.0),
        ("2 inputs, 3 units, batch 4", 4, 2, 3, 0.01, 1.0),
        ("5 inputs, 2 units, batch 3", 3, 5, 2, 0.5, 1.0),
        ("3 inputs, 4 units, batch 7, large activations", 7, 3, 4, 0.001, 100.0),
        ("6 inputs, 6 units, batch 2, small values", 2, 6, 6, 1.0, 0.01),
        ("4 inputs, 1 unit, batch 10", 10, 4, 1, 0.05, 3.0),
    ]
    for name, batch, inputs, units, lr, scale in specs:
        layer = torch.nn.Linear(inputs, units, dtype=torch.float64)
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(rng.uniform(-1, 1, size=(units, inputs))))
            layer.bias.copy_(torch.tensor(rng.uniform(-1, 1, size=units)))
        weights = layer.weight.detach().numpy().T.copy()
        bias = layer.bias.detach().numpy().copy()
        x = torch.tensor(rng.normal(0, scale, size=(batch, inputs)), requires_grad=True)
        g = torch.tensor(rng.normal(0, 1, size=(batch, units)))
        out = layer(x)
        (out * g).sum().backward()
        torch.optim.SGD(layer.parameters(), lr=lr).step()
        cases.append(f"        new Case({string(name)},\n"
                     f"                {matrix(weights)},\n"
                     f"                {vector(bias)},\n"
                     f"                {matrix(x.detach().numpy())},\n"
                     f"                {matrix(g.numpy())}, {lr!r},\n"
                     f"                {matrix(out.detach().numpy())},\n"
                     f"                {matrix(x.grad.numpy())},\n"
                     f"                {matrix(layer.weight.detach().numpy().T)},\n"
                     f"                {vector(layer.bias.detach().numpy())})")
    body = ("    record Case(String name, double[][] weights, double[] bias, double[][] input,\n"
            "                double[][] outputGradient, double learningRate, double[][] output,\n"
            "                double[][] inputGradient, double[][] updatedWeights, double[] updatedBias) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.nn", "DenseLayerOracle", [("PyTorch", torch.__version__)], body, __file__)


if __name__ == "__main__":
    main()
