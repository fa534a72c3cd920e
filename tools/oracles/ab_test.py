"""Oracle for kata 9.5 AbTest: statsmodels' two-proportion z-test and Wald interval.

z and the two-sided p-value: statsmodels.stats.proportion.proportions_ztest([x_t, x_c], [n_t, n_c]) (pooled
variance). The interval: confint_proportions_2indep(x_t, n_t, x_c, n_c, method="wald", compare="diff").
The required sample size: SciPy's normal quantiles in the kata's formula.
"""
import math

import numpy as np
import scipy
import statsmodels
from scipy.stats import norm
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

from javagen import double, string, write_java


def main():
    rng = np.random.default_rng(20261127)
    specs = [("spec example: 250/500 vs 300/500", 500, 250, 500, 300, 0.95, 0.02)]
    for i in range(8):
        nc, nt = int(rng.integers(50, 20000)), int(rng.integers(50, 20000))
        base = rng.uniform(0.01, 0.6)
        xc = int(rng.binomial(nc, base))
        xt = int(rng.binomial(nt, min(0.99, base * rng.uniform(0.8, 1.3))))
        conf = float(rng.choice([0.9, 0.95, 0.99]))
        mde = float(rng.choice([0.005, 0.01, 0.02, 0.05]))
        specs.append((f"random {i + 1}: {xc}/{nc} vs {xt}/{nt}, {conf}", nc, xc, nt, xt, conf, mde))
    specs.append(("treatment worse: 180/400 vs 120/400", 400, 180, 400, 120, 0.95, 0.03))
    specs.append(("rare events: 3/2000 vs 11/2100", 2000, 3, 2100, 11, 0.9, 0.002))
    cases = []
    for name, nc, xc, nt, xt, conf, mde in specs:
        z, p = proportions_ztest([xt, xc], [nt, nc])
        lo, hi = confint_proportions_2indep(xt, nt, xc, nc, method="wald", compare="diff", alpha=1 - conf)
        pc, pt = xc / nc, xt / nt
        n = (norm.ppf(1 - (1 - conf) / 2) + norm.ppf(0.8)) ** 2 * (pc * (1 - pc) + pt * (1 - pt)) / mde ** 2
        assert abs(n - round(n)) > 1e-6, name   # keep the ceiling away from rounding noise
        cases.append(f"        new Case({string(name)}, {nc}, {xc}, {nt}, {xt}, {conf!r}, {mde!r},\n"
                     f"                {double(z)}, {double(p)}, {double(lo)}, {double(hi)}, {math.ceil(n)}L)")
    body = ("    record Case(String name, int controlSize, int controlConversions, int treatmentSize,\n"
            "                int treatmentConversions, double confidenceLevel, double minDetectableEffect,\n"
            "                double z, double pValue, double ciLower, double ciUpper, long sampleSize) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "AbTestOracle",
               [("statsmodels", statsmodels.__version__), ("SciPy", scipy.__version__)], body, __file__)


if __name__ == "__main__":
    main()
