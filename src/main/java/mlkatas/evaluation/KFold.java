package mlkatas.evaluation;

import java.util.List;

/**
 * Kata 3.1 KFold: split sample indices into k folds for cross-validation.
 *
 * <p>See katas.md, section "3.1 KFold".
 */
public final class KFold {

    private KFold() {
    }

    /**
     * One round of cross-validation: the indices to train on and the indices to test on.
     *
     * @param train the indices of the other k − 1 blocks, concatenated in fold order
     * @param test  the indices of this fold's block
     */
    public record Fold(int[] train, int[] test) {
    }

    /**
     * Splits the indices 0..nSamples−1, in order, into k folds.
     *
     * <p>The indices are cut into k contiguous blocks. Block sizes differ by at most one: the first
     * {@code nSamples % k} blocks get {@code nSamples / k + 1} indices, the others {@code nSamples / k}.
     * Fold i tests on block i and trains on the other blocks concatenated in fold order. For n = 7, k = 3
     * the test blocks are [0, 1, 2], [3, 4], [5, 6].
     *
     * @param nSamples the number of samples n, ≥ 0
     * @param k        the number of folds, 2 ≤ k ≤ n
     * @return k folds, fold i at index i; every array is new
     * @throws IllegalArgumentException if {@code nSamples} &lt; 0, or {@code k} is below 2 or above
     *                                  {@code nSamples}
     */
    public static List<Fold> split(int nSamples, int k) {
        throw new UnsupportedOperationException(
                "Kata 3.1 KFold: implement split(...), see katas.md#31-kfold");
    }

    /**
     * Shuffles the indices 0..nSamples−1 with {@code seed}, then splits the shuffled order exactly as
     * {@link #split(int, int)} splits 0..n−1: fold i tests on the i-th contiguous block of the shuffled order.
     *
     * <p>The same seed always gives the same folds; different seeds (almost always) give different folds.
     *
     * @param nSamples the number of samples n, ≥ 0
     * @param k        the number of folds, 2 ≤ k ≤ n
     * @param seed     the seed of the shuffle
     * @return k folds, fold i at index i; every array is new
     * @throws IllegalArgumentException if {@code nSamples} &lt; 0, or {@code k} is below 2 or above
     *                                  {@code nSamples}
     */
    public static List<Fold> split(int nSamples, int k, long seed) {
        throw new UnsupportedOperationException(
                "Kata 3.1 KFold: implement split(...), see katas.md#31-kfold");
    }
}
