package mlkatas.production;

import mlkatas.Checks;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Kata 9.5 AbTest: analyse a conversion A/B test with a two-proportion z-test.
 *
 * <p>See katas.md, section "9.5 AbTest".
 */
public final class AbTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    /** The power the required sample size is computed for. */
    private static final double POWER = 0.8;

    private AbTest() {
    }

    /** What to do next. */
    public enum Recommendation {
        /** Significant, treatment better, and the lift is at least the minimum detectable effect. */
        LAUNCH_TREATMENT,
        /** Significant but treatment worse, or better by less than the minimum detectable effect. */
        KEEP_CONTROL,
        /** Not significant: no conclusion yet. */
        CONTINUE_TESTING
    }

    /**
     * The full analysis.
     *
     * @param controlRate                p_c, share of 1s in control
     * @param treatmentRate              p_t, share of 1s in treatment
     * @param absoluteLift               p_t − p_c
     * @param relativeLiftPercent        100·(p_t − p_c)/p_c (+∞ when p_c = 0 &lt; p_t, 0 when both are 0)
     * @param zStatistic                 pooled two-proportion z (positive when treatment is higher)
     * @param pValue                     two-sided p-value
     * @param ciLower                    lower end of the confidence interval for p_t − p_c (unpooled)
     * @param ciUpper                    upper end of that interval
     * @param statisticallySignificant   p &lt; 1 − confidenceLevel
     * @param practicallySignificant     |lift| ≥ minDetectableEffect
     * @param requiredSampleSizePerGroup per-group size for 80% power to detect the minimum detectable effect
     * @param recommendation             what to do next
     */
    public record Result(double controlRate, double treatmentRate, double absoluteLift, double relativeLiftPercent,
                         double zStatistic, double pValue, double ciLower, double ciUpper,
                         boolean statisticallySignificant, boolean practicallySignificant,
                         long requiredSampleSizePerGroup, Recommendation recommendation) {
    }

    /**
     * Analyses 0/1 outcomes (e.g. converted or not) of a control and a treatment group.
     *
     * <p>With n_c, n_t the group sizes, p_c, p_t the rates and z_q the standard normal quantile:
     * <pre>
     *   pooled p  = (x_c + x_t)/(n_c + n_t)
     *   z         = (p_t − p_c) / √(p(1 − p)(1/n_c + 1/n_t))          (z = 0, p-value 1 if p(1 − p) = 0)
     *   p-value   = 2·(1 − Φ(|z|))                                     (two-sided)
     *   CI        = (p_t − p_c) ± z_{1−α/2}·√(p_c(1 − p_c)/n_c + p_t(1 − p_t)/n_t),  α = 1 − confidenceLevel
     *   n per group = ⌈(z_{1−α/2} + z_{0.8})²·(p_c(1 − p_c) + p_t(1 − p_t)) / MDE²⌉   (saturates at Long.MAX_VALUE)
     * </pre>
     * Statistically significant when p-value &lt; α; practically significant when |p_t − p_c| ≥ MDE.
     * Recommendation: not significant → CONTINUE_TESTING; significant, p_t &gt; p_c and practically
     * significant → LAUNCH_TREATMENT; otherwise KEEP_CONTROL. The sample size is reported, not enforced.
     *
     * @param control              outcomes of the control group, each 0 or 1, at least one
     * @param treatment            outcomes of the treatment group, each 0 or 1, at least one
     * @param confidenceLevel      e.g. 0.95, in (0, 1)
     * @param minDetectableEffect  smallest absolute lift worth launching, finite and &gt; 0
     * @return the analysis
     * @throws NullPointerException     if {@code control} or {@code treatment} is null
     * @throws IllegalArgumentException if a group is empty or holds values other than 0 and 1,
     *                                  {@code confidenceLevel} ∉ (0, 1), or {@code minDetectableEffect} is not
     *                                  finite and &gt; 0
     */
    public static Result analyze(int[] control, int[] treatment, double confidenceLevel,
                                 double minDetectableEffect) {
        Checks.binaryLabels(control, "control");
        Checks.binaryLabels(treatment, "treatment");
        if (control.length == 0) {
            throw new IllegalArgumentException("control must not be empty");
        }
        if (treatment.length == 0) {
            throw new IllegalArgumentException("treatment must not be empty");
        }
        Checks.inOpenRange(confidenceLevel, 0, 1, "confidenceLevel");
        Checks.positive(minDetectableEffect, "minDetectableEffect");

        double nc = control.length;
        double nt = treatment.length;
        double xc = sum(control);
        double xt = sum(treatment);
        double pc = xc / nc;
        double pt = xt / nt;
        double lift = pt - pc;
        double relative = pc > 0 ? 100 * lift / pc : (pt > 0 ? Double.POSITIVE_INFINITY : 0.0);

        double pooled = (xc + xt) / (nc + nt);
        double pooledVariance = pooled * (1 - pooled) * (1 / nc + 1 / nt);
        double z = pooledVariance > 0 ? lift / Math.sqrt(pooledVariance) : 0.0;
        double pValue = pooledVariance > 0 ? 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)) : 1.0;

        double alpha = 1 - confidenceLevel;
        double zCritical = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double margin = zCritical * Math.sqrt(pc * (1 - pc) / nc + pt * (1 - pt) / nt);

        double zPower = STANDARD_NORMAL.inverseCumulativeProbability(POWER);
        double n = Math.pow(zCritical + zPower, 2) * (pc * (1 - pc) + pt * (1 - pt))
                / (minDetectableEffect * minDetectableEffect);
        long sampleSize = (long) Math.ceil(n);

        boolean significant = pValue < alpha;
        boolean practical = Math.abs(lift) >= minDetectableEffect;
        Recommendation recommendation;
        if (!significant) {
            recommendation = Recommendation.CONTINUE_TESTING;
        } else if (lift > 0 && practical) {
            recommendation = Recommendation.LAUNCH_TREATMENT;
        } else {
            recommendation = Recommendation.KEEP_CONTROL;
        }
        return new Result(pc, pt, lift, relative, z, pValue, lift - margin, lift + margin, significant, practical,
                sampleSize, recommendation);
    }

    private static int sum(int[] outcomes) {
        int total = 0;
        for (int v : outcomes) {
            total += v;
        }
        return total;
    }
}
