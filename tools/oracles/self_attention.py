"""Oracle for kata 8.1 SelfAttention: PyTorch in float64.

Two independent computations:
  * the explicit formula softmax(q @ k.T / sqrt(d_k)) @ v (torch.softmax over the keys), also with a causal
    mask (scores above the diagonal set to -inf), for varied shapes, widths d_v != d_k and large scores;
  * torch.nn.MultiheadAttention with one head and identity projections (no biases), which computes the same
    thing internally; it needs d_v = d_k, and takes the causal mask as attn_mask.
"""
import math

import numpy as np
import torch

from javagen import matrix, string, write_java


def explicit(q, k, v, causal):
    scores = q @ k.T / math.sqrt(k.shape[1])
    if causal:
        mask = torch.triu(torch.ones(q.shape[0], k.shape[0], dtype=torch.bool), diagonal=1)
        scores = scores.masked_fill(mask, float("-inf"))
    return torch.softmax(scores, dim=1) @ v


def one_head_mha(q, k, v, causal):
    d = q.shape[1]
    mha = torch.nn.MultiheadAttention(d, 1, bias=False, batch_first=True).double()
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([torch.eye(d, dtype=torch.float64)] * 3))
        mha.out_proj.weight.copy_(torch.eye(d, dtype=torch.float64))
    mask = torch.triu(torch.ones(q.shape[0], k.shape[0], dtype=torch.bool), diagonal=1) if causal else None
    out, _ = mha(q[None], k[None], v[None], attn_mask=mask, need_weights=False)
    return out[0]


def case(name, q, k, v, expected):
    return (f"        new Case({string(name)},\n"
            f"                {matrix(q.numpy())},\n"
            f"                {matrix(k.numpy())},\n"
            f"                {matrix(v.numpy())},\n"
            f"                {matrix(expected.detach().numpy())})")


def main():
    torch.manual_seed(0)
    rng = np.random.default_rng(81)

    def draw(rows, cols, scale):
        return torch.from_numpy(rng.normal(0, scale, (rows, cols)))

    plain, causal, mha, mha_causal = [], [], [], []
    for name, n, m, dk, dv, scale in [
        ("1 query, 1 key", 1, 1, 3, 2, 1.0),
        ("3 queries, 5 keys, d_k 4, d_v 2", 3, 5, 4, 2, 1.0),
        ("6 queries, 2 keys, d_k 1, d_v 5", 6, 2, 1, 5, 1.5),
        ("4 queries, 4 keys, d_k 8, d_v 3, sharp scores", 4, 4, 8, 3, 4.0),
        ("5 queries, 7 keys, d_k 2, d_v 6, scores near 1e4", 5, 7, 2, 6, 100.0),
        ("2 queries, 3 keys, d_k 16, d_v 1, small scores", 2, 3, 16, 1, 0.05),
    ]:
        q, k, v = draw(n, dk, scale), draw(m, dk, scale), draw(m, dv, 2.0)
        plain.append(case(name, q, k, v, explicit(q, k, v, False)))
    for name, n, dk, dv, scale in [
        ("causal, 1 position", 1, 2, 3, 1.0),
        ("causal, 4 positions, d_k 3, d_v 2", 4, 3, 2, 1.0),
        ("causal, 7 positions, d_k 5, d_v 4, sharp scores", 7, 5, 4, 3.0),
    ]:
        q, k, v = draw(n, dk, scale), draw(n, dk, scale), draw(n, dv, 2.0)
        causal.append(case(name, q, k, v, explicit(q, k, v, True)))
    for name, n, m, d, scale, is_causal in [
        ("MHA 1 head, 3 queries, 4 keys, d 2", 3, 4, 2, 1.0, False),
        ("MHA 1 head, 5 queries, 5 keys, d 6", 5, 5, 6, 1.5, False),
        ("MHA 1 head, 2 queries, 6 keys, d 4, sharp scores", 2, 6, 4, 4.0, False),
        ("MHA 1 head, causal, 5 positions, d 3", 5, 5, 3, 1.0, True),
    ]:
        q, k, v = draw(n, d, scale), draw(m, d, scale), draw(m, d, 2.0)
        expected = one_head_mha(q, k, v, is_causal)
        assert torch.allclose(expected, explicit(q, k, v, is_causal), atol=1e-12, rtol=0)
        (mha_causal if is_causal else mha).append(case(name, q, k, v, expected))

    body = ("    record Case(String name, double[][] q, double[][] k, double[][] v, double[][] expected) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    /** softmax(q @ k.T / sqrt(d_k)) @ v, written out in PyTorch. */\n"
            "    static final Case[] EXPLICIT = {\n" + ",\n".join(plain) + "\n    };\n\n"
            "    /** The same with scores above the diagonal masked to -inf. */\n"
            "    static final Case[] EXPLICIT_CAUSAL = {\n" + ",\n".join(causal) + "\n    };\n\n"
            "    /** nn.MultiheadAttention, one head, identity projections, no bias. */\n"
            "    static final Case[] MULTIHEAD_ONE_HEAD = {\n" + ",\n".join(mha) + "\n    };\n\n"
            "    /** nn.MultiheadAttention as above with a causal attn_mask. */\n"
            "    static final Case[] MULTIHEAD_ONE_HEAD_CAUSAL = {\n" + ",\n".join(mha_causal) + "\n    };\n")
    write_java("mlkatas.transformer", "SelfAttentionOracle", [("PyTorch", torch.__version__)], body, __file__)


if __name__ == "__main__":
    main()
