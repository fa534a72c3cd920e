package mlkatas.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mlkatas.Checks;

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
        checkArguments(nSamples, k);
        int[] order = new int[nSamples];
        for (int i = 0; i < nSamples; i++) {
            order[i] = i;
        }
        return foldsOf(order, k);
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
        checkArguments(nSamples, k);
        int[] order = new int[nSamples];
        for (int i = 0; i < nSamples; i++) {
            order[i] = i;
        }
        // Fisher–Yates: every permutation is equally likely.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = nSamples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return foldsOf(order, k);
    }

    /** Cuts {@code order} into k contiguous blocks, the first n % k of them one longer. */
    private static List<Fold> foldsOf(int[] order, int k) {
        int n = order.length;
        int[] starts = new int[k + 1];
        for (int fold = 0; fold < k; fold++) {
            int size = n / k + (fold < n % k ? 1 : 0);
            starts[fold + 1] = starts[fold] + size;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int fold = 0; fold < k; fold++) {
            int[] test = new int[starts[fold + 1] - starts[fold]];
            System.arraycopy(order, starts[fold], test, 0, test.length);
            int[] train = new int[n - test.length];
            // The blocks before this fold, then the blocks after it.
            System.arraycopy(order, 0, train, 0, starts[fold]);
            System.arraycopy(order, starts[fold + 1], train, starts[fold], n - starts[fold + 1]);
            folds.add(new Fold(train, test));
        }
        return List.copyOf(folds);
    }

    private static void checkArguments(int nSamples, int k) {
        Checks.nonNegative(nSamples, "nSamples");
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2 (at least one fold to test and one to train on), was "
                    + k);
        }
        if (k > nSamples) {
            throw new IllegalArgumentException("k must be <= nSamples (every fold needs a sample): k " + k
                    + ", nSamples " + nSamples);
        }
    }
}
