package mlkatas.evaluation;

import mlkatas.Checks;

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
        Checks.binaryLabels(yTrue, "yTrue");
        Checks.binaryLabels(yPred, "yPred");
        Checks.length(yPred.length, yTrue.length, "yPred", "one prediction per label of yTrue");

        int truePositives = 0;
        int falseNegatives = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == 1) {
                if (yPred[i] == 1) {
                    truePositives++;
                } else {
                    falseNegatives++;
                }
            }
        }
        int actualPositives = truePositives + falseNegatives;
        return actualPositives == 0 ? 0.0 : (double) truePositives / actualPositives;
    }
}
