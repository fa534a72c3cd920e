"""Oracle for kata 9.9 StatisticalPower: statsmodels' NormalIndPower (two-sample z-test, ratio 1).

power(): NormalIndPower().power(d, nobs1=n, alpha, ratio=1, alternative="two-sided" or "larger").
sampleSizePerGroup(): the smallest integer n >= 2 whose statsmodels power reaches the target, found by
walking up from n = 2 (statsmodels' solve_power returns a real number). Cases whose power at the answer is
within 1e-9 of the target are skipped, so double-rounding differences cannot flip the integer.
"""
import numpy as np
import statsmodels
from statsmodels.stats.power import NormalIndPower

from javagen import double, string, write_java


def alternative(two_tailed):
    return "two-sided" if two_tailed else "larger"


def main():
    analysis = NormalIndPower()
    rng = np.random.default_rng(20261122)
    power_cases = []
    for _ in range(14):
        d = float(rng.choice([0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 2.0]))
        # Spread the noncentrality d·sqrt(n/2) over [0.3, 4.5] so the powers cover (0, 1) instead of piling at 1.
        n = max(2, int(round(2 * (rng.uniform(0.3, 4.5) / d) ** 2)))
        alpha = float(rng.choice([0.001, 0.01, 0.05, 0.1, 0.2]))
        two = bool(rng.integers(0, 2))
        p = analysis.power(effect_size=d, nobs1=n, alpha=alpha, ratio=1, alternative=alternative(two))
        name = f"d {d}, n {n}, alpha {alpha}, {'two' if two else 'one'}-tailed"
        power_cases.append(f"        new PowerCase({string(name)}, {double(d)}, {n}, {double(alpha)}, "
                           f"{str(two).lower()}, {double(p)})")
    size_cases = []
    for d, alpha, target, two in [(0.5, 0.05, 0.8, True), (0.2, 0.05, 0.9, True), (0.1, 0.2, 0.5, True),
                                  (0.3, 0.01, 0.95, False), (0.8, 0.1, 0.7, False), (1.5, 0.05, 0.8, True),
                                  (3.0, 0.05, 0.6, False), (0.05, 0.05, 0.8, True), (0.25, 0.2, 0.6, True)]:
        n = 2
        while analysis.power(effect_size=d, nobs1=n, alpha=alpha, ratio=1, alternative=alternative(two)) < target:
            n += 1
        for m in (n - 1, n):
            if m >= 2:
                margin = abs(analysis.power(effect_size=d, nobs1=m, alpha=alpha, ratio=1,
                                            alternative=alternative(two)) - target)
                assert margin > 1e-9, (d, alpha, target, two)
        name = f"d {d}, alpha {alpha}, power {target}, {'two' if two else 'one'}-tailed"
        size_cases.append(f"        new SizeCase({string(name)}, {double(d)}, {double(alpha)}, {double(target)}, "
                          f"{str(two).lower()}, {n})")
    body = ("    record PowerCase(String name, double effectSize, int n, double alpha, boolean twoTailed,\n"
            "                     double power) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    record SizeCase(String name, double effectSize, double alpha, double power, boolean twoTailed,\n"
            "                    int n) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final PowerCase[] POWER_CASES = {\n" + ",\n".join(power_cases) + "\n    };\n\n"
            "    static final SizeCase[] SIZE_CASES = {\n" + ",\n".join(size_cases) + "\n    };\n")
    write_java("mlkatas.production", "StatisticalPowerOracle", [("statsmodels", statsmodels.__version__)],
               body, __file__)


if __name__ == "__main__":
    main()
