// Mistake: shuffles with an unseeded generator, so the same seed gives a different split every call
// Caught by: seedIgnored
package mlkatas.production;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import mlkatas.Checks;

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
        Checks.notNull(labels, "labels");
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels must not be empty");
        }
        Checks.inOpenRange(testSize, 0, 1, "testSize");

        TreeMap<Integer, List<Integer>> indicesByClass = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            indicesByClass.computeIfAbsent(labels[i], label -> new ArrayList<>()).add(i);
        }

        SplittableRandom random = new SplittableRandom();
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> indices : indicesByClass.values()) {
            shuffle(indices, random);
            int testCount = (int) Math.floor(indices.size() * testSize);
            test.addAll(indices.subList(0, testCount));
            train.addAll(indices.subList(testCount, indices.size()));
        }
        return new Split(toArray(train), toArray(test));
    }

    /** Fisher–Yates shuffle. */
    private static void shuffle(List<Integer> values, SplittableRandom random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swap);
        }
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
