package mlkatas.evaluation;

import mlkatas.Checks;

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
        Checks.binaryLabels(yTrue, "yTrue");
        Checks.binaryLabels(yPred, "yPred");
        Checks.length(yPred.length, yTrue.length, "yPred", "one prediction per label of yTrue");

        int truePositives = 0;
        int falsePositives = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yPred[i] == 1) {
                if (yTrue[i] == 1) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
        }
        int predictedPositives = truePositives + falsePositives;
        return predictedPositives == 0 ? 0.0 : (double) truePositives / predictedPositives;
    }
}
