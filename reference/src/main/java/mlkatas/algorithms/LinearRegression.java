package mlkatas.algorithms;

import mlkatas.Checks;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Kata 1.1 LinearRegression: fit a linear model by batch gradient descent.
 *
 * <p>See katas.md, section "1.1 LinearRegression".
 */
public final class LinearRegression {

    private LinearRegression() {
    }

    /**
     * Runs batch gradient descent on the half mean squared error J(θ) = ‖Xθ − y‖² / (2m).
     *
     * <p>θ starts at zeros (length n). Each iteration computes the whole gradient from the current θ and
     * then moves every component at once (a simultaneous update):
     * <pre>
     *   θ ← θ − α · Xᵀ(Xθ − y) / m
     * </pre>
     * No factor 2: it cancels against the ½ of the loss.
     *
     * @param x          m×n design matrix, one row per sample; it already contains the intercept column of ones
     *                   (not modified)
     * @param y          m targets (not modified)
     * @param alpha      learning rate, finite and &gt; 0
     * @param iterations number of updates, ≥ 0 (0 returns zeros)
     * @return θ, a new array of length n
     * @throws NullPointerException     if {@code x} or {@code y} is null
     * @throws IllegalArgumentException if {@code x} is empty or ragged, {@code y}'s length is not m,
     *                                  {@code alpha} is NaN, infinite or ≤ 0, or
     *                                  {@code iterations} &lt; 0
     */
    public static double[] gradientDescent(double[][] x, double[] y, double alpha, int iterations) {
        int n = Checks.matrix(x, "x");
        Checks.notNull(y, "y");
        Checks.length(y.length, x.length, "y", "one target per row of x");
        Checks.positive(alpha, "alpha");
        Checks.nonNegative(iterations, "iterations");

        int m = x.length;
        RealMatrix design = MatrixUtils.createRealMatrix(x);
        RealMatrix designTransposed = design.transpose();
        RealVector targets = new ArrayRealVector(y);
        RealVector theta = new ArrayRealVector(n);
        for (int iteration = 0; iteration < iterations; iteration++) {
            RealVector residuals = design.operate(theta).subtract(targets);
            RealVector gradient = designTransposed.operate(residuals).mapDivide(m);
            theta = theta.subtract(gradient.mapMultiply(alpha));
        }
        return theta.toArray();
    }
}
