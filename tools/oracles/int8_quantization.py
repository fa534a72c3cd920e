"""Oracle for kata 9.7 Int8Quantization: PyTorch's torch.quantize_per_tensor(x, scale, 0, torch.qint8).

The scale is the kata's symmetric rule, max|x| / 127. PyTorch quantizes float32 tensors only, so every
input is a float32 value (exact in double) and the script checks that no value lies so close to a rounding
tie that float32 and double arithmetic could round it differently. Expected q comes from PyTorch's
int_repr(); the dequantized values are q·scale in double.
"""
import numpy as np
import torch

from javagen import double, ints, string, vector, write_java


def main():
    rng = np.random.default_rng(20261122)
    inputs = [
        ("four weights", rng.normal(0, 1, size=4)),
        ("32 small weights", rng.normal(0, 0.02, size=32)),
        ("100 uniform weights in ±3", rng.uniform(-3, 3, size=100)),
        ("only positive activations", rng.exponential(2.0, size=20)),
        ("one outlier dominates the scale", np.concatenate([rng.normal(0, 0.1, size=15), [40.0]])),
        ("large magnitudes", rng.normal(0, 1e4, size=12)),
        ("single negative value", np.array([-0.75])),
    ]
    cases = []
    for name, values in inputs:
        x = values.astype(np.float32).astype(np.float64)
        scale = float(np.max(np.abs(x)) / 127)
        levels = x / scale
        distance_to_tie = np.abs(np.abs(levels - np.floor(levels)) - 0.5)
        assert np.all(distance_to_tie > 1e-3), f"{name}: a value is too close to a rounding tie"
        q = torch.quantize_per_tensor(torch.tensor(x, dtype=torch.float32), scale, 0, torch.qint8)
        q = q.int_repr().numpy().astype(int)
        assert np.array_equal(q, np.clip(np.rint(levels), -127, 127)), name
        cases.append(f"        new Case({string(name)},\n"
                     f"                {vector(x)},\n"
                     f"                {ints(q)}, {double(scale)},\n"
                     f"                {vector(q * scale)})")
    body = ("    record Case(String name, double[] x, int[] quantized, double scale, double[] dequantized) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "Int8QuantizationOracle",
               [("PyTorch", torch.__version__), ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
