"""Oracle for kata 9.4 PopulationStabilityIndex: a NumPy implementation of the kata's definition.

Bins: `bins` equal-width bins over the reference's [min, max], inner edges min + i*width; a value goes to
the bin numpy.searchsorted(inner_edges, v, side="right") (values on an edge go up, values outside the
reference range to the end bins). Empty-bin proportions become 1e-4; PSI = sum((p - r) * ln(p / r)).
"""
import numpy as np

from javagen import string, vector, write_java


def psi(reference, production, bins):
    lo, hi = reference.min(), reference.max()
    width = (hi - lo) / bins
    inner = lo + np.arange(1, bins) * width

    def proportions(values):
        counts = np.bincount(np.searchsorted(inner, values, side="right"), minlength=bins).astype(float)
        p = counts / len(values)
        p[counts == 0] = 1e-4
        return p

    r, p = proportions(reference), proportions(production)
    return float(np.sum((p - r) * np.log(p / r)))


def main():
    rng = np.random.default_rng(20261126)
    cases = []
    specs = [
        ("normal, no drift, 10 bins", rng.normal(0, 1, 500), rng.normal(0, 1, 400), 10),
        ("normal, mean shift 0.3, 10 bins", rng.normal(0, 1, 500), rng.normal(0.3, 1, 500), 10),
        ("normal, variance doubled, 20 bins", rng.normal(5, 2, 800), rng.normal(5, 2 * np.sqrt(2), 600), 20),
        ("exponential vs lognormal, 8 bins", rng.exponential(2.0, 300), rng.lognormal(0.2, 0.8, 300), 8),
        ("large magnitudes (1e6), 5 bins", rng.normal(1e6, 5e4, 200), rng.normal(1.02e6, 5e4, 250), 5),
        ("integer scores with values on bin edges, 4 bins", rng.integers(0, 9, 120).astype(float),
         rng.integers(2, 11, 90).astype(float), 4),
        ("production far outside the range, 6 bins", rng.uniform(0, 1, 100), rng.uniform(3, 4, 50), 6),
        ("one bin is always 0", rng.uniform(-1, 1, 30), rng.uniform(5, 6, 30), 1),
        ("tiny samples, 3 bins", np.array([0.1, 0.4, 0.9]), np.array([0.5, 0.55]), 3),
    ]
    for name, reference, production, bins in specs:
        cases.append(f"        new Case({string(name)},\n"
                     f"                {vector(reference)},\n"
                     f"                {vector(production)},\n"
                     f"                {bins}, {psi(reference, production, bins)!r})")
    body = ("    record Case(String name, double[] reference, double[] production, int bins, double psi) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "PopulationStabilityIndexOracle", [("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
