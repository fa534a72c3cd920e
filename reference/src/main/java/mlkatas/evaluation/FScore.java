package mlkatas.evaluation;

import mlkatas.Checks;

/**
 * Kata 3.5 FScore: one number that balances precision and recall.
 *
 * <p>See katas.md, section "3.5 FScore".
 */
public final class FScore {

    private FScore() {
    }

    /**
     * The F-beta score, a weighted harmonic mean of precision P = TP / (TP + FP) and recall R = TP / (TP + FN):
     * <pre>
     *   F_β = (1 + β²) · P · R / (β² · P + R)
     * </pre>
     * β = 1 gives F1, the plain harmonic mean 2PR / (P + R); β &gt; 1 weighs recall more (F2), β &lt; 1
     * precision more (F0.5). P and R follow the zero-denominator rules of their katas (0.0 when nothing is
     * predicted positive or nothing is positive), and F_β is 0.0 when P · R = 0 (including empty arrays),
     * never NaN.
     *
     * @param yTrue the true labels, each 0 or 1 (not modified)
     * @param yPred the predicted labels, each 0 or 1, as many as {@code yTrue} (not modified)
     * @param beta  how many times more recall counts than precision, finite and &gt; 0
     * @return F_β in [0, 1]
     * @throws NullPointerException     if {@code yTrue} or {@code yPred} is null
     * @throws IllegalArgumentException if a label is not 0 or 1, the lengths differ, or {@code beta} is NaN,
     *                                  infinite or ≤ 0
     */
    public static double fScore(int[] yTrue, int[] yPred, double beta) {
        Checks.binaryLabels(yTrue, "yTrue");
        Checks.binaryLabels(yPred, "yPred");
        Checks.length(yPred.length, yTrue.length, "yPred", "one prediction per label of yTrue");
        Checks.positive(beta, "beta");

        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == 1 && yPred[i] == 1) {
                truePositives++;
            } else if (yPred[i] == 1) {
                falsePositives++;
            } else if (yTrue[i] == 1) {
                falseNegatives++;
            }
        }
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        if (precision * recall == 0) {
            return 0.0;
        }
        double betaSquared = beta * beta;
        return (1 + betaSquared) * precision * recall / (betaSquared * precision + recall);
    }

    /** count / total, or 0.0 when total is 0. */
    private static double ratio(int count, int total) {
        return total == 0 ? 0.0 : (double) count / total;
    }
}
