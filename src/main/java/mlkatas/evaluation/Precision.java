package mlkatas.evaluation;

/**
 * Kata 3.3 Precision: of the samples predicted positive, the fraction that really are positive.
 *
 * <p>See katas.md, section "3.3 Precision".
 */
public final class Precision {

    private Precision() {
    }

    /**
     * Precision = TP / (TP + FP): the fraction of predicted positives (yPred 1) that are actual positives
     * (yTrue 1). When nothing is predicted positive (TP + FP = 0, including empty arrays) it returns 0.0,
     * as scikit-learn does with {@code zero_division=0}, never NaN.
     *
     * @param yTrue the true labels, each 0 or 1 (not modified)
     * @param yPred the predicted labels, each 0 or 1, as many as {@code yTrue} (not modified)
     * @return the precision in [0, 1]
     * @throws NullPointerException     if {@code yTrue} or {@code yPred} is null
     * @throws IllegalArgumentException if a label is not 0 or 1, or the lengths differ
     */
    public static double precision(int[] yTrue, int[] yPred) {
        throw new UnsupportedOperationException(
                "Kata 3.3 Precision: implement precision(...), see katas.md#33-precision");
    }
}
