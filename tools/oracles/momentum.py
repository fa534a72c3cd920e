"""Oracle for kata 5.2 Momentum: trajectories of torch.optim.SGD(momentum=μ) in float64.

PyTorch keeps a buffer b ← μ·b + g and steps θ ← θ − η·b, so its buffer is our velocity divided by η
(v = η·b). A non-zero starting velocity v0 is given to PyTorch as the buffer v0/η. Each case feeds a fixed
sequence of gradients and records θ and v after every step.
"""
import numpy as np
import torch

from javagen import double, matrix, string, vector, write_java


def sgd_momentum(theta0, v0, gradients, lr, mu):
    p = torch.nn.Parameter(torch.tensor(theta0, dtype=torch.float64))
    opt = torch.optim.SGD([p], lr=lr, momentum=mu)
    if np.any(v0):
        opt.state[p]["momentum_buffer"] = torch.tensor(v0 / lr, dtype=torch.float64)
    thetas, velocities = [], []
    for g in gradients:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        thetas.append(p.detach().numpy().copy())
        buffer = opt.state[p].get("momentum_buffer")
        velocities.append(lr * buffer.numpy().copy())
    return np.array(thetas), np.array(velocities)


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(52)
    cases = []
    for name, n, steps, lr, mu, v_scale, g_scale in [
        ("3 parameters from rest, lr 0.01, momentum 0.9", 3, 15, 0.01, 0.9, 0.0, 1.0),
        ("moving start, lr 0.1, momentum 0.5", 4, 10, 0.1, 0.5, 0.3, 1.0),
        ("large gradients, lr 1e-3, momentum 0.99", 2, 30, 1e-3, 0.99, 0.0, 100.0),
        ("single parameter, momentum 0.2", 1, 20, 0.5, 0.2, 1.0, 0.1),
        ("6 parameters, momentum 0.75, moving start", 6, 12, 0.05, 0.75, 2.0, 3.0),
    ]:
        theta0 = rng.uniform(-5, 5, size=n)
        v0 = rng.normal(0, v_scale, size=n) if v_scale > 0 else np.zeros(n)
        gradients = rng.normal(0, g_scale, size=(steps, n))
        thetas, velocities = sgd_momentum(theta0, v0, gradients, lr, mu)
        cases.append(f"        new Case({string(name)}, {double(lr)}, {double(mu)},\n"
                     f"                {vector(theta0)}, {vector(v0)},\n"
                     f"                {matrix(gradients)},\n"
                     f"                {matrix(thetas)},\n"
                     f"                {matrix(velocities)})")
    body = ("    /** gradients[t] is fed on step t; thetas[t] and velocities[t] are θ and v after that step. */\n"
            "    record Case(String name, double learningRate, double momentum, double[] theta0, double[] v0,\n"
            "                double[][] gradients, double[][] thetas, double[][] velocities) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.optim", "MomentumOracle", [("PyTorch", torch.__version__), ("NumPy", np.__version__)], body,
               __file__)


if __name__ == "__main__":
    main()
