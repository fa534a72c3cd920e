package mlkatas.evaluation;

import mlkatas.Checks;

/**
 * Kata 3.2 ConfusionMatrix: count how a classifier's predictions line up with the truth.
 *
 * <p>See katas.md, section "3.2 ConfusionMatrix".
 */
public final class ConfusionMatrix {

    private ConfusionMatrix() {
    }

    /**
     * The 2×2 confusion matrix of a binary classifier, positive class (1) first:
     * <pre>
     *                 predicted 1   predicted 0
     *   actual 1    [[    TP     ,      FN    ],
     *   actual 0     [    FP     ,      TN    ]]
     * </pre>
     * TP counts samples with yTrue 1 and yPred 1, FN yTrue 1 and yPred 0, FP yTrue 0 and yPred 1, TN both 0.
     * Empty arrays give the all-zero matrix.
     *
     * @param yTrue the true labels, each 0 or 1 (not modified)
     * @param yPred the predicted labels, each 0 or 1, as many as {@code yTrue} (not modified)
     * @return {@code [[TP, FN], [FP, TN]]}, a new array
     * @throws NullPointerException     if {@code yTrue} or {@code yPred} is null
     * @throws IllegalArgumentException if a label is not 0 or 1, or the lengths differ
     */
    public static int[][] binary(int[] yTrue, int[] yPred) {
        Checks.binaryLabels(yTrue, "yTrue");
        Checks.binaryLabels(yPred, "yPred");
        Checks.length(yPred.length, yTrue.length, "yPred", "one prediction per label of yTrue");

        int truePositives = 0;
        int falseNegatives = 0;
        int falsePositives = 0;
        int trueNegatives = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == 1 && yPred[i] == 1) {
                truePositives++;
            } else if (yTrue[i] == 1) {
                falseNegatives++;
            } else if (yPred[i] == 1) {
                falsePositives++;
            } else {
                trueNegatives++;
            }
        }
        return new int[][] {{truePositives, falseNegatives}, {falsePositives, trueNegatives}};
    }

    /**
     * Part B: the numClasses×numClasses confusion matrix of a multi-class classifier. Entry [i][j] counts
     * the samples whose true class is i and whose predicted class is j: rows are true classes, columns
     * predicted classes (scikit-learn's convention), so the diagonal holds the correct predictions. Empty
     * arrays give the all-zero matrix.
     *
     * @param yTrue      the true classes, each in 0..numClasses−1 (not modified)
     * @param yPred      the predicted classes, each in 0..numClasses−1, as many as {@code yTrue} (not modified)
     * @param numClasses the number of classes, ≥ 1
     * @return a new numClasses×numClasses matrix of counts
     * @throws NullPointerException     if {@code yTrue} or {@code yPred} is null
     * @throws IllegalArgumentException if {@code numClasses} &lt; 1, a label is outside 0..numClasses−1, or the
     *                                  lengths differ
     */
    public static int[][] multiClass(int[] yTrue, int[] yPred, int numClasses) {
        Checks.notNull(yTrue, "yTrue");
        Checks.notNull(yPred, "yPred");
        Checks.atLeast(numClasses, 1, "numClasses");
        Checks.length(yPred.length, yTrue.length, "yPred", "one prediction per label of yTrue");
        checkClasses(yTrue, numClasses, "yTrue");
        checkClasses(yPred, numClasses, "yPred");

        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < yTrue.length; i++) {
            counts[yTrue[i]][yPred[i]]++;
        }
        return counts;
    }

    private static void checkClasses(int[] labels, int numClasses, String name) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(name + " must contain classes in 0.." + (numClasses - 1)
                        + " (numClasses " + numClasses + "), but " + name + "[" + i + "] is " + labels[i]);
            }
        }
    }
}
