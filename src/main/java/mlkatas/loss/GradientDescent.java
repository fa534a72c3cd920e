package mlkatas.loss;

/**
 * Kata 2.1 GradientDescent: batch, stochastic and mini-batch gradient descent on the mean squared error.
 *
 * <p>See katas.md, section "2.1 GradientDescent".
 */
public final class GradientDescent {

    /** Which rows feed one update. */
    public enum Variant {
        /** One update per iteration, over all m rows. */
        BATCH,
        /** m updates per iteration, one per row, in row order. */
        STOCHASTIC,
        /** ⌈m / batchSize⌉ updates per iteration over consecutive batches of rows, in row order. */
        MINI_BATCH
    }

    private GradientDescent() {
    }

    /**
     * Runs gradient descent on the mean squared error of the linear model ŷ = Xw (no separate bias: put a
     * column of ones in {@code x} if you want one).
     *
     * <p>One update over a set B of rows, b = |B|, uses the gradient of the MSE over those rows:
     * <pre>
     *   w ← w − learningRate · (2/b) · X_Bᵀ(X_B·w − y_B)
     * </pre>
     * All components of w are updated at once from the same w. Per iteration:
     * <ul>
     *   <li>{@code BATCH}: one update with B = all m rows;</li>
     *   <li>{@code STOCHASTIC}: m updates, B = {row 0}, {row 1}, …, {row m−1}, in this order;</li>
     *   <li>{@code MINI_BATCH}: updates over consecutive batches of {@code batchSize} rows in order
     *       (rows 0..batchSize−1, then the next batchSize, …); the last batch may be shorter and is divided
     *       by its real size b, not by batchSize.</li>
     * </ul>
     * No shuffling: the result is deterministic.
     *
     * @param x              m×n design matrix, one row per sample (not modified)
     * @param y              m targets (not modified)
     * @param initialWeights n starting weights (not modified)
     * @param learningRate   step size, finite and &gt; 0
     * @param iterations     number of passes over the data, ≥ 0 (0 returns a copy of {@code initialWeights})
     * @param batchSize      rows per mini-batch, ≥ 1 for {@code MINI_BATCH}; ignored by the other variants
     *                       (a batchSize ≥ m gives one batch of all rows)
     * @param variant        which rows feed each update
     * @return the weights after the last update, a new array of length n
     * @throws NullPointerException     if {@code x}, {@code y}, {@code initialWeights} or {@code variant} is null
     * @throws IllegalArgumentException if {@code x} is empty or ragged, {@code y} does not have m entries,
     *                                  {@code initialWeights} does not have n entries, {@code learningRate} is
     *                                  NaN, infinite or ≤ 0, {@code iterations} &lt; 0, or the variant is
     *                                  {@code MINI_BATCH} and {@code batchSize} &lt; 1
     */
    public static double[] run(double[][] x, double[] y, double[] initialWeights, double learningRate,
                               int iterations, int batchSize, Variant variant) {
        throw new UnsupportedOperationException(
                "Kata 2.1 GradientDescent: implement run(...), see katas.md#21-gradientdescent");
    }
}
