package mlkatas.algorithms;

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
        throw new UnsupportedOperationException(
                "Kata 1.2 LogisticRegression: implement train(...), see katas.md#12-logisticregression");
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
