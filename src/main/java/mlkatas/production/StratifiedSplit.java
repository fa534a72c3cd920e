package mlkatas.production;

/**
 * Kata 9.1 StratifiedSplit: a train/test split that keeps every class's share.
 *
 * <p>See katas.md, section "9.1 StratifiedSplit".
 */
public final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * The result of a split: positions into the {@code labels} array.
     *
     * @param train indices of the training samples
     * @param test  indices of the test samples
     */
    public record Split(int[] train, int[] test) {
    }

    /**
     * Splits the indices {@code 0 … labels.length − 1} into train and test, class by class.
     *
     * <p>For each class c, in ascending label order: shuffle the n_c indices of that class with a random
     * generator seeded by {@code seed}, put the first ⌊n_c·testSize⌋ of them into test and the rest into
     * train. Both parts list the classes one after another in ascending label order. So every class keeps its
     * share: |test_c − n_c·testSize| &lt; 1, and a class with n_c·testSize &lt; 1 lands entirely in train.
     * The same seed always gives the same split; how the seed drives the shuffle is up to the implementation.
     *
     * @param labels   class label of each sample (any int values), at least one
     * @param testSize fraction of each class to put into test, in the open interval (0, 1)
     * @param seed     seed of the shuffle
     * @return train and test index arrays, disjoint, together covering every index once
     * @throws NullPointerException     if {@code labels} is null
     * @throws IllegalArgumentException if {@code labels} is empty or {@code testSize} is not in (0, 1)
     */
    public static Split split(int[] labels, double testSize, long seed) {
        throw new UnsupportedOperationException(
                "Kata 9.1 StratifiedSplit: implement split(...), see katas.md#91-stratifiedsplit");
    }
}
