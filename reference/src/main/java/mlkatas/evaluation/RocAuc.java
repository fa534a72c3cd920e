package mlkatas.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import mlkatas.Checks;

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
        Curve curve = curve(yTrue, scores);
        double[] x = curve.falsePositiveRate();
        double[] y = curve.truePositiveRate();
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area;
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
        Checks.binaryLabels(yTrue, "yTrue");
        Checks.notNull(scores, "scores");
        Checks.length(scores.length, yTrue.length, "scores", "one score per label of yTrue");
        Checks.finite(scores, "scores");
        int positives = Arrays.stream(yTrue).sum();
        int negatives = yTrue.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC is undefined when yTrue contains only one class: yTrue has "
                    + positives + " positives and " + negatives + " negatives, at least one of each is needed");
        }

        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
        int truePositives = 0;
        int falsePositives = 0;
        int next = 0;
        while (next < order.length) {
            double threshold = scores[order[next]];
            // Every sample with this score crosses the threshold at once: one step per distinct score.
            while (next < order.length && scores[order[next]] == threshold) {
                if (yTrue[order[next]] == 1) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
                next++;
            }
            points.add(new double[] {(double) falsePositives / negatives, (double) truePositives / positives,
                    threshold});
        }

        double[] falsePositiveRate = new double[points.size()];
        double[] truePositiveRate = new double[points.size()];
        double[] thresholds = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            falsePositiveRate[i] = points.get(i)[0];
            truePositiveRate[i] = points.get(i)[1];
            thresholds[i] = points.get(i)[2];
        }
        return new Curve(falsePositiveRate, truePositiveRate, thresholds);
    }
}
