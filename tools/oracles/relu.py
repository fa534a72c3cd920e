"""Oracle for kata 4.5 Relu: torch.nn.functional.relu, leaky_relu and relu's autograd derivative.

Inputs mix ordinary values, exact zeros, tiny and huge magnitudes. The derivative comes from autograd
(relu's backward passes the gradient where z > 0 and gives 0 elsewhere, including z = 0). Float64.
"""
import numpy as np
import torch
import torch.nn.functional as F

from javagen import string, vector, write_java


def main():
    rng = np.random.default_rng(42)
    cases = []
    inputs = [
        ("small integers and zero", np.array([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0])),
        ("normal draws", rng.normal(0, 1, size=12)),
        ("huge magnitudes", np.array([-1e300, -1e10, 1e10, 1e300, -5e-324, 5e-324])),
        ("tiny magnitudes", rng.normal(0, 1e-12, size=8)),
        ("wide uniform draws", rng.uniform(-1e4, 1e4, size=10)),
    ]
    for (name, z), slope in zip(inputs, [0.01, 0.1, 0.2, 0.3, 0.0]):
        t = torch.tensor(z, requires_grad=True)
        out = F.relu(t)
        out.sum().backward()
        leaky = F.leaky_relu(torch.tensor(z), negative_slope=slope)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {vector(z)},\n"
                     f"                {vector(out.detach().numpy())},\n"
                     f"                {vector(t.grad.numpy())},\n"
                     f"                {slope!r}, {vector(leaky.numpy())})")
    body = ("    record Case(String name, double[] z, double[] relu, double[] derivative, double slope,\n"
            "                double[] leaky) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.nn", "ReluOracle", [("PyTorch", torch.__version__)], body, __file__)


if __name__ == "__main__":
    main()
