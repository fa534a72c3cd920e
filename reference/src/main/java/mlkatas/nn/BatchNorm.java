package mlkatas.nn;

import mlkatas.Checks;
import org.apache.commons.math3.util.FastMath;

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
        int channels = checkShape(x);
        checkAffine(gamma, beta, channels);
        Checks.positive(epsilon, "epsilon");
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = channelMean(x, c);
            variance[c] = channelSquaredDeviations(x, c, mean[c]) / valuesPerChannel(x);
        }
        return normalise(x, mean, variance, gamma, beta, epsilon);
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

        private final double[] gamma;
        private final double[] beta;
        private final double epsilon;
        private final double momentum;
        private final double[] runningMean;
        private final double[] runningVariance;

        /**
         * A layer with γ = 1, β = 0, ε = {@value #DEFAULT_EPSILON} and momentum {@value #DEFAULT_MOMENTUM}, like
         * {@code nn.BatchNorm2d(channels)}.
         *
         * @param channels number of channels C, ≥ 1
         * @throws IllegalArgumentException if {@code channels} &lt; 1
         */
        public Layer(int channels) {
            this(ones(Checks.atLeast(channels, 1, "channels")), new double[channels], DEFAULT_EPSILON,
                    DEFAULT_MOMENTUM);
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
            int channels = Checks.vector(gamma, "gamma");
            checkAffine(gamma, beta, channels);
            Checks.positive(epsilon, "epsilon");
            if (!(momentum >= 0 && momentum <= 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1], was " + momentum);
            }
            this.gamma = gamma.clone();
            this.beta = beta.clone();
            this.epsilon = epsilon;
            this.momentum = momentum;
            this.runningMean = new double[channels];
            this.runningVariance = ones(channels);
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
            int channels = checkShape(x);
            Checks.length(channels, gamma.length, "x", "one channel per gamma entry (C)");
            if (!training) {
                return normalise(x, runningMean, runningVariance, gamma, beta, epsilon);
            }
            int n = valuesPerChannel(x);
            if (n < 2) {
                throw new IllegalArgumentException("x must have at least 2 values per channel (B·H·W) in training,"
                        + " because the running variance divides by n − 1, but has " + n);
            }
            double[] mean = new double[channels];
            double[] variance = new double[channels];
            for (int c = 0; c < channels; c++) {
                mean[c] = channelMean(x, c);
                double squaredDeviations = channelSquaredDeviations(x, c, mean[c]);
                variance[c] = squaredDeviations / n;
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean[c];
                runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * squaredDeviations / (n - 1);
            }
            return normalise(x, mean, variance, gamma, beta, epsilon);
        }

        /** A copy of the running mean, one per channel. */
        public double[] runningMean() {
            return runningMean.clone();
        }

        /** A copy of the running (unbiased) variance, one per channel. */
        public double[] runningVariance() {
            return runningVariance.clone();
        }

        private static double[] ones(int length) {
            double[] v = new double[length];
            java.util.Arrays.fill(v, 1.0);
            return v;
        }
    }

    private static double[][][][] normalise(double[][][][] x, double[] mean, double[] variance, double[] gamma,
                                            double[] beta, double epsilon) {
        double[][][][] y = new double[x.length][x[0].length][x[0][0].length][x[0][0][0].length];
        for (int b = 0; b < x.length; b++) {
            for (int c = 0; c < x[b].length; c++) {
                double scale = gamma[c] / FastMath.sqrt(variance[c] + epsilon);
                for (int h = 0; h < x[b][c].length; h++) {
                    for (int w = 0; w < x[b][c][h].length; w++) {
                        y[b][c][h][w] = scale * (x[b][c][h][w] - mean[c]) + beta[c];
                    }
                }
            }
        }
        return y;
    }

    private static double channelMean(double[][][][] x, int c) {
        double sum = 0;
        for (double[][][] sample : x) {
            for (double[] row : sample[c]) {
                for (double v : row) {
                    sum += v;
                }
            }
        }
        return sum / valuesPerChannel(x);
    }

    /** Σ (x − mean)² over one channel: the two-pass form, which stays accurate when the mean is large. */
    private static double channelSquaredDeviations(double[][][][] x, int c, double mean) {
        double sum = 0;
        for (double[][][] sample : x) {
            for (double[] row : sample[c]) {
                for (double v : row) {
                    sum += (v - mean) * (v - mean);
                }
            }
        }
        return sum;
    }

    private static int valuesPerChannel(double[][][][] x) {
        return x.length * x[0][0].length * x[0][0][0].length;
    }

    private static void checkAffine(double[] gamma, double[] beta, int channels) {
        Checks.notNull(gamma, "gamma");
        Checks.notNull(beta, "beta");
        Checks.length(gamma.length, channels, "gamma", "one entry per channel");
        Checks.length(beta.length, channels, "beta", "one entry per channel");
        Checks.finite(gamma, "gamma");
        Checks.finite(beta, "beta");
    }

    /** Checks that x is a non-empty rectangular B×C×H×W tensor and returns C. */
    private static int checkShape(double[][][][] x) {
        Checks.notNull(x, "x");
        if (x.length == 0) {
            throw new IllegalArgumentException("x must have at least one sample (B ≥ 1), was empty");
        }
        Checks.notNull(x[0], "x[0]");
        int channels = x[0].length;
        if (channels == 0) {
            throw new IllegalArgumentException("x must have at least one channel (C ≥ 1), x[0] is empty");
        }
        Checks.notNull(x[0][0], "x[0][0]");
        int height = x[0][0].length;
        if (height == 0) {
            throw new IllegalArgumentException("x must have height ≥ 1, x[0][0] is empty");
        }
        Checks.notNull(x[0][0][0], "x[0][0][0]");
        int width = x[0][0][0].length;
        if (width == 0) {
            throw new IllegalArgumentException("x must have width ≥ 1, x[0][0][0] is empty");
        }
        for (int b = 0; b < x.length; b++) {
            Checks.notNull(x[b], "x[" + b + "]");
            sameLength(x[b].length, channels, "x[" + b + "]", "channels");
            for (int c = 0; c < channels; c++) {
                Checks.notNull(x[b][c], "x[" + b + "][" + c + "]");
                sameLength(x[b][c].length, height, "x[" + b + "][" + c + "]", "rows");
                for (int h = 0; h < height; h++) {
                    Checks.notNull(x[b][c][h], "x[" + b + "][" + c + "][" + h + "]");
                    sameLength(x[b][c][h].length, width, "x[" + b + "][" + c + "][" + h + "]", "columns");
                }
            }
        }
        return channels;
    }

    private static void sameLength(int actual, int expected, String where, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("x must be rectangular (B×C×H×W): " + where + " has " + actual + " "
                    + what + " but the first has " + expected);
        }
    }
}
