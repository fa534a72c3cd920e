package mlkatas.loss;

import mlkatas.Checks;

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
        int n = Checks.matrix(x, "x");
        Checks.notNull(y, "y");
        int m = x.length;
        Checks.length(y.length, m, "y", "one target per row of x");
        Checks.nonNegative(alpha, "alpha");
        Checks.positive(learningRate, "learningRate");
        Checks.nonNegative(maxIterations, "maxIterations");
        Checks.nonNegative(tolerance, "tolerance");

        double[] w = new double[n];
        double b = 0;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] errors = new double[m];
            for (int i = 0; i < m; i++) {
                errors[i] = dot(x[i], w) + b - y[i];
            }
            double[] gradientW = new double[n];
            double gradientB = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    gradientW[j] += x[i][j] * errors[i] / m;
                }
                gradientB += errors[i] / m;
            }
            double l1Norm = 0;
            for (int j = 0; j < n; j++) {
                gradientW[j] += alpha * Math.signum(w[j]);
                l1Norm += Math.abs(gradientW[j]);
            }
            for (int j = 0; j < n; j++) {
                w[j] -= learningRate * gradientW[j];
            }
            b -= learningRate * gradientB;
            if (l1Norm < tolerance) {
                break;
            }
        }
        return new Model(w, b);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
