package mlkatas.production;


/**
 * Kata 9.9 StatisticalPower: the power of a two-sample z-test, and the sample size that reaches a target
 * power.
 *
 * <p>See katas.md, section "9.9 StatisticalPower".
 */
public final class StatisticalPower {

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
        throw new UnsupportedOperationException(
                "Kata 9.9 StatisticalPower: implement power(...), see katas.md#99-statisticalpower");
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
        throw new UnsupportedOperationException(
                "Kata 9.9 StatisticalPower: implement sampleSizePerGroup(...), see katas.md#99-statisticalpower");
    }
}
