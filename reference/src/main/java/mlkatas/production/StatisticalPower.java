package mlkatas.production;

import mlkatas.Checks;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Kata 9.9 StatisticalPower: the power of a two-sample z-test, and the sample size that reaches a target
 * power.
 *
 * <p>See katas.md, section "9.9 StatisticalPower".
 */
public final class StatisticalPower {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private StatisticalPower() {
    }

    /**
     * The probability that a two-sample z-test with {@code sampleSizePerGroup} per group rejects the null
     * hypothesis when the true standardised effect is {@code effectSize} (Cohen's d).
     *
     * <pre>
     *   ncp = d·√(n/2)                                   (the mean of the test statistic under the effect)
     *   two-tailed: 1 − Φ(z₁₋α/₂ − ncp) + Φ(−z₁₋α/₂ − ncp)
     *   one-tailed: 1 − Φ(z₁₋α − ncp)
     * </pre>
     * where Φ is the standard normal CDF and z_q = Φ⁻¹(q).
     *
     * @param effectSize         Cohen's d, finite and &gt; 0
     * @param sampleSizePerGroup n, ≥ 2
     * @param alpha              significance level, in (0, 1)
     * @param twoTailed          whether the test is two-sided
     * @return the power, in (0, 1]
     * @throws IllegalArgumentException if a parameter is outside its range
     */
    public static double power(double effectSize, int sampleSizePerGroup, double alpha, boolean twoTailed) {
        Checks.positive(effectSize, "effectSize");
        Checks.atLeast(sampleSizePerGroup, 2, "sampleSizePerGroup");
        Checks.inOpenRange(alpha, 0, 1, "alpha");
        return powerOf(effectSize, sampleSizePerGroup, alpha, twoTailed);
    }

    /**
     * The smallest n ≥ 2 per group whose {@link #power(double, int, double, boolean) power} reaches
     * {@code power}.
     *
     * <p>The closed form n ≈ 2·(z_crit + z_power)²/d² (z_crit = z₁₋α/₂ two-tailed, z₁₋α one-tailed; z_power =
     * Φ⁻¹(power)) ignores the far tail of the two-tailed test, so it is only a starting point: search from
     * it, down while n − 1 still reaches the target and up while n does not.
     *
     * @param effectSize Cohen's d, finite and &gt; 0
     * @param alpha      significance level, in (0, 1)
     * @param power      the target power, in (alpha, 1)
     * @param twoTailed  whether the test is two-sided
     * @return the smallest n ≥ 2 with power(d, n, α) ≥ target
     * @throws IllegalArgumentException if a parameter is outside its range
     */
    public static int sampleSizePerGroup(double effectSize, double alpha, double power, boolean twoTailed) {
        Checks.positive(effectSize, "effectSize");
        Checks.inOpenRange(alpha, 0, 1, "alpha");
        Checks.inOpenRange(power, alpha, 1, "power");

        double zCritical = STANDARD_NORMAL.inverseCumulativeProbability(twoTailed ? 1 - alpha / 2 : 1 - alpha);
        double zPower = STANDARD_NORMAL.inverseCumulativeProbability(power);
        double start = Math.ceil(2 * Math.pow(zCritical + zPower, 2) / (effectSize * effectSize));
        int n = (int) Math.max(2, Math.min(start, Integer.MAX_VALUE));
        while (n > 2 && powerOf(effectSize, n - 1, alpha, twoTailed) >= power) {
            n--;
        }
        while (powerOf(effectSize, n, alpha, twoTailed) < power) {
            n++;
        }
        return n;
    }

    private static double powerOf(double effectSize, int n, double alpha, boolean twoTailed) {
        double ncp = effectSize * Math.sqrt(n / 2.0);
        if (twoTailed) {
            double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
            return 1 - STANDARD_NORMAL.cumulativeProbability(z - ncp) + STANDARD_NORMAL.cumulativeProbability(-z - ncp);
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha);
        return 1 - STANDARD_NORMAL.cumulativeProbability(z - ncp);
    }
}
