package mlkatas.algorithms;

import mlkatas.Checks;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Kata 1.2 LogisticRegression: train a binary classifier by batch gradient descent on the log loss.
 *
 * <p>See katas.md, section "1.2 LogisticRegression".
 */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /**
     * Trains logistic regression by batch gradient descent on the summed log loss (binary cross-entropy).
     *
     * <p>A bias column of ones is prepended to {@code x} internally, giving the m×(n+1) design X_b; the
     * coefficients β (length n+1, bias first) start at zeros. Each iteration, in this order:
     * <pre>
     *   z = X_b·β                                  (the logits, one per sample)
     *   p = σ(z),  σ(z) = 1 / (1 + e^(−z))
     *   loss = Σᵢ −[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)]   (a sum over the samples, recorded before the update)
     *   β ← β − learningRate · X_bᵀ(p − y)           (a sum over the samples, not a mean)
     * </pre>
     * Compute the loss from the logits, not from p: each term equals softplus(zᵢ) − yᵢ·zᵢ with
     * softplus(z) = max(z, 0) + ln(1 + e^(−|z|)), which stays finite for any finite z. σ must not overflow
     * either (|z| up to 1e4 occurs when features are around 1e4): never evaluate e^z for a large positive z.
     *
     * @param x            m×n features, one row per sample, without a bias column (not modified)
     * @param y            m labels, each 0 or 1 (not modified)
     * @param learningRate step size, finite and &gt; 0
     * @param iterations   number of updates, ≥ 0 (0 returns zero coefficients and no losses)
     * @return the coefficients after the last update (length n+1, bias first) and the loss of every iteration
     *         (length {@code iterations}); both arrays are new
     * @throws NullPointerException     if {@code x} or {@code y} is null
     * @throws IllegalArgumentException if {@code x} is empty or ragged, {@code y}'s length is not m, a label is
     *                                  not 0 or 1, {@code learningRate} is NaN, infinite or ≤ 0, or
     *                                  {@code iterations} &lt; 0
     */
    public static Result train(double[][] x, int[] y, double learningRate, int iterations) {
        int n = Checks.matrix(x, "x");
        Checks.notNull(y, "y");
        Checks.length(y.length, x.length, "y", "one label per row of x");
        Checks.binaryLabels(y, "y");
        Checks.positive(learningRate, "learningRate");
        Checks.nonNegative(iterations, "iterations");

        RealMatrix design = withBiasColumn(x, n);
        RealMatrix designTransposed = design.transpose();
        RealVector labels = new ArrayRealVector(x.length);
        for (int i = 0; i < y.length; i++) {
            labels.setEntry(i, y[i]);
        }
        RealVector beta = new ArrayRealVector(n + 1);
        double[] losses = new double[iterations];
        for (int iteration = 0; iteration < iterations; iteration++) {
            RealVector logits = design.operate(beta);
            losses[iteration] = logLoss(logits, labels);
            RealVector probabilities = logits.map(LogisticRegression::sigmoid);
            RealVector gradient = designTransposed.operate(probabilities.subtract(labels));
            beta = beta.subtract(gradient.mapMultiply(learningRate));
        }
        return new Result(beta.toArray(), losses);
    }

    /** X_b = [1 | x]: a copy of x with a column of ones in front. */
    private static RealMatrix withBiasColumn(double[][] x, int n) {
        RealMatrix design = MatrixUtils.createRealMatrix(x.length, n + 1);
        for (int i = 0; i < x.length; i++) {
            design.setEntry(i, 0, 1.0);
            for (int j = 0; j < n; j++) {
                design.setEntry(i, j + 1, x[i][j]);
            }
        }
        return design;
    }

    /** Σᵢ softplus(zᵢ) − yᵢ·zᵢ, which equals −Σᵢ [yᵢ ln σ(zᵢ) + (1 − yᵢ) ln(1 − σ(zᵢ))] without its overflow. */
    private static double logLoss(RealVector logits, RealVector labels) {
        double sum = 0;
        for (int i = 0; i < logits.getDimension(); i++) {
            double z = logits.getEntry(i);
            sum += softplus(z) - labels.getEntry(i) * z;
        }
        return sum;
    }

    /** ln(1 + e^z), computed as max(z, 0) + ln(1 + e^(−|z|)) so that e^(…) never exceeds 1. */
    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** σ(z) = 1 / (1 + e^(−z)), evaluated with e^(−|z|) ≤ 1 on both sides of 0. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * The outcome of training.
     *
     * @param coefficients β after the last update: the bias first, then one weight per feature (length n+1)
     * @param losses       the summed log loss of each iteration, computed with that iteration's β before
     *                     its update, so {@code losses[0]} is the loss at β = 0, m·ln 2
     */
    public record Result(double[] coefficients, double[] losses) {
    }
}
