package mlkatas.evaluation;

/**
 * Kata 3.4 Recall: of the actual positives, the fraction the classifier found.
 *
 * <p>See katas.md, section "3.4 Recall".
 */
public final class Recall {

    private Recall() {
    }

    /**
     * Recall = TP / (TP + FN): the fraction of actual positives (yTrue 1) that are predicted positive
     * (yPred 1). When there are no actual positives (TP + FN = 0, including empty arrays) it returns 0.0,
     * as scikit-learn does with {@code zero_division=0}, never NaN.
     *
     * @param yTrue the true labels, each 0 or 1 (not modified)
     * @param yPred the predicted labels, each 0 or 1, as many as {@code yTrue} (not modified)
     * @return the recall in [0, 1]
     * @throws NullPointerException     if {@code yTrue} or {@code yPred} is null
     * @throws IllegalArgumentException if a label is not 0 or 1, or the lengths differ
     */
    public static double recall(int[] yTrue, int[] yPred) {
        throw new UnsupportedOperationException(
                "Kata 3.4 Recall: implement recall(...), see katas.md#34-recall");
    }
}
