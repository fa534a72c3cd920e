package mlkatas.production;


/**
 * Kata 9.8 PredictionMonitor: detect drift in a model's prediction scores between a reference window and the
 * current window.
 *
 * <p>See katas.md, section "9.8 PredictionMonitor".
 */
public final class PredictionMonitor {

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
        throw new UnsupportedOperationException(
                "Kata 9.8 PredictionMonitor: implement compare(...), see katas.md#98-predictionmonitor");
    }
}
