"""Oracle for kata 7.2 GruCell: a NumPy replay of Deep-ML's formula, and PyTorch's GRUCell for contrast.

The kata follows Cho et al. 2014 as Deep-ML does:
    z = σ(W_z x + U_z h + b_z),  r = σ(W_r x + U_r h + b_r)
    h̃ = tanh(W_h x + U_h (r ⊙ h) + b_h),  h' = (1 − z) ⊙ h + z ⊙ h̃
PyTorch's GRUCell differs twice: its z weights the OLD state (h' = z ⊙ h + (1 − z) ⊙ h̃) and it applies r
after the product (r ⊙ (U_h h)). Negating the update gate's parameters turns its z into 1 − z, so with
those parameters PyTorch agrees with the kata exactly when h = 0 (where the reset placement cannot matter)
and differs otherwise. TORCH_* cases freeze both situations.
"""
import numpy as np
import torch

from javagen import matrix, string, vector, write_java


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def step(gates, x, h):
    (wz, uz, bz), (wr, ur, br), (wh, uh, bh) = gates
    z = sigmoid(wz @ x + uz @ h + bz)
    r = sigmoid(wr @ x + ur @ h + br)
    h_tilde = np.tanh(wh @ x + uh @ (r * h) + bh)
    return (1 - z) * h + z * h_tilde


def torch_step(gates, x, h):
    (wz, uz, bz), (wr, ur, br), (wh, uh, bh) = gates
    i_size, h_size = x.shape[0], h.shape[0]
    cell = torch.nn.GRUCell(i_size, h_size).double()
    with torch.no_grad():
        # rows ordered reset, update, new; the update gate negated so that PyTorch's z is the kata's 1 − z
        cell.weight_ih.copy_(torch.from_numpy(np.vstack([wr, -wz, wh])))
        cell.weight_hh.copy_(torch.from_numpy(np.vstack([ur, -uz, uh])))
        cell.bias_ih.copy_(torch.from_numpy(np.concatenate([br, -bz, bh])))
        cell.bias_hh.zero_()
        return cell(torch.from_numpy(x)[None], torch.from_numpy(h)[None])[0].numpy()


def random_gates(rng, i_size, h_size, scale):
    return [(rng.normal(0, scale, (h_size, i_size)), rng.normal(0, scale, (h_size, h_size)),
             rng.normal(0, scale, h_size)) for _ in range(3)]


def gates_java(gates):
    return ",\n                ".join(
        f"new GruCell.Gate({matrix(w)},\n                        {matrix(u)},\n                        {vector(b)})"
        for w, u, b in gates)


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(72)
    cases = []
    for name, i_size, h_size, steps, scale in [
        ("I=1, H=1, 5 steps", 1, 1, 5, 0.9),
        ("I=2, H=3, 4 steps", 2, 3, 4, 0.6),
        ("I=4, H=2, 8 steps", 4, 2, 8, 0.5),
        ("I=3, H=5, 3 steps, large weights (saturating gates)", 3, 5, 3, 3.0),
        ("I=6, H=4, 12 steps, small weights", 6, 4, 12, 0.15),
        ("I=5, H=6, 1 step", 5, 6, 1, 0.7),
    ]:
        gates = random_gates(rng, i_size, h_size, scale)
        x = rng.normal(0, 1.5, (steps, i_size))
        h = rng.uniform(-0.9, 0.9, h_size)
        h0 = h.copy()
        states = []
        for t in range(steps):
            h = step(gates, x[t], h)
            states.append(h)
        cases.append(f"        new Case({string(name)},\n"
                     f"                {gates_java(gates)},\n"
                     f"                {matrix(x)},\n"
                     f"                {vector(h0)},\n"
                     f"                {matrix(np.array(states))})")

    zero_state, nonzero_state = [], []
    for k, (i_size, h_size) in enumerate([(2, 3), (4, 2), (3, 5)]):
        gates = random_gates(rng, i_size, h_size, 0.8)
        x = rng.normal(0, 1.5, i_size)
        for h, target in [(np.zeros(h_size), zero_state), (rng.uniform(-0.9, 0.9, h_size), nonzero_state)]:
            ours, theirs = step(gates, x, h), torch_step(gates, x, h)
            if target is zero_state:
                assert np.allclose(ours, theirs, atol=1e-14, rtol=0)
            else:
                assert np.max(np.abs(ours - theirs)) > 1e-2, "pick a case where the conventions visibly differ"
            target.append(f"        new TorchStep({string(f'I={i_size}, H={h_size}')},\n"
                          f"                {gates_java(gates)},\n"
                          f"                {vector(x)}, {vector(h)},\n"
                          f"                {vector(theirs)})")

    body = ("    record Case(String name, GruCell.Gate update, GruCell.Gate reset, GruCell.Gate candidate,\n"
            "                double[][] inputs, double[] h0, double[][] states) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    /** One step of PyTorch's GRUCell given the kata's gates with the update gate negated. */\n"
            "    record TorchStep(String name, GruCell.Gate update, GruCell.Gate reset, GruCell.Gate candidate,\n"
            "                     double[] x, double[] hPrev, double[] torchNext) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    /** NumPy replay of the kata's formula. */\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n\n"
            "    /** hPrev = 0: PyTorch (update gate negated) agrees with the kata. */\n"
            "    static final TorchStep[] TORCH_ZERO_STATE = {\n" + ",\n".join(zero_state) + "\n    };\n\n"
            "    /** hPrev ≠ 0: PyTorch applies the reset gate after U_h, so it differs from the kata. */\n"
            "    static final TorchStep[] TORCH_NONZERO_STATE = {\n" + ",\n".join(nonzero_state) + "\n    };\n")
    write_java("mlkatas.sequence", "GruCellOracle", [("NumPy", np.__version__), ("PyTorch", torch.__version__)],
               body, __file__)


if __name__ == "__main__":
    main()
