"""Oracle for kata 5.1 Adam: trajectories of torch.optim.Adam in float64.

Two kinds of cases:
- a fixed sequence of gradients fed to step() one call at a time (the whole trajectory is recorded), so
  agreement means the same update rule step by step, for several β1, β2, ε and learning rates;
- optimize() on the gradient field g(x) = A·x − b + k ⊙ x³ (the gradient of a convex quartic when A is
  symmetric positive definite), recording only the final point.
"""
import numpy as np
import torch

from javagen import double, matrix, string, vector, write_java


def adam_sequence(x0, gradients, lr, beta1, beta2, eps):
    p = torch.nn.Parameter(torch.tensor(x0, dtype=torch.float64))
    opt = torch.optim.Adam([p], lr=lr, betas=(beta1, beta2), eps=eps)
    trajectory = []
    for g in gradients:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        trajectory.append(p.detach().numpy().copy())
    return np.array(trajectory)


def adam_field(x0, a, b, k, lr, beta1, beta2, eps, iterations):
    p = torch.nn.Parameter(torch.tensor(x0, dtype=torch.float64))
    opt = torch.optim.Adam([p], lr=lr, betas=(beta1, beta2), eps=eps)
    at = torch.tensor(a, dtype=torch.float64)
    bt = torch.tensor(b, dtype=torch.float64)
    kt = torch.tensor(k, dtype=torch.float64)
    for _ in range(iterations):
        opt.zero_grad()
        with torch.no_grad():
            p.grad = at @ p - bt + kt * p ** 3
        opt.step()
    return p.detach().numpy().copy()


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(51)
    sequences = []
    for name, n, steps, lr, beta1, beta2, eps, scale in [
        ("defaults, 3 parameters, 12 steps", 3, 12, 0.001, 0.9, 0.999, 1e-8, 1.0),
        ("large gradients, lr 0.1", 5, 20, 0.1, 0.9, 0.999, 1e-8, 1e3),
        ("tiny gradients, eps 1e-3 matters", 4, 15, 0.01, 0.9, 0.999, 1e-3, 1e-3),
        ("beta1 0 (RMSProp with bias correction)", 3, 10, 0.05, 0.0, 0.99, 1e-8, 1.0),
        ("beta2 0.5, beta1 0.5", 2, 25, 0.02, 0.5, 0.5, 1e-6, 10.0),
        ("single parameter, 40 steps", 1, 40, 0.3, 0.8, 0.95, 1e-8, 0.1),
    ]:
        x0 = rng.uniform(-5, 5, size=n)
        gradients = rng.normal(0, scale, size=(steps, n))
        gradients[steps // 2] = 0.0  # one all-zero gradient on the way
        trajectory = adam_sequence(x0, gradients, lr, beta1, beta2, eps)
        sequences.append(f"        new SequenceCase({string(name)}, {double(lr)}, {double(beta1)}, {double(beta2)},"
                         f" {double(eps)},\n"
                         f"                {vector(x0)},\n"
                         f"                {matrix(gradients)},\n"
                         f"                {matrix(trajectory)})")
    fields = []
    for name, n, lr, beta1, beta2, eps, iterations, quartic in [
        ("quadratic in 2-D, 100 steps", 2, 0.1, 0.9, 0.999, 1e-8, 100, 0.0),
        ("quadratic in 4-D, 500 steps", 4, 0.05, 0.9, 0.999, 1e-8, 500, 0.0),
        ("quartic in 3-D, 300 steps", 3, 0.02, 0.9, 0.999, 1e-8, 300, 0.5),
        ("quartic in 2-D, beta1 0.5, 200 steps", 2, 0.01, 0.5, 0.9, 1e-6, 200, 2.0),
        ("zero iterations", 3, 0.1, 0.9, 0.999, 1e-8, 0, 0.0),
    ]:
        root = rng.normal(size=(n, n))
        a = root @ root.T + n * np.eye(n)
        b = rng.uniform(-3, 3, size=n)
        k = np.full(n, quartic)
        x0 = rng.uniform(-2, 2, size=n)
        final = adam_field(x0, a, b, k, lr, beta1, beta2, eps, iterations)
        fields.append(f"        new FieldCase({string(name)}, {double(lr)}, {double(beta1)}, {double(beta2)},"
                      f" {double(eps)}, {iterations},\n"
                      f"                {vector(x0)},\n"
                      f"                {matrix(a)}, {vector(b)}, {vector(k)},\n"
                      f"                {vector(final)})")
    body = ("    /** step() fed gradients[t] on call t; trajectory[t] is the parameter vector after that call. */\n"
            "    record SequenceCase(String name, double learningRate, double beta1, double beta2, double epsilon,\n"
            "                        double[] x0, double[][] gradients, double[][] trajectory) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    /** optimize() on the gradient field g(x) = a·x − b + k ⊙ x³; last is the point it returns. */\n"
            "    record FieldCase(String name, double learningRate, double beta1, double beta2, double epsilon,\n"
            "                     int iterations, double[] x0, double[][] a, double[] b, double[] k, double[] last) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final SequenceCase[] SEQUENCES = {\n" + ",\n".join(sequences) + "\n    };\n\n"
            "    static final FieldCase[] FIELDS = {\n" + ",\n".join(fields) + "\n    };\n")
    write_java("mlkatas.optim", "AdamOracle", [("PyTorch", torch.__version__), ("NumPy", np.__version__)], body,
               __file__)


if __name__ == "__main__":
    main()
