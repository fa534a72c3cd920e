package mlkatas.evaluation;

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
        throw new UnsupportedOperationException(
                "Kata 3.2 ConfusionMatrix: implement binary(...), see katas.md#32-confusionmatrix");
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
        throw new UnsupportedOperationException(
                "Kata 3.2 ConfusionMatrix: implement multiClass(...), see katas.md#32-confusionmatrix");
    }
}
