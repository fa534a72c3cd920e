package mlkatas.loss;

import mlkatas.Checks;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Kata 2.3 RidgeRegression: the L2-regularised squared-error loss and its gradient.
 *
 * <p>See katas.md, section "2.3 RidgeRegression".
 */
public final class RidgeRegression {

    private RidgeRegression() {
    }

    /**
     * The ridge loss: the mean squared error plus α times the squared L2 norm of the weights.
     * <pre>
     *   loss = (1/m)·Σᵢ (yᵢ − xᵢ·w)² + α·Σⱼ wⱼ²
     * </pre>
     * Every weight is penalised (if {@code x} has a column of ones, its weight is penalised too).
     *
     * @param x     m×n design matrix, one row per sample (not modified)
     * @param w     n weights (not modified)
     * @param yTrue m targets (not modified)
     * @param alpha regularisation strength, finite and ≥ 0 (0 gives the plain MSE)
     * @return the loss, ≥ 0
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code x} is empty or ragged, {@code w} does not have n entries,
     *                                  {@code yTrue} does not have m entries, or {@code alpha} is NaN,
     *                                  infinite or &lt; 0
     */
    public static double loss(double[][] x, double[] w, double[] yTrue, double alpha) {
        check(x, w, yTrue, alpha);
        RealVector weights = new ArrayRealVector(w);
        RealVector residuals = residuals(x, weights, yTrue);
        return residuals.dotProduct(residuals) / x.length + alpha * weights.dotProduct(weights);
    }

    /**
     * The gradient of {@link #loss} with respect to w:
     * <pre>
     *   ∇loss = −(2/m)·Xᵀ(y − Xw) + 2α·w
     * </pre>
     *
     * @param x     m×n design matrix, one row per sample (not modified)
     * @param w     n weights (not modified)
     * @param yTrue m targets (not modified)
     * @param alpha regularisation strength, finite and ≥ 0
     * @return the gradient, a new array of length n
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code x} is empty or ragged, {@code w} does not have n entries,
     *                                  {@code yTrue} does not have m entries, or {@code alpha} is NaN,
     *                                  infinite or &lt; 0
     */
    public static double[] gradient(double[][] x, double[] w, double[] yTrue, double alpha) {
        check(x, w, yTrue, alpha);
        RealMatrix design = MatrixUtils.createRealMatrix(x);
        RealVector weights = new ArrayRealVector(w);
        RealVector residuals = residuals(x, weights, yTrue);
        RealVector dataTerm = design.transpose().operate(residuals).mapMultiply(-2.0 / x.length);
        return dataTerm.add(weights.mapMultiply(2 * alpha)).toArray();
    }

    /** y − Xw. */
    private static RealVector residuals(double[][] x, RealVector weights, double[] yTrue) {
        RealMatrix design = MatrixUtils.createRealMatrix(x);
        return new ArrayRealVector(yTrue).subtract(design.operate(weights));
    }

    private static void check(double[][] x, double[] w, double[] yTrue, double alpha) {
        int n = Checks.matrix(x, "x");
        Checks.notNull(w, "w");
        Checks.notNull(yTrue, "yTrue");
        Checks.length(w.length, n, "w", "one weight per column of x");
        Checks.length(yTrue.length, x.length, "yTrue", "one target per row of x");
        Checks.nonNegative(alpha, "alpha");
    }
}
