package mlkatas.loss;

/**
 * Kata 2.2 CrossEntropy: the multi-class cross-entropy loss, from probabilities and (Part B) from logits.
 *
 * <p>See katas.md, section "2.2 CrossEntropy".
 */
public final class CrossEntropy {

    /** The default clipping ε, as in Deep-ML and scikit-learn's historical default. */
    public static final double DEFAULT_EPSILON = 1e-15;

    private CrossEntropy() {
    }

    /**
     * The mean cross-entropy with the default ε = 1e-15; see {@link #multiClass(double[][], double[][], double)}.
     *
     * @param predictedProbs m×C predicted probabilities, entries in [0, 1] (not modified)
     * @param oneHotLabels   m×C labels, entries in [0, 1] (one-hot, or soft labels; not modified)
     * @return the mean loss over the m samples, ≥ 0
     */
    public static double multiClass(double[][] predictedProbs, double[][] oneHotLabels) {
        return multiClass(predictedProbs, oneHotLabels, DEFAULT_EPSILON);
    }

    /**
     * The mean multi-class cross-entropy.
     *
     * <p>Each probability is first clipped into [ε, 1 − ε], so a predicted 0 costs −ln ε (about 34.5 for
     * ε = 1e-15) instead of infinity. Then
     * <pre>
     *   loss = (1/m) · Σᵢ ( −Σ_c y_ic · ln clip(p_ic) )
     * </pre>
     * With one-hot labels only the true class's probability enters. Rows of {@code predictedProbs} are not
     * renormalised.
     *
     * @param predictedProbs m×C predicted probabilities, entries in [0, 1] (not modified)
     * @param oneHotLabels   m×C labels, same shape, entries in [0, 1] (one-hot, or soft labels; not modified)
     * @param epsilon        clipping ε, in (0, 0.5)
     * @return the mean loss over the m samples, ≥ 0
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a matrix is empty or ragged, the shapes differ, an entry is outside
     *                                  [0, 1] or NaN, or {@code epsilon} is not in (0, 0.5)
     */
    public static double multiClass(double[][] predictedProbs, double[][] oneHotLabels, double epsilon) {
        throw new UnsupportedOperationException(
                "Kata 2.2 CrossEntropy: implement multiClass(...), see katas.md#22-crossentropy");
    }

    /**
     * Part B: the same mean cross-entropy computed from raw scores (logits) and class indices, without ever
     * forming a probability:
     * <pre>
     *   loss = (1/m) · Σᵢ ( logsumexp(zᵢ) − z_i,yᵢ ),   logsumexp(z) = max(z) + ln Σ_c exp(z_c − max(z))
     * </pre>
     * Subtracting the row maximum keeps every exponent ≤ 0, so logits of ±1e4 give a finite result. No
     * clipping is needed: a hopeless prediction costs its true (large) value.
     *
     * @param logits m×C finite scores, one row per sample
     * @param labels m class indices in [0, C)
     * @return the mean loss over the m samples, ≥ 0
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code logits} is empty, ragged or not finite, {@code labels} does not
     *                                  have m entries, or a label is outside [0, C)
     */
    public static double fromLogits(double[][] logits, int[] labels) {
        throw new UnsupportedOperationException(
                "Kata 2.2 CrossEntropy: implement fromLogits(...), see katas.md#22-crossentropy");
    }

}
