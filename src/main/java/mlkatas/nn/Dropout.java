package mlkatas.nn;

import java.util.random.RandomGenerator;

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

    /**
     * A dropout layer.
     *
     * @param p      the probability of dropping an entry, in [0, 1) (0 keeps everything)
     * @param random the source of the masks (seed it for reproducible masks)
     * @throws NullPointerException     if {@code random} is null
     * @throws IllegalArgumentException if {@code p} is not in [0, 1)
     */
    public Dropout(double p, RandomGenerator random) {
        throw new UnsupportedOperationException(
                "Kata 4.4 Dropout: implement the constructor, see katas.md#44-dropout");
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
        throw new UnsupportedOperationException(
                "Kata 4.4 Dropout: implement forward(...), see katas.md#44-dropout");
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
        throw new UnsupportedOperationException(
                "Kata 4.4 Dropout: implement backward(...), see katas.md#44-dropout");
    }
}
