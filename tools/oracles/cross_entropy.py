"""Oracle for kata 2.2 CrossEntropy.

- PyTorch F.nll_loss on log(clamp(p, eps, 1 - eps)): the mean cross-entropy of clipped probabilities and
  class indices (one-hot labels).
- scikit-learn log_loss(eps=1e-15) on rows that already sum to 1 (it clips and then renormalises each row,
  which changes nothing measurable for such rows at eps 1e-15; cases with a larger eps are not compared).
- PyTorch F.cross_entropy on raw logits (Part B), including logits of magnitude 1e4.

Cases vary the number of samples and classes, confident and uncertain predictions, exact zeros and ones,
and the clipping epsilon.
"""
import numpy as np
import sklearn
import torch
import torch.nn.functional as F
from sklearn.metrics import log_loss

from javagen import ints, matrix, string, double, write_java


def one_hot(labels, classes):
    y = np.zeros((len(labels), classes))
    y[np.arange(len(labels)), labels] = 1.0
    return y


def random_probs(rng, m, c, sharpness):
    z = rng.normal(0, sharpness, size=(m, c))
    p = np.exp(z - z.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def main():
    rng = np.random.default_rng(20261124)

    prob_cases = []
    for name, m, c, sharpness, eps, zeros in [
        ("2 samples, 2 classes", 2, 2, 1.0, 1e-15, False),
        ("5 samples, 3 classes", 5, 3, 1.0, 1e-15, False),
        ("20 samples, 10 classes, confident", 20, 10, 4.0, 1e-15, False),
        ("8 samples, 4 classes, uncertain", 8, 4, 0.1, 1e-15, False),
        ("6 samples, 3 classes, exact zeros and ones", 6, 3, 1.0, 1e-15, True),
        ("7 samples, 5 classes, eps 1e-7", 7, 5, 6.0, 1e-7, True),
        ("4 samples, 3 classes, eps 0.05", 4, 3, 3.0, 0.05, False),
    ]:
        p = random_probs(rng, m, c, sharpness)
        labels = rng.integers(0, c, size=m)
        if zeros:
            # a certain right answer, a certain wrong answer (true class at 0) and a zero off the true class
            p[0] = one_hot([labels[0]], c)[0]
            p[1] = one_hot([(labels[1] + 1) % c], c)[0]
            p[2, (labels[2] + 1) % c] += p[2, (labels[2] + 2) % c]
            p[2, (labels[2] + 2) % c] = 0.0
        clipped = torch.clamp(torch.tensor(p, dtype=torch.float64), eps, 1 - eps)
        torch_loss = F.nll_loss(torch.log(clipped), torch.tensor(labels)).item()
        # log_loss renormalises each row after clipping: with a larger eps that moves the value, so it is an
        # oracle only for the default eps 1e-15 (NaN marks "not compared").
        sklearn_loss = float(log_loss(labels, p, eps=eps, labels=list(range(c)))) if eps == 1e-15 else float("nan")
        prob_cases.append(f"        new ProbabilityCase({string(name)},\n"
                          f"                {matrix(p)},\n"
                          f"                {matrix(one_hot(labels, c))},\n"
                          f"                {double(eps)}, {double(torch_loss)}, {double(sklearn_loss)})")

    logit_cases = []
    for name, m, c, scale in [
        ("1 sample, 2 classes", 1, 2, 1.0),
        ("5 samples, 3 classes", 5, 3, 1.0),
        ("16 samples, 10 classes", 16, 10, 3.0),
        ("6 samples, 4 classes, logits near 0", 6, 4, 1e-3),
        ("4 samples, 3 classes, logits of ±1e4", 4, 3, 1e4),
        ("3 samples, 5 classes, all logits shifted by 500", 3, 5, 1.0),
    ]:
        z = rng.uniform(-1, 1, size=(m, c)) * scale
        if "shifted" in name:
            z = z + 500.0
        labels = rng.integers(0, c, size=m)
        loss = F.cross_entropy(torch.tensor(z, dtype=torch.float64), torch.tensor(labels)).item()
        logit_cases.append(f"        new LogitCase({string(name)},\n"
                           f"                {matrix(z)},\n"
                           f"                {ints(labels)}, {double(loss)})")

    body = ("    record ProbabilityCase(String name, double[][] predictedProbs, double[][] oneHotLabels,\n"
            "                           double epsilon, double torchLoss, double sklearnLoss) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record LogitCase(String name, double[][] logits, int[] labels, double loss) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final ProbabilityCase[] PROBABILITY_CASES = {\n" + ",\n".join(prob_cases) + "\n    };\n\n"
            "    static final LogitCase[] LOGIT_CASES = {\n" + ",\n".join(logit_cases) + "\n    };\n")
    write_java("mlkatas.loss", "CrossEntropyOracle",
               [("PyTorch", torch.__version__), ("scikit-learn", sklearn.__version__), ("NumPy", np.__version__)],
               body, __file__)


if __name__ == "__main__":
    main()
