package mlkatas.evaluation;

/**
 * Kata 3.6 RocAuc: the ROC curve of a scoring classifier and the area under it.
 *
 * <p>See katas.md, section "3.6 RocAuc".
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * The points of a ROC curve, in decreasing threshold order.
     *
     * @param falsePositiveRate FP / N at each threshold, from 0 up to 1
     * @param truePositiveRate  TP / P at each threshold, from 0 up to 1
     * @param thresholds        +∞ first, then every distinct score in decreasing order
     */
    public record Curve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) {
    }

    /**
     * The area under the ROC curve (AUC), by the trapezoidal rule over the points of {@link #curve}.
     *
     * <p>It equals the probability that a randomly drawn positive scores higher than a randomly drawn
     * negative, a tie counting ½: the Mann–Whitney U statistic of the positives divided by P·N. 1 is a
     * perfect ranking, 0.5 a ranking no better than chance (or every score tied), 0 a perfectly reversed one.
     *
     * @param yTrue  the true labels, each 0 or 1, with at least one of each (not modified)
     * @param scores the classifier's scores (higher means more likely positive), finite, one per label
     *               (not modified)
     * @return the AUC in [0, 1]
     * @throws NullPointerException     if {@code yTrue} or {@code scores} is null
     * @throws IllegalArgumentException if a label is not 0 or 1, {@code yTrue} holds only one class (AUC is
     *                                  undefined), the lengths differ, or a score is NaN or infinite
     */
    public static double auc(int[] yTrue, double[] scores) {
        throw new UnsupportedOperationException(
                "Kata 3.6 RocAuc: implement auc(...), see katas.md#36-rocauc");
    }

    /**
     * The ROC curve: for each threshold t, predict positive when score ≥ t and record the false-positive
     * rate FP / N and the true-positive rate TP / P (N negatives and P positives in yTrue).
     *
     * <p>The first point is (0, 0) with threshold +∞ (nothing predicted positive). Then every distinct score,
     * in decreasing order, is a threshold; samples with tied scores cross the threshold together, so they form
     * one step (a diagonal one when the tie mixes classes). The last point is (1, 1). No point is dropped,
     * even one on a straight segment (scikit-learn's {@code drop_intermediate=False}).
     *
     * @param yTrue  the true labels, each 0 or 1, with at least one of each (not modified)
     * @param scores the classifier's scores (higher means more likely positive), finite, one per label
     *               (not modified)
     * @return the curve: distinct scores + 1 points; every array is new
     * @throws NullPointerException     if {@code yTrue} or {@code scores} is null
     * @throws IllegalArgumentException if a label is not 0 or 1, {@code yTrue} holds only one class (the
     *                                  rates would divide by zero), the lengths differ, or a score is NaN or
     *                                  infinite
     */
    public static Curve curve(int[] yTrue, double[] scores) {
        throw new UnsupportedOperationException(
                "Kata 3.6 RocAuc: implement curve(...), see katas.md#36-rocauc");
    }
}
