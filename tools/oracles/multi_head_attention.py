"""Oracle for kata 8.2 MultiHeadAttention: torch.nn.MultiheadAttention(bias=False) in float64.

PyTorch computes x @ W.T for a weight W, so the kata's right-multiplied matrices map as
    in_proj_weight  = [W_q.T; W_k.T; W_v.T]   (3·d_model × d_model)
    out_proj.weight = W_o.T
and splits the projected columns into consecutive blocks of d_model / heads, one per head, exactly as the
kata does. FORWARD cases are self-attention (query = key = value = x) through random projections.
ATTEND cases use identity projections, so the module computes attend(q, k, v, heads) of its inputs.
Torch needs d_in = d_v = d_out = d_model; the kata's more general shapes are covered by the properties.
"""
import numpy as np
import torch

from javagen import matrix, string, write_java


def module(d_model, heads, wq, wk, wv, wo):
    mha = torch.nn.MultiheadAttention(d_model, heads, bias=False, batch_first=True).double()
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.from_numpy(np.vstack([wq.T, wk.T, wv.T])))
        mha.out_proj.weight.copy_(torch.from_numpy(wo.T))
    return mha


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(82)
    forward_cases, attend_cases = [], []
    for name, n, d_model, heads, scale in [
        ("n 3, d_model 2, 1 head", 3, 2, 1, 0.8),
        ("n 4, d_model 4, 2 heads", 4, 4, 2, 0.6),
        ("n 5, d_model 6, 3 heads", 5, 6, 3, 0.5),
        ("n 6, d_model 8, 4 heads", 6, 8, 4, 0.5),
        ("n 2, d_model 8, 8 heads (d_head 1)", 2, 8, 8, 0.7),
        ("n 7, d_model 12, 2 heads, sharp scores", 7, 12, 2, 1.5),
        ("n 1, d_model 4, 4 heads, a single position", 1, 4, 4, 1.0),
    ]:
        x = rng.normal(0, 1.0, (n, d_model))
        wq, wk, wv, wo = (rng.normal(0, scale, (d_model, d_model)) for _ in range(4))
        xt = torch.from_numpy(x)[None]
        out, _ = module(d_model, heads, wq, wk, wv, wo)(xt, xt, xt, need_weights=False)
        forward_cases.append(f"        new ForwardCase({string(name)}, {heads},\n"
                             f"                {matrix(x)},\n"
                             f"                {matrix(wq)},\n"
                             f"                {matrix(wk)},\n"
                             f"                {matrix(wv)},\n"
                             f"                {matrix(wo)},\n"
                             f"                {matrix(out[0].detach().numpy())})")
    for name, n, m, d_model, heads, scale in [
        ("3 queries, 5 keys, d_model 4, 2 heads", 3, 5, 4, 2, 1.0),
        ("4 queries, 2 keys, d_model 6, 3 heads", 4, 2, 6, 3, 1.5),
        ("2 queries, 6 keys, d_model 8, 4 heads, sharp scores", 2, 6, 8, 4, 3.0),
        ("5 queries, 5 keys, d_model 6, 2 heads", 5, 5, 6, 2, 0.7),
    ]:
        identity = np.eye(d_model)
        q, k = rng.normal(0, scale, (n, d_model)), rng.normal(0, scale, (m, d_model))
        v = rng.normal(0, 2.0, (m, d_model))
        out, _ = module(d_model, heads, identity, identity, identity, identity)(
            torch.from_numpy(q)[None], torch.from_numpy(k)[None], torch.from_numpy(v)[None], need_weights=False)
        attend_cases.append(f"        new AttendCase({string(name)}, {heads},\n"
                            f"                {matrix(q)},\n"
                            f"                {matrix(k)},\n"
                            f"                {matrix(v)},\n"
                            f"                {matrix(out[0].detach().numpy())})")
    body = ("    record ForwardCase(String name, int heads, double[][] x, double[][] wq, double[][] wk,\n"
            "                       double[][] wv, double[][] wo, double[][] expected) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record AttendCase(String name, int heads, double[][] q, double[][] k, double[][] v,\n"
            "                      double[][] expected) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    /** Self-attention x → x through nn.MultiheadAttention(bias=False). */\n"
            "    static final ForwardCase[] FORWARD = {\n" + ",\n".join(forward_cases) + "\n    };\n\n"
            "    /** nn.MultiheadAttention(bias=False) with identity projections on (q, k, v). */\n"
            "    static final AttendCase[] ATTEND = {\n" + ",\n".join(attend_cases) + "\n    };\n")
    write_java("mlkatas.transformer", "MultiHeadAttentionOracle", [("PyTorch", torch.__version__),
                                                                   ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
