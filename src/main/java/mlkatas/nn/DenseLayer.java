package mlkatas.nn;

import java.util.random.RandomGenerator;

/**
 * Kata 4.2 DenseLayer: a fully connected layer y = X·W + b with a forward pass, a backward pass and an SGD
 * update.
 *
 * <p>Shapes: the input X is batch×inputSize (one row per sample), the weights W are inputSize×units, the bias
 * b has length units and the output is batch×units. The layer owns its parameters: constructors copy what
 * they are given and the accessors return copies.
 *
 * <p>See katas.md, section "4.2 DenseLayer".
 */
public final class DenseLayer {

    /**
     * A layer with random weights W[i][j] ~ U(−1/√inputSize, 1/√inputSize) and zero bias.
     *
     * @param inputSize number of input features, ≥ 1
     * @param units     number of outputs, ≥ 1
     * @param random    the source of the initial weights
     * @throws NullPointerException     if {@code random} is null
     * @throws IllegalArgumentException if {@code inputSize} or {@code units} is &lt; 1
     */
    public DenseLayer(int inputSize, int units, RandomGenerator random) {
        throw new UnsupportedOperationException(
                "Kata 4.2 DenseLayer: implement the constructor, see katas.md#42-denselayer");
    }

    /**
     * A layer with the given parameters (both are copied).
     *
     * @param weights inputSize×units, finite
     * @param bias    length units, finite
     * @throws NullPointerException     if {@code weights} or {@code bias} is null
     * @throws IllegalArgumentException if {@code weights} is empty, ragged or not finite, or {@code bias} does
     *                                  not have one entry per column of {@code weights} or is not finite
     */
    public DenseLayer(double[][] weights, double[] bias) {
        throw new UnsupportedOperationException(
                "Kata 4.2 DenseLayer: implement the constructor, see katas.md#42-denselayer");
    }

    /** The number of trainable parameters: inputSize·units weights plus units biases. */
    public int parameterCount() {
        throw new UnsupportedOperationException(
                "Kata 4.2 DenseLayer: implement parameterCount(), see katas.md#42-denselayer");
    }

    /** A copy of the weights, inputSize×units. */
    public double[][] weights() {
        throw new UnsupportedOperationException(
                "Kata 4.2 DenseLayer: implement weights(), see katas.md#42-denselayer");
    }

    /** A copy of the bias, length units. */
    public double[] bias() {
        throw new UnsupportedOperationException(
                "Kata 4.2 DenseLayer: implement bias(), see katas.md#42-denselayer");
    }

    /**
     * Computes X·W + b (b added to every row) and remembers a copy of X for {@link #backward}.
     *
     * @param input batch×inputSize, batch ≥ 1
     * @return a new batch×units matrix
     * @throws NullPointerException     if {@code input} is null
     * @throws IllegalArgumentException if {@code input} is empty, ragged or does not have inputSize columns
     */
    public double[][] forward(double[][] input) {
        throw new UnsupportedOperationException(
                "Kata 4.2 DenseLayer: implement forward(...), see katas.md#42-denselayer");
    }

    /**
     * Backpropagates the gradient of the loss with respect to the last forward's output, then takes one SGD
     * step.
     * <pre>
     *   dW = Xᵀ·G            (inputSize×units, X is the input of the last forward)
     *   db = Σ_rows G        (summed over the batch)
     *   dX = G·Wᵀ            (batch×inputSize, with the weights BEFORE the update)
     *   W ← W − learningRate·dW,  b ← b − learningRate·db
     * </pre>
     *
     * @param outputGradient G = ∂L/∂output, batch×units with the batch of the last forward
     * @param learningRate   finite and &gt; 0
     * @return dX = ∂L/∂input, a new batch×inputSize matrix
     * @throws IllegalStateException    if no forward has been run yet (the message names {@code forward})
     * @throws NullPointerException     if {@code outputGradient} is null
     * @throws IllegalArgumentException if {@code outputGradient} is ragged or not batch×units, or
     *                                  {@code learningRate} is NaN, infinite or ≤ 0
     */
    public double[][] backward(double[][] outputGradient, double learningRate) {
        throw new UnsupportedOperationException(
                "Kata 4.2 DenseLayer: implement backward(...), see katas.md#42-denselayer");
    }
}
