// Mistake: exponentiates the raw scores, so e^1000 overflows to ∞ and ∞/∞ gives NaN
// Caught by: noMaxSubtraction
package mlkatas.nn;

import mlkatas.Checks;
import org.apache.commons.math3.util.FastMath;

/**
 * Kata 4.6 Softmax: turn scores (logits) into probabilities, without overflow.
 *
 * <p>See katas.md, section "4.6 Softmax".
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * softmax(s)ᵢ = e^(sᵢ) / Σⱼ e^(sⱼ), computed stably as e^(sᵢ − m) / Σⱼ e^(sⱼ − m) with m = max(s): the
     * largest exponent is 0, so nothing overflows, and the sum is at least 1, so nothing divides by 0.
     *
     * @param scores at least one finite score (not modified)
     * @return a new array of probabilities in [0, 1] that sum to 1, in the order of the scores
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if {@code scores} is empty or contains NaN or an infinity
     */
    public static double[] softmax(double[] scores) {
        Checks.vector(scores, "scores");
        Checks.finite(scores, "scores");
        return stableSoftmax(scores);
    }

    /**
     * Applies {@link #softmax(double[])} to every row on its own: each row is one sample's scores, and each row
     * of the result sums to 1.
     *
     * @param scores a non-empty rectangular matrix of finite scores, one row per sample (not modified)
     * @return a new matrix of the same shape
     * @throws NullPointerException     if {@code scores} or one of its rows is null
     * @throws IllegalArgumentException if {@code scores} is empty or ragged, or contains NaN or an infinity
     */
    public static double[][] softmaxRows(double[][] scores) {
        Checks.matrix(scores, "scores");
        double[][] probabilities = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            Checks.finite(scores[i], "scores[" + i + "]");
            probabilities[i] = stableSoftmax(scores[i]);
        }
        return probabilities;
    }

    private static double[] stableSoftmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] exponentials = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            exponentials[i] = FastMath.exp(scores[i]);
            sum += exponentials[i];
        }
        for (int i = 0; i < scores.length; i++) {
            exponentials[i] /= sum;
        }
        return exponentials;
    }
}
