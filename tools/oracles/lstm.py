"""Oracle for kata 7.1 Lstm: PyTorch's nn.LSTM in float64.

The kata's four gates map onto nn.LSTM's stacked parameters, whose rows are ordered input, forget,
candidate ("g"), output:
    weight_ih_l0 = [W_i; W_f; W_c; W_o]    (4H×I)
    weight_hh_l0 = [U_i; U_f; U_c; U_o]    (4H×H)
    bias_ih_l0   = [b_i; b_f; b_c; b_o],   bias_hh_l0 = 0 (the kata has one bias per gate)
Cases vary the input width, hidden width, sequence length, initial state and weight scale.
"""
import numpy as np
import torch

from javagen import matrix, string, vector, write_java


def gate_java(w, u, b):
    return f"new Lstm.Gate({matrix(w)},\n                        {matrix(u)},\n                        {vector(b)})"


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(71)
    cases = []
    for name, i_size, h_size, steps, scale, state_scale in [
        ("I=1, H=1, 4 steps", 1, 1, 4, 0.8, 0.0),
        ("I=3, H=2, 5 steps, nonzero initial state", 3, 2, 5, 0.6, 0.9),
        ("I=2, H=4, 7 steps", 2, 4, 7, 0.5, 0.5),
        ("I=5, H=3, 3 steps, large weights (saturating gates)", 5, 3, 3, 3.0, 1.0),
        ("I=4, H=6, 10 steps, small weights", 4, 6, 10, 0.1, 0.2),
        ("I=6, H=5, 1 step, large inputs", 6, 5, 1, 0.4, 2.0),
    ]:
        # gates in the kata's order: forget, input, candidate, output
        w = {g: rng.normal(0, scale, (h_size, i_size)) for g in "fico"}
        u = {g: rng.normal(0, scale, (h_size, h_size)) for g in "fico"}
        b = {g: rng.normal(0, scale, h_size) for g in "fico"}
        x = rng.normal(0, 3.0 if "large inputs" in name else 1.0, (steps, i_size))
        h0 = rng.uniform(-state_scale, state_scale, h_size)
        c0 = rng.uniform(-2 * state_scale, 2 * state_scale, h_size)

        lstm = torch.nn.LSTM(i_size, h_size, batch_first=True).double()
        with torch.no_grad():
            lstm.weight_ih_l0.copy_(torch.from_numpy(np.vstack([w["i"], w["f"], w["c"], w["o"]])))
            lstm.weight_hh_l0.copy_(torch.from_numpy(np.vstack([u["i"], u["f"], u["c"], u["o"]])))
            lstm.bias_ih_l0.copy_(torch.from_numpy(np.concatenate([b["i"], b["f"], b["c"], b["o"]])))
            lstm.bias_hh_l0.zero_()
            out, (h_n, c_n) = lstm(torch.from_numpy(x)[None], (torch.from_numpy(h0)[None, None],
                                                             torch.from_numpy(c0)[None, None]))
        gates = ",\n                ".join(gate_java(w[g], u[g], b[g]) for g in "fico")
        cases.append(f"        new Case({string(name)},\n"
                     f"                {gates},\n"
                     f"                {matrix(x)},\n"
                     f"                {vector(h0)}, {vector(c0)},\n"
                     f"                {matrix(out[0].numpy())},\n"
                     f"                {vector(h_n[0, 0].numpy())}, {vector(c_n[0, 0].numpy())})")
    body = ("    record Case(String name, Lstm.Gate forget, Lstm.Gate input, Lstm.Gate candidate, Lstm.Gate output,\n"
            "                double[][] inputs, double[] h0, double[] c0,\n"
            "                double[][] hiddenStates, double[] hidden, double[] cell) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.sequence", "LstmOracle", [("PyTorch", torch.__version__), ("NumPy", np.__version__)],
               body, __file__)


if __name__ == "__main__":
    main()
