"""Oracle for kata 5.3 GradientClipping: torch.nn.utils.clip_grad_norm_ in float64.

Each case is a small model's worth of parameters of different shapes (flattened, so the Java side sees
ragged arrays), with gradient norms from 1e-3 to thousands and max norms both below and above them.
PyTorch scales by max_norm / (norm + 1e-6) (clamped at 1), which differs from the exact max_norm / norm
by a relative 1e-6 / norm: the test compares clipped values to 1e-6.
"""
import numpy as np
import torch

from javagen import double, string, write_java


def ragged(arrays):
    return "new double[][] {" + ", ".join("{" + ", ".join(double(x) for x in a) + "}" for a in arrays) + "}"


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(53)
    cases = []
    for name, shapes, scale, max_norm in [
        ("dense layer 3x4 + bias, clipped to 1", [(3, 4), (4,)], 1.0, 1.0),
        ("two layers, norm below max: unchanged", [(2, 3), (3,), (3, 1), (1,)], 0.1, 5.0),
        ("huge gradients (norm in the thousands), clipped to 5", [(4, 4), (4,)], 1000.0, 5.0),
        ("tiny gradients (norm ~1e-3), max 1e-4", [(5,), (2, 2)], 3e-4, 1e-4),
        ("single parameter vector, clipped to 0.5", [(7,)], 2.0, 0.5),
        ("conv-like 2x1x3x3 + bias, max 10", [(2, 1, 3, 3), (2,)], 4.0, 10.0),
        ("one scalar parameter, clipped", [(1,)], 50.0, 1.0),
    ]:
        params = []
        for shape in shapes:
            p = torch.nn.Parameter(torch.zeros(shape, dtype=torch.float64))
            p.grad = torch.tensor(rng.normal(0, scale, size=shape), dtype=torch.float64)
            params.append(p)
        before = [p.grad.detach().numpy().ravel().copy() for p in params]
        total = torch.nn.utils.clip_grad_norm_(params, max_norm).item()
        after = [p.grad.detach().numpy().ravel().copy() for p in params]
        cases.append(f"        new Case({string(name)}, {double(max_norm)},\n"
                     f"                {ragged(before)},\n"
                     f"                {double(total)},\n"
                     f"                {ragged(after)})")
    body = ("    /** norm is the global norm clip_grad_norm_ returned; clipped the gradients after it ran. */\n"
            "    record Case(String name, double maxNorm, double[][] gradients, double norm, double[][] clipped) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.optim", "GradientClippingOracle", [("PyTorch", torch.__version__), ("NumPy", np.__version__)],
               body, __file__)


if __name__ == "__main__":
    main()
