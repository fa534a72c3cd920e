package mlkatas.nn;

/**
 * Kata 4.1 SingleNeuron: train one sigmoid neuron on the mean squared error with backpropagation.
 *
 * <p>See katas.md, section "4.1 SingleNeuron".
 */
public final class SingleNeuron {

    private SingleNeuron() {
    }

    /**
     * The trained neuron and its training curve.
     *
     * @param weights    the final weights, length n
     * @param bias       the final bias
     * @param mseHistory one mean squared error per epoch, each computed <em>before</em> that epoch's update
     */
    public record Result(double[] weights, double bias, double[] mseHistory) {
    }

    /**
     * Trains a single neuron p = σ(Xw + b) by full-batch gradient descent on MSE = mean((p − y)²).
     *
     * <p>Each epoch, with m samples:
     * <pre>
     *   p   = σ(X·w + b)                      σ(z) = 1 / (1 + e^(−z))
     *   mse = mean((p − y)²)                  recorded before the update
     *   δ   = (2/m) · (p − y) ⊙ p ⊙ (1 − p)   the chain rule: dMSE/dp · σ'(z)
     *   w  ← w − learningRate · Xᵀδ
     *   b  ← b − learningRate · Σδ
     * </pre>
     * Labels are real targets: 0/1, soft labels and values outside [0, 1] are all allowed.
     *
     * @param features       m×n matrix, one row per sample (not modified)
     * @param labels         m finite targets (not modified)
     * @param initialWeights n starting weights (not modified)
     * @param initialBias    the starting bias, finite
     * @param learningRate   finite and &gt; 0
     * @param epochs         number of updates, ≥ 0 (0 returns the initial parameters and an empty history)
     * @return the final weights (a new array), the final bias and the MSE history (length {@code epochs})
     * @throws NullPointerException     if {@code features}, {@code labels} or {@code initialWeights} is null
     * @throws IllegalArgumentException if {@code features} is empty or ragged, {@code labels} does not have m
     *                                  entries or is not finite, {@code initialWeights} does not have n
     *                                  entries, {@code initialBias} is not finite, {@code learningRate} is
     *                                  NaN, infinite or ≤ 0, or {@code epochs} &lt; 0
     */
    public static Result train(double[][] features, double[] labels, double[] initialWeights, double initialBias,
                               double learningRate, int epochs) {
        throw new UnsupportedOperationException(
                "Kata 4.1 SingleNeuron: implement train(...), see katas.md#41-singleneuron");
    }
}
