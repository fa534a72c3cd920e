"""Oracle for kata 8.3 PositionalEncoding: the sinusoidal formula in NumPy (float64).

    PE[pos, 2i] = sin(pos / 10000^(2i/d)),  PE[pos, 2i+1] = cos(pos / 10000^(2i/d))
Shapes vary: a single position, odd widths (the last column is a sine), long sequences, wide models.
"""
import numpy as np

from javagen import matrix, string, write_java


def encode(length, d):
    pos = np.arange(length, dtype=np.float64)[:, None]
    pair = np.arange(0, d, 2, dtype=np.float64)[None, :]
    angles = pos / np.power(10000.0, pair / d)
    pe = np.zeros((length, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d // 2])
    return pe


def main():
    cases = []
    for length, d in [(1, 1), (1, 6), (4, 1), (5, 3), (10, 16), (50, 7), (100, 4), (16, 64), (3, 513)]:
        cases.append(f"        new Case({string(f'length {length}, dModel {d}')}, {length}, {d},\n"
                     f"                {matrix(encode(length, d))})")
    body = ("    record Case(String name, int length, int dModel, double[][] expected) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.transformer", "PositionalEncodingOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
