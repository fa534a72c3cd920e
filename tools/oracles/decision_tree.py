"""Oracle for kata 1.5 DecisionTree: an ID3 replay whose entropies come from SciPy.

For seeded random categorical tables, the tree is grown with the kata's rules (information gain in bits from
scipy.stats.entropy(base=2); gain ties within 1e-12 go to the earliest attribute; majority ties to the label
that occurs first; a split even at gain 0; one branch per value present) and written in a canonical one-line
form with branches sorted by value: A0(v0→c1, v1→A2(v0→c0, v2→c1)).
"""
from collections import Counter

import numpy as np
import scipy
from scipy.stats import entropy

from javagen import string, write_java

TIE = 1e-12


def info(labels):
    return entropy(list(Counter(labels).values()), base=2)


def gain(rows, attribute, target):
    labels = [r[target] for r in rows]
    remainder = 0.0
    for value in dict.fromkeys(r[attribute] for r in rows):
        subset = [r[target] for r in rows if r[attribute] == value]
        remainder += len(subset) / len(rows) * info(subset)
    return info(labels) - remainder


def id3(rows, attributes, target):
    labels = [r[target] for r in rows]
    if len(set(labels)) == 1:
        return labels[0]
    if not attributes:
        counts = Counter(labels)
        best = max(counts.values())
        return next(label for label in labels if counts[label] == best)
    gains = [gain(rows, a, target) for a in attributes]
    top = max(gains)
    chosen = next(a for a, g in zip(attributes, gains) if g >= top - TIE)
    rest = [a for a in attributes if a != chosen]
    branches = {}
    for value in dict.fromkeys(r[chosen] for r in rows):
        branches[value] = id3([r for r in rows if r[chosen] == value], rest, target)
    return (chosen, branches)


def render(node):
    if isinstance(node, str):
        return node
    attribute, branches = node
    return attribute + "(" + ", ".join(f"{v}→{render(branches[v])}" for v in sorted(branches)) + ")"


def main():
    rng = np.random.default_rng(15)
    cases = []
    for index in range(10):
        n_attributes = int(rng.integers(2, 6))
        n_rows = int(rng.integers(6, 31))
        n_labels = int(rng.integers(2, 4))
        values = [int(rng.integers(2, 5)) for _ in range(n_attributes)]
        attributes = [f"A{a}" for a in range(n_attributes)]
        rows = []
        for _ in range(n_rows):
            row = {a: f"v{int(rng.integers(0, values[i]))}" for i, a in enumerate(attributes)}
            row["Label"] = f"c{int(rng.integers(0, n_labels))}"
            rows.append(row)
        tree = render(id3(rows, attributes, "Label"))
        header = " ".join(attributes + ["Label"])
        lines = ", ".join(string(" ".join(r[a] for a in attributes + ["Label"])) for r in rows)
        name = f"{n_rows} rows, {n_attributes} attributes, {n_labels} labels"
        cases.append(f"        new Case({string(name)}, {string(header)},\n"
                     f"                new String[] {{{lines}}},\n"
                     f"                {string(tree)})")
    body = ("    /** A table (header and whitespace-separated rows; the target is Label) and its ID3 tree. */\n"
            "    record Case(String name, String header, String[] rows, String tree) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.algorithms", "DecisionTreeOracle",
               [("SciPy", scipy.__version__), ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
