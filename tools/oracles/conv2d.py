"""Oracle for kata 6.1 Conv2d: torch.nn.functional.conv2d in float64 (no bias).

Single-channel cases cover square and non-square inputs and kernels, paddings 0-3 and strides 1-3,
including sizes where the stride does not divide evenly (the floor in the output size matters).
Part B cases have several input and output channels.
"""
import numpy as np
import torch
import torch.nn.functional as F

from javagen import double, matrix, string, tensor3, tensor4, write_java


def conv(x, k, padding, stride):
    return F.conv2d(torch.tensor(x, dtype=torch.float64), torch.tensor(k, dtype=torch.float64),
                    padding=padding, stride=stride).numpy()


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(61)
    singles = []
    for name, h, w, kh, kw, padding, stride, scale in [
        ("3x3 kernel on 5x5, no padding", 5, 5, 3, 3, 0, 1, 1.0),
        ("3x3 kernel on 6x7, padding 1 ('same')", 6, 7, 3, 3, 1, 1, 1.0),
        ("2x3 kernel on 7x5, stride 2 (uneven)", 7, 5, 2, 3, 0, 2, 10.0),
        ("4x2 kernel on 8x9, padding 2, stride 3", 8, 9, 4, 2, 2, 3, 1.0),
        ("1x1 kernel on 4x6, stride 2", 4, 6, 1, 1, 0, 2, 100.0),
        ("5x5 kernel on 3x3, padding 1 (kernel equals padded input)", 3, 3, 5, 5, 1, 1, 1.0),
        ("3x3 kernel on 1x1, padding 3", 1, 1, 3, 3, 3, 1, 1.0),
        ("1x4 kernel on 2x10, stride 3", 2, 10, 1, 4, 0, 3, 0.01),
    ]:
        x = rng.normal(0, scale, size=(h, w))
        k = rng.normal(0, 1, size=(kh, kw))
        out = conv(x[None, None], k[None, None], padding, stride)[0, 0]
        singles.append(f"        new Case({string(name)}, {padding}, {stride},\n"
                       f"                {matrix(x)},\n"
                       f"                {matrix(k)},\n"
                       f"                {matrix(out)})")
    multis = []
    for name, c, oc, h, w, kh, kw, padding, stride in [
        ("3 channels in, 2 out, 3x3 kernels on 5x5", 3, 2, 5, 5, 3, 3, 0, 1),
        ("2 channels in, 4 out, padding 1, stride 2", 2, 4, 6, 5, 3, 3, 1, 2),
        ("1 channel in, 3 out (a filter bank)", 1, 3, 4, 4, 2, 2, 0, 1),
        ("4 channels in, 1 out, 1x1 kernels (a weighted channel sum)", 4, 1, 3, 5, 1, 1, 0, 1),
        ("2 channels in, 2 out, 2x3 kernels, padding 2, stride 3", 2, 2, 7, 6, 2, 3, 2, 3),
    ]:
        x = rng.normal(0, 1, size=(c, h, w))
        k = rng.normal(0, 1, size=(oc, c, kh, kw))
        out = conv(x[None], k, padding, stride)[0]
        multis.append(f"        new MultiCase({string(name)}, {padding}, {stride},\n"
                      f"                {tensor3(x)},\n"
                      f"                {tensor4(k)},\n"
                      f"                {tensor3(out)})")
    body = ("    record Case(String name, int padding, int stride, double[][] input, double[][] kernel,\n"
            "                double[][] output) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record MultiCase(String name, int padding, int stride, double[][][] input, double[][][][] kernels,\n"
            "                     double[][][] output) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(singles) + "\n    };\n\n"
            "    static final MultiCase[] MULTI_CASES = {\n" + ",\n".join(multis) + "\n    };\n")
    write_java("mlkatas.cnn", "Conv2dOracle", [("PyTorch", torch.__version__), ("NumPy", np.__version__)], body,
               __file__)


if __name__ == "__main__":
    main()
