package mlkatas.nn;

import java.util.random.RandomGenerator;
import mlkatas.Checks;

/**
 * Kata 4.4 Dropout: inverted dropout with a training and an inference mode.
 *
 * <p>In training every entry is kept independently with probability 1 − p and dropped (set to 0) with
 * probability p; kept entries are divided by 1 − p, so the expected output equals the input and inference
 * needs no rescaling at all. The layer remembers the mask of its last training forward for {@link #backward}.
 *
 * <p>See katas.md, section "4.4 Dropout".
 */
public final class Dropout {

    private final double p;
    private final RandomGenerator random;
    private boolean[][] keep;

    /**
     * A dropout layer.
     *
     * @param p      the probability of dropping an entry, in [0, 1) (0 keeps everything)
     * @param random the source of the masks (seed it for reproducible masks)
     * @throws NullPointerException     if {@code random} is null
     * @throws IllegalArgumentException if {@code p} is not in [0, 1)
     */
    public Dropout(double p, RandomGenerator random) {
        this.p = Checks.inHalfOpenRange(p, 0, 1, "p");
        this.random = Checks.notNull(random, "random");
    }

    /**
     * Applies dropout.
     * <ul>
     *   <li>Training: draws a fresh keep-mask (each entry kept with probability 1 − p, independently) and
     *   returns x·mask/(1 − p). The mask is remembered for {@link #backward}.</li>
     *   <li>Inference: returns a copy of x, unchanged, and leaves the last training mask as it is.</li>
     * </ul>
     *
     * @param x        any rectangular matrix, at least 1×1 (not modified)
     * @param training true for training, false for inference
     * @return a new matrix of x's shape
     * @throws NullPointerException     if {@code x} is null
     * @throws IllegalArgumentException if {@code x} is empty or ragged
     */
    public double[][] forward(double[][] x, boolean training) {
        int columns = Checks.matrix(x, "x");
        double[][] y = new double[x.length][columns];
        if (!training) {
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i].clone();
            }
            return y;
        }
        keep = new boolean[x.length][columns];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns; j++) {
                keep[i][j] = random.nextDouble() >= p;
                y[i][j] = keep[i][j] ? x[i][j] / (1 - p) : 0;
            }
        }
        return y;
    }

    /**
     * Backpropagates through the last training forward: G·mask/(1 − p), with the same mask and scale (no new
     * draw).
     *
     * @param outputGradient ∂L/∂output, the shape of the last training forward's input
     * @return ∂L/∂input, a new matrix
     * @throws IllegalStateException    if there has been no training forward yet (the message names
     *                                  {@code forward})
     * @throws NullPointerException     if {@code outputGradient} is null
     * @throws IllegalArgumentException if {@code outputGradient}'s shape differs from the mask's
     */
    public double[][] backward(double[][] outputGradient) {
        if (keep == null) {
            throw new IllegalStateException("backward needs the mask of a training forward: call forward(x, true)"
                    + " first");
        }
        int columns = Checks.matrix(outputGradient, "outputGradient");
        if (outputGradient.length != keep.length || columns != keep[0].length) {
            throw new IllegalArgumentException("outputGradient must have the shape of the last training input ("
                    + keep.length + "x" + keep[0].length + "), but is " + outputGradient.length + "x" + columns);
        }
        double[][] inputGradient = new double[outputGradient.length][columns];
        for (int i = 0; i < outputGradient.length; i++) {
            for (int j = 0; j < columns; j++) {
                inputGradient[i][j] = keep[i][j] ? outputGradient[i][j] / (1 - p) : 0;
            }
        }
        return inputGradient;
    }
}
