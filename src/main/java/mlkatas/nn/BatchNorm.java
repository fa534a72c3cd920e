package mlkatas.nn;

/**
 * Kata 4.3 BatchNorm: batch normalisation of image batches in BCHW order.
 *
 * <p>Part A is the stateless {@link #forward} of training mode. Part B is {@link Layer}, which also keeps
 * running statistics for inference, as PyTorch's {@code nn.BatchNorm2d} does.
 *
 * <p>See katas.md, section "4.3 BatchNorm".
 */
public final class BatchNorm {

    private BatchNorm() {
    }

    /**
     * Normalises every channel of a batch with that channel's own statistics, then scales and shifts it.
     *
     * <p>For channel c, the mean μ_c and the <em>population</em> variance σ²_c (divide by n, not n − 1) are taken
     * over all n = B·H·W values of that channel in the whole batch (axes 0, 2 and 3):
     * <pre>
     *   y[b][c][h][w] = γ_c · (x[b][c][h][w] − μ_c) / √(σ²_c + ε) + β_c
     * </pre>
     *
     * @param x       B×C×H×W, every extent ≥ 1, rectangular at every level (not modified)
     * @param gamma   the scale γ, one per channel (length C, finite; not modified)
     * @param beta    the shift β, one per channel (length C, finite; not modified)
     * @param epsilon ε, finite and &gt; 0, added to the variance inside the square root
     * @return a new B×C×H×W tensor
     * @throws NullPointerException     if {@code x}, {@code gamma} or {@code beta} (or a part of x) is null
     * @throws IllegalArgumentException if {@code x} has an empty or ragged dimension, {@code gamma} or
     *                                  {@code beta} does not have length C or contains NaN or an infinity, or
     *                                  {@code epsilon} is NaN, infinite or ≤ 0
     */
    public static double[][][][] forward(double[][][][] x, double[] gamma, double[] beta, double epsilon) {
        throw new UnsupportedOperationException(
                "Kata 4.3 BatchNorm: implement forward(...), see katas.md#43-batchnorm");
    }

    /**
     * Part B: a batch-normalisation layer with running statistics and a training and an inference mode,
     * matching PyTorch's {@code nn.BatchNorm2d} (affine, {@code track_running_stats=True}).
     *
     * <p>The running mean starts at 0 and the running variance at 1, one per channel.
     * <ul>
     *   <li>{@code forward(x, true)} (training) normalises with the batch's mean and population variance,
     *   exactly like {@link BatchNorm#forward}, and then updates the running statistics with an exponential
     *   moving average:
     *   <pre>
     *   runningMean     ← (1 − momentum)·runningMean     + momentum·μ_batch
     *   runningVariance ← (1 − momentum)·runningVariance + momentum·σ²_batch·n/(n − 1)
     *   </pre>
     *   The running variance uses the <em>unbiased</em> batch variance (n = B·H·W values per channel), as
     *   PyTorch does, while the output uses the population variance. Training therefore needs n ≥ 2.</li>
     *   <li>{@code forward(x, false)} (inference) uses the running statistics instead of the batch's and changes
     *   nothing, so every sample's output depends on that sample alone:
     *   {@code y = γ·(x − runningMean)/√(runningVariance + ε) + β}.</li>
     * </ul>
     * γ and β are fixed in this kata (there is no backward pass).
     */
    public static final class Layer {

        /** PyTorch's default momentum for the running statistics. */
        public static final double DEFAULT_MOMENTUM = 0.1;

        /** PyTorch's default ε. */
        public static final double DEFAULT_EPSILON = 1e-5;

        /**
         * A layer with γ = 1, β = 0, ε = {@value #DEFAULT_EPSILON} and momentum {@value #DEFAULT_MOMENTUM}, like
         * {@code nn.BatchNorm2d(channels)}.
         *
         * @param channels number of channels C, ≥ 1
         * @throws IllegalArgumentException if {@code channels} &lt; 1
         */
        public Layer(int channels) {
            throw new UnsupportedOperationException(
                    "Kata 4.3 BatchNorm: implement the Layer constructor (Part B), see katas.md#43-batchnorm");
        }

        /**
         * A layer with the given affine parameters (copied), ε and momentum.
         *
         * @param gamma    the scale γ, length C ≥ 1, finite
         * @param beta     the shift β, length C, finite
         * @param epsilon  ε, finite and &gt; 0
         * @param momentum weight of the new batch in the running statistics, in [0, 1] (0 freezes them, 1 keeps
         *                 only the last batch)
         * @throws NullPointerException     if {@code gamma} or {@code beta} is null
         * @throws IllegalArgumentException if {@code gamma} is empty, {@code beta}'s length differs,
         *                                  {@code gamma} or {@code beta} contains NaN or an infinity,
         *                                  {@code epsilon} is NaN, infinite or ≤ 0, or {@code momentum} is not in
         *                                  [0, 1]
         */
        public Layer(double[] gamma, double[] beta, double epsilon, double momentum) {
            throw new UnsupportedOperationException(
                    "Kata 4.3 BatchNorm: implement the Layer constructor (Part B), see katas.md#43-batchnorm");
        }

        /**
         * Normalises a batch in training mode (batch statistics, then updates the running statistics) or in
         * inference mode (running statistics, no update).
         *
         * @param x        B×C×H×W with C = this layer's channels; in training B·H·W ≥ 2 (not modified)
         * @param training true for training mode, false for inference
         * @return a new B×C×H×W tensor
         * @throws NullPointerException     if {@code x} (or a part of it) is null
         * @throws IllegalArgumentException if {@code x} has an empty or ragged dimension or the wrong number
         *                                  of channels, or, in training, only one value per channel
         */
        public double[][][][] forward(double[][][][] x, boolean training) {
            throw new UnsupportedOperationException(
                    "Kata 4.3 BatchNorm: implement Layer.forward(...) (Part B), see katas.md#43-batchnorm");
        }

        /** A copy of the running mean, one per channel. */
        public double[] runningMean() {
            throw new UnsupportedOperationException(
                    "Kata 4.3 BatchNorm: implement Layer.runningMean() (Part B), see katas.md#43-batchnorm");
        }

        /** A copy of the running (unbiased) variance, one per channel. */
        public double[] runningVariance() {
            throw new UnsupportedOperationException(
                    "Kata 4.3 BatchNorm: implement Layer.runningVariance() (Part B), see katas.md#43-batchnorm");
        }
    }
}
