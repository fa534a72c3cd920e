"""Oracle for kata 6.2 GlobalAveragePooling: torch.nn.functional.adaptive_avg_pool2d(x, 1) in float64.

NCHW cases are pooled directly. HWC cases are single feature maps stored channels-last; PyTorch pools
them after a permute to channels-first. Shapes are non-square and extents differ, so pooling over the
wrong axes gives the wrong length, and magnitudes vary from 1e-3 to 1e4.
"""
import numpy as np
import torch
import torch.nn.functional as F

from javagen import double, string, tensor3, tensor4, vector, matrix, write_java


def pool(x):
    return F.adaptive_avg_pool2d(torch.tensor(x, dtype=torch.float64), 1).numpy()


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(62)
    nchw = []
    for name, n, c, h, w, scale, shift in [
        ("batch of 2, 3 channels, 4x5", 2, 3, 4, 5, 1.0, 0.0),
        ("batch of 1, 8 channels, 7x7", 1, 8, 7, 7, 10.0, 5.0),
        ("batch of 4, 2 channels, 1x3", 4, 2, 1, 3, 1e4, 0.0),
        ("batch of 3, 5 channels, 6x2, tiny values", 3, 5, 6, 2, 1e-3, 0.0),
        ("batch of 2, 1 channel, 1x1", 2, 1, 1, 1, 1.0, 0.0),
    ]:
        x = rng.normal(shift, scale, size=(n, c, h, w))
        out = pool(x)[:, :, 0, 0]
        nchw.append(f"        new NchwCase({string(name)},\n"
                    f"                {tensor4(x)},\n"
                    f"                {matrix(out)})")
    hwc = []
    for name, h, w, c, scale in [
        ("3x4 map, 2 channels", 3, 4, 2, 1.0),
        ("5x2 map, 6 channels", 5, 2, 6, 100.0),
        ("1x7 map, 3 channels", 1, 7, 3, 1.0),
        ("8x8 map, 4 channels", 8, 8, 4, 0.1),
    ]:
        x = rng.normal(0, scale, size=(h, w, c))
        out = pool(np.transpose(x, (2, 0, 1))[None])[0, :, 0, 0]
        hwc.append(f"        new HwcCase({string(name)},\n"
                   f"                {tensor3(x)},\n"
                   f"                {vector(out)})")
    body = ("    record NchwCase(String name, double[][][][] x, double[][] pooled) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record HwcCase(String name, double[][][] x, double[] pooled) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final NchwCase[] NCHW_CASES = {\n" + ",\n".join(nchw) + "\n    };\n\n"
            "    static final HwcCase[] HWC_CASES = {\n" + ",\n".join(hwc) + "\n    };\n")
    write_java("mlkatas.cnn", "GlobalAveragePoolingOracle", [("PyTorch", torch.__version__), ("NumPy", np.__version__)],
               body, __file__)


if __name__ == "__main__":
    main()
