"""Oracle for kata 9.2 GridSearch.

The trial order is Python's itertools.product over the grid's values in key insertion order (last key
fastest), exactly. For grids whose keys are already in alphabetical order, scikit-learn's ParameterGrid
(which sorts keys) is checked to give the same order. The best trial is NumPy's nanargmax (first maximum,
NaN ignored) over frozen pseudo-random scores, which include ties, NaN and infinities.
"""
import itertools
import math

import numpy as np
import sklearn
from sklearn.model_selection import ParameterGrid

from javagen import double, string, vector, write_java


def literal(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return double(v)
    return string(v)


def java_list(values):
    return "java.util.List.of(" + ", ".join(literal(v) for v in values) + ")"


def main():
    rng = np.random.default_rng(20261124)
    cases = []
    for name, grid, special in [
        ("one key", {"k": [1, 3, 5, 7]}, None),
        ("SVM-like, alphabetical keys", {"C": [0.1, 1.0, 10.0], "gamma": ["auto", "scale"]}, None),
        ("three keys, not alphabetical", {"max_depth": [2, 4, 8], "criterion": ["gini", "entropy"],
                                          "bootstrap": [True, False]}, None),
        ("four keys, mixed types", {"lr": [0.001, 0.01], "batch": [16, 32, 64], "opt": ["adam", "sgd"],
                                    "dropout": [0.0, 0.5]}, None),
        ("ties everywhere", {"a": [1, 2, 3], "b": [1, 2]}, "ties"),
        ("some NaN scores", {"z": ["x", "y", "w"], "a": [1, 2, 3]}, "nan"),
        ("infinite scores", {"alpha": [0.5, 1.5], "beta": [2, 4, 6]}, "inf"),
        ("single value per key", {"q": [9], "p": ["only"]}, None),
    ]:
        combos = list(itertools.product(*grid.values()))
        if list(grid) == sorted(grid):
            sk = [tuple(p[k] for k in grid) for p in ParameterGrid(grid)]
            assert sk == combos, (name, sk, combos)
            name += " (also scikit-learn ParameterGrid order)"
        n = len(combos)
        if special == "ties":
            scores = rng.integers(0, 3, size=n).astype(float)
        else:
            scores = np.round(rng.uniform(0, 1, size=n), 6)
        if special == "nan":
            scores[rng.choice(n, size=n // 2, replace=False)] = np.nan
            scores[0] = np.nan
        if special == "inf":
            scores[1] = math.inf
            scores[4] = math.inf
            scores[0] = -math.inf
        best = int(np.nanargmax(scores))
        keys = ", ".join(f"{string(k)}, {java_list(v)}" for k, v in grid.items())
        combos_java = "java.util.List.of(" + ", ".join(java_list(c) for c in combos) + ")"
        cases.append(f"        new Case({string(name)},\n"
                     f"                grid({keys}),\n"
                     f"                {combos_java},\n"
                     f"                {vector(scores)}, {best})")
    body = ("    record Case(String name, java.util.Map<String, java.util.List<?>> grid, java.util.List<java.util.List<Object>> combinations,\n"
            "                double[] scores, int best) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    /** Keys and value lists, alternating, into a map that keeps their order. */\n"
            "    private static java.util.Map<String, java.util.List<?>> grid(Object... keysAndValues) {\n"
            "        java.util.Map<String, java.util.List<?>> grid = new java.util.LinkedHashMap<>();\n"
            "        for (int i = 0; i < keysAndValues.length; i += 2) {\n"
            "            grid.put((String) keysAndValues[i], (java.util.List<?>) keysAndValues[i + 1]);\n"
            "        }\n"
            "        return grid;\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "GridSearchOracle",
               [("Python itertools", "(standard library)"), ("scikit-learn", sklearn.__version__),
                ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
