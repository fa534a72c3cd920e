package mlkatas.loss;

/**
 * Kata 2.4 LassoRegression: L1-regularised linear regression fitted by (sub)gradient descent.
 *
 * <p>See katas.md, section "2.4 LassoRegression".
 */
public final class LassoRegression {

    private LassoRegression() {
    }

    /**
     * A fitted model: ŷ = x·weights + bias.
     *
     * @param weights one weight per feature
     * @param bias    the intercept (not penalised)
     */
    public record Model(double[] weights, double bias) {
    }

    /**
     * Fits ŷ = Xw + b by subgradient descent on the lasso objective
     * <pre>
     *   J(w, b) = 1/(2m)·Σᵢ (ŷᵢ − yᵢ)² + α·Σⱼ |wⱼ|
     * </pre>
     * Weights and bias start at 0. Each iteration computes, from the current w and b,
     * <pre>
     *   g_w = (1/m)·Xᵀ(ŷ − y) + α·sign(w)     (sign(0) = 0)
     *   g_b = (1/m)·Σᵢ (ŷᵢ − yᵢ)
     * </pre>
     * then updates both, w ← w − learningRate·g_w and b ← b − learningRate·g_b, and stops after this update
     * if ‖g_w‖₁ &lt; tolerance (the bias's gradient is not part of the test). The bias is not penalised.
     *
     * @param x             m×n features, one row per sample (no column of ones: the bias is separate; not
     *                      modified)
     * @param y             m targets (not modified)
     * @param alpha         L1 strength, finite and ≥ 0
     * @param learningRate  step size, finite and &gt; 0
     * @param maxIterations the most updates to make, ≥ 0 (0 returns the zero model)
     * @param tolerance     stop once ‖g_w‖₁ &lt; tolerance, finite and ≥ 0 (0 never stops early)
     * @return the fitted model; its weights array is new
     * @throws NullPointerException     if {@code x} or {@code y} is null
     * @throws IllegalArgumentException if {@code x} is empty or ragged, {@code y} does not have m entries, or a
     *                                  hyper-parameter is outside its range
     */
    public static Model fit(double[][] x, double[] y, double alpha, double learningRate, int maxIterations,
                            double tolerance) {
        throw new UnsupportedOperationException(
                "Kata 2.4 LassoRegression: implement fit(...), see katas.md#24-lassoregression");
    }
}
