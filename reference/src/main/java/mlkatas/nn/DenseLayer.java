package mlkatas.nn;

import java.util.random.RandomGenerator;
import mlkatas.Checks;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

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

    private final double[][] weights;
    private final double[] bias;
    private double[][] lastInput;

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
        Checks.atLeast(inputSize, 1, "inputSize");
        Checks.atLeast(units, 1, "units");
        Checks.notNull(random, "random");
        double limit = 1 / Math.sqrt(inputSize);
        this.weights = new double[inputSize][units];
        for (double[] row : weights) {
            for (int j = 0; j < units; j++) {
                row[j] = random.nextDouble(-limit, limit);
            }
        }
        this.bias = new double[units];
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
        int units = Checks.matrix(weights, "weights");
        Checks.notNull(bias, "bias");
        Checks.length(bias.length, units, "bias", "one entry per column (unit) of weights");
        for (int i = 0; i < weights.length; i++) {
            Checks.finite(weights[i], "weights[" + i + "]");
        }
        Checks.finite(bias, "bias");
        this.weights = copy(weights);
        this.bias = bias.clone();
    }

    /** The number of trainable parameters: inputSize·units weights plus units biases. */
    public int parameterCount() {
        return weights.length * bias.length + bias.length;
    }

    /** A copy of the weights, inputSize×units. */
    public double[][] weights() {
        return copy(weights);
    }

    /** A copy of the bias, length units. */
    public double[] bias() {
        return bias.clone();
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
        int columns = Checks.matrix(input, "input");
        Checks.length(columns, weights.length, "input", "one column per input feature (inputSize)");
        lastInput = copy(input);
        double[][] output = MatrixUtils.createRealMatrix(input).multiply(MatrixUtils.createRealMatrix(weights))
                .getData();
        for (double[] row : output) {
            for (int j = 0; j < bias.length; j++) {
                row[j] += bias[j];
            }
        }
        return output;
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
        if (lastInput == null) {
            throw new IllegalStateException("backward needs the input of a forward pass: call forward first");
        }
        int columns = Checks.matrix(outputGradient, "outputGradient");
        Checks.length(outputGradient.length, lastInput.length, "outputGradient",
                "one row per sample of the last forward's batch");
        Checks.length(columns, bias.length, "outputGradient", "one column per unit");
        Checks.positive(learningRate, "learningRate");

        RealMatrix g = MatrixUtils.createRealMatrix(outputGradient);
        RealMatrix w = MatrixUtils.createRealMatrix(weights);
        RealMatrix inputGradient = g.multiply(w.transpose());
        RealMatrix weightGradient = MatrixUtils.createRealMatrix(lastInput).transpose().multiply(g);

        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < bias.length; j++) {
                weights[i][j] -= learningRate * weightGradient.getEntry(i, j);
            }
        }
        for (int j = 0; j < bias.length; j++) {
            double columnSum = 0;
            for (double[] row : outputGradient) {
                columnSum += row[j];
            }
            bias[j] -= learningRate * columnSum;
        }
        return inputGradient.getData();
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
