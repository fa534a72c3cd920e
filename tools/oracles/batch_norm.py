"""Oracle for kata 4.3 BatchNorm.

forward: torch.nn.functional.batch_norm(x, None, None, gamma, beta, training=True, eps=eps), which
normalises every channel with the mean and population variance over (batch, height, width).

Part B: torch.nn.BatchNorm2d (momentum 0.1 unless a case says otherwise). A case runs a sequence of
steps, each in training or eval mode, and records the output and the running mean/variance after every
step; PyTorch updates the running variance with the unbiased batch variance (n / (n - 1)).
Everything is float64.
"""
import numpy as np
import torch
import torch.nn.functional as F

from javagen import string, tensor4, vector, write_java


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(115)
    forward_cases = []
    for name, shape, eps, scale, shift in [
        ("1x1x1x2, eps 1e-5", (1, 1, 1, 2), 1e-5, 1.0, 0.0),
        ("2x3x2x2, eps 1e-5", (2, 3, 2, 2), 1e-5, 1.0, 0.0),
        ("4x2x3x1, eps 0.1", (4, 2, 3, 1), 0.1, 1.0, 0.0),
        ("3x1x2x3, large offset", (3, 1, 2, 3), 1e-5, 5.0, 1e4),
        ("1x4x3x3, tiny spread", (1, 4, 3, 3), 1e-3, 0.01, 0.0),
        ("5x2x1x1, eps 1e-5", (5, 2, 1, 1), 1e-5, 2.0, -3.0),
    ]:
        channels = shape[1]
        x = rng.normal(shift, scale, size=shape)
        gamma = rng.uniform(-2, 2, size=channels)
        beta = rng.uniform(-2, 2, size=channels)
        y = F.batch_norm(torch.tensor(x), None, None, torch.tensor(gamma), torch.tensor(beta),
                         training=True, eps=eps)
        forward_cases.append(f"        new ForwardCase({string(name)},\n"
                             f"                {tensor4(x)},\n"
                             f"                {vector(gamma)}, {vector(beta)}, {eps!r},\n"
                             f"                {tensor4(y.numpy())})")

    layer_cases = []
    for name, shape, eps, momentum, modes in [
        ("2x2x2x2, three training steps then eval", (2, 2, 2, 2), 1e-5, 0.1, [True, True, True, False]),
        ("eval before any training step", (3, 2, 1, 2), 1e-5, 0.1, [False, True, False]),
        ("4x3x2x1, momentum 0.5", (4, 3, 2, 1), 1e-3, 0.5, [True, False, True, False]),
        ("1x1x2x2, momentum 1 (keep only the last batch)", (1, 1, 2, 2), 1e-5, 1.0, [True, True, False]),
    ]:
        channels = shape[1]
        gamma = rng.uniform(0.5, 2, size=channels)
        beta = rng.uniform(-1, 1, size=channels)
        layer = torch.nn.BatchNorm2d(channels, eps=eps, momentum=momentum, dtype=torch.float64)
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(gamma))
            layer.bias.copy_(torch.tensor(beta))
        steps = []
        for training in modes:
            x = rng.normal(rng.uniform(-3, 3), rng.uniform(0.5, 3), size=shape)
            layer.train(training)
            with torch.no_grad():
                y = layer(torch.tensor(x))
            steps.append(f"                new Step({str(training).lower()},\n"
                         f"                        {tensor4(x)},\n"
                         f"                        {tensor4(y.numpy())},\n"
                         f"                        {vector(layer.running_mean.numpy())},\n"
                         f"                        {vector(layer.running_var.numpy())})")
        layer_cases.append(f"        new LayerCase({string(name)},\n"
                           f"                {vector(gamma)}, {vector(beta)}, {eps!r}, {momentum!r},\n"
                           f"                new Step[] {{\n" + ",\n".join(steps) + "})")

    body = ("    record ForwardCase(String name, double[][][][] x, double[] gamma, double[] beta, double epsilon,\n"
            "                       double[][][][] y) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record Step(boolean training, double[][][][] x, double[][][][] y, double[] runningMean,\n"
            "                double[] runningVariance) {\n"
            "    }\n\n"
            "    record LayerCase(String name, double[] gamma, double[] beta, double epsilon, double momentum,\n"
            "                     Step[] steps) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final ForwardCase[] FORWARD_CASES = {\n" + ",\n".join(forward_cases) + "\n    };\n\n"
            "    static final LayerCase[] LAYER_CASES = {\n" + ",\n".join(layer_cases) + "\n    };\n")
    write_java("mlkatas.nn", "BatchNormOracle", [("PyTorch", torch.__version__)], body, __file__)


if __name__ == "__main__":
    main()
