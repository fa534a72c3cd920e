// Mistake: reports KL(P‖Q) instead of the Jensen–Shannon divergence, so the result depends on the order of the windows
// Caught by: klInsteadOfJs
package mlkatas.production;

import mlkatas.Checks;

/**
 * Kata 9.8 PredictionMonitor: detect drift in a model's prediction scores between a reference window and the
 * current window.
 *
 * <p>See katas.md, section "9.8 PredictionMonitor".
 */
public final class PredictionMonitor {

    /** Jensen–Shannon divergence (natural log) above which the report flags drift. */
    private static final double DRIFT_THRESHOLD = 0.1;

    private PredictionMonitor() {
    }

    /**
     * What changed between the two windows of scores.
     *
     * @param meanShift     mean(current) − mean(reference)
     * @param stdRatio      population std of current / population std of reference
     * @param jsDivergence  Jensen–Shannon divergence of the smoothed histograms, natural log, in [0, ln 2]
     * @param driftDetected {@code jsDivergence > 0.1}
     */
    public record Report(double meanShift, double stdRatio, double jsDivergence, boolean driftDetected) {
    }

    /**
     * Compares the distribution of current prediction scores with a reference window.
     *
     * <ul>
     *   <li>meanShift = mean(current) − mean(reference).</li>
     *   <li>stdRatio = σ(current) / σ(reference), population standard deviations (divide by n); when the
     *       reference σ is 0 it is 1.0 if the current σ is 0 too, else +∞.</li>
     *   <li>Histograms: {@code bins} equal bins over [0, 1]; a score x goes to bin min(⌊x·bins⌋, bins − 1)
     *       (so 1.0 lands in the last bin); Laplace smoothing turns counts into probabilities
     *       (count + 1) / (n + bins), so no bin is empty.</li>
     *   <li>JS(P, Q) = ½·KL(P‖M) + ½·KL(Q‖M) with M = (P + Q)/2 and KL(A‖B) = Σ aᵢ·ln(aᵢ/bᵢ).</li>
     *   <li>driftDetected = JS &gt; 0.1.</li>
     * </ul>
     *
     * @param reference scores of the reference window, at least one, each in [0, 1]; not modified
     * @param current   scores of the current window, at least one, each in [0, 1]; not modified
     * @param bins      number of histogram bins, ≥ 1
     * @return the report
     * @throws NullPointerException     if {@code reference} or {@code current} is null
     * @throws IllegalArgumentException if either window is empty or holds a score outside [0, 1] (or NaN),
     *                                  or {@code bins} &lt; 1
     */
    public static Report compare(double[] reference, double[] current, int bins) {
        checkScores(reference, "reference");
        checkScores(current, "current");
        Checks.atLeast(bins, 1, "bins");

        double meanShift = mean(current) - mean(reference);
        double referenceStd = populationStd(reference);
        double currentStd = populationStd(current);
        double stdRatio;
        if (referenceStd == 0) {
            stdRatio = currentStd == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        } else {
            stdRatio = currentStd / referenceStd;
        }

        double[] p = smoothedHistogram(reference, bins);
        double[] q = smoothedHistogram(current, bins);
        double js = kl(p, q);
        return new Report(meanShift, stdRatio, js, js > DRIFT_THRESHOLD);
    }

    private static double[] smoothedHistogram(double[] scores, int bins) {
        double[] counts = new double[bins];
        for (double x : scores) {
            counts[Math.min((int) Math.floor(x * bins), bins - 1)]++;
        }
        double[] probabilities = new double[bins];
        for (int b = 0; b < bins; b++) {
            probabilities[b] = (counts[b] + 1) / (scores.length + bins);
        }
        return probabilities;
    }

    private static double jensenShannon(double[] p, double[] q) {
        double[] m = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            m[i] = (p[i] + q[i]) / 2;
        }
        return 0.5 * kl(p, m) + 0.5 * kl(q, m);
    }

    /** KL(a‖b) in nats; every entry is positive thanks to the smoothing. */
    private static double kl(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * Math.log(a[i] / b[i]);
        }
        return sum;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double populationStd(double[] x) {
        double mean = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / x.length);
    }

    private static void checkScores(double[] scores, String name) {
        Checks.vector(scores, name);
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new IllegalArgumentException(name + " must hold scores in [0, 1], but " + name + "[" + i
                        + "] is " + scores[i]);
            }
        }
    }
}
