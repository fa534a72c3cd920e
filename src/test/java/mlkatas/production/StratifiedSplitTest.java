package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("9.1 StratifiedSplit: a train/test split that keeps every class's share")
class StratifiedSplitTest {

    /**
     * Test-set class shares against scikit-learn's. Both allocations put within 2 samples of n_c·testSize of
     * each class into test (scikit-learn first rounds the test size up, then distributes the remainder);
     * every oracle case has at least 100 test samples, so the shares differ by at most about 0.01.
     */
    private static final double SHARE = 0.015;

    /** Test sizes for properties: anywhere in (0, 1), so some products n_c·testSize land just below an integer. */
    private static final Gen<Double> TEST_SIZES = Gens.values(0.01, 0.99);

    private static final int[] SIX = {0, 0, 0, 1, 1, 1};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("[0,0,0,1,1,1] with testSize 0.5 → one test and two train indices per class")
        void halfOfTwoClasses() {
            StratifiedSplit.Split split = StratifiedSplit.split(SIX, 0.5, 42);

            assertThat(labelsOf(SIX, split.test())).as("labels of the test indices").containsExactly(0, 1);
            assertThat(labelsOf(SIX, split.train())).as("labels of the train indices").containsExactly(0, 0, 1, 1);
        }

        @Test
        @Order(2)
        @DisplayName("every index lands in exactly one part")
        void partitionOfIndices() {
            StratifiedSplit.Split split = StratifiedSplit.split(SIX, 0.5, 42);

            assertThat(concat(split.train(), split.test())).as("train and test together")
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        }

        @Test
        @Order(3)
        @DisplayName("each class contributes ⌊n_c·testSize⌋ to test: 10 and 5 samples at 0.3 → 3 and 1")
        void floorPerClass() {
            int[] labels = new int[15];
            Arrays.fill(labels, 10, 15, 1);   // ten 0s, five 1s

            StratifiedSplit.Split split = StratifiedSplit.split(labels, 0.3, 7);

            // 10·0.3 = 3 and 5·0.3 = 1.5 → 1: the test set has 4 samples, 3 of class 0 and 1 of class 1.
            assertThat(labelsOf(labels, split.test())).containsExactly(0, 0, 0, 1);
            assertThat(split.train()).hasSize(11);
        }

        @Test
        @Order(4)
        @DisplayName("classes appear in ascending label order, whatever order the labels come in")
        void ascendingLabelOrder() {
            int[] labels = {5, -2, 5, 9, -2, 9, 5, -2, 9, 5};

            StratifiedSplit.Split split = StratifiedSplit.split(labels, 0.5, 3);

            // n: −2 → 3, 5 → 4, 9 → 3; test counts ⌊1.5⌋ = 1, 2, 1.
            assertThat(labelsOf(labels, split.test())).containsExactly(-2, 5, 5, 9);
            assertThat(labelsOf(labels, split.train())).containsExactly(-2, -2, 5, 5, 9, 9);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("train and test are disjoint and together cover every index once")
        void partition() {
            qt().withExamples(200).forAll(Gens.labels(1, 60, 4), TEST_SIZES, longs().all())
                    .checkAssert((labels, testSize, seed) -> {
                        StratifiedSplit.Split split = StratifiedSplit.split(labels, testSize, seed);

                        assertThat(concat(split.train(), split.test())).as("train and test together")
                                .containsExactlyInAnyOrder(IntStream.range(0, labels.length).toArray());
                    });
        }

        @Test
        @DisplayName("each class puts exactly ⌊n_c·testSize⌋ samples into test, so |test_c − n_c·testSize| < 1")
        void countsPerClass() {
            qt().withExamples(200).forAll(Gens.labels(1, 60, 4), TEST_SIZES, longs().all())
                    .checkAssert((labels, testSize, seed) -> {
                        StratifiedSplit.Split split = StratifiedSplit.split(labels, testSize, seed);

                        TreeMap<Integer, Integer> classSizes = counts(labels, IntStream.range(0, labels.length)
                                .toArray());
                        TreeMap<Integer, Integer> testCounts = counts(labels, split.test());
                        classSizes.forEach((label, n) -> {
                            int expected = (int) Math.floor(n * testSize);
                            assertThat(testCounts.getOrDefault(label, 0))
                                    .as("test samples of class %d (n_c = %d, testSize = %s)", label, n, testSize)
                                    .isEqualTo(expected);
                            assertThat(Math.abs(testCounts.getOrDefault(label, 0) - n * testSize)).isLessThan(1.0);
                        });
                    });
        }

        @Test
        @DisplayName("both parts list the classes in ascending label order")
        void classesInOrder() {
            qt().withExamples(200).forAll(Gens.labels(1, 60, 5), TEST_SIZES, longs().all())
                    .checkAssert((labels, testSize, seed) -> {
                        StratifiedSplit.Split split = StratifiedSplit.split(labels, testSize, seed);

                        assertThat(labelsOf(labels, split.train())).as("labels of train").isSorted();
                        assertThat(labelsOf(labels, split.test())).as("labels of test").isSorted();
                    });
        }

        @Test
        @DisplayName("the same seed gives the same split")
        void sameSeedSameSplit() {
            qt().withExamples(200).forAll(Gens.labels(1, 60, 4), TEST_SIZES, longs().all())
                    .checkAssert((labels, testSize, seed) -> {
                        StratifiedSplit.Split first = StratifiedSplit.split(labels, testSize, seed);
                        StratifiedSplit.Split second = StratifiedSplit.split(labels, testSize, seed);

                        assertThat(second.train()).as("train of the second call").containsExactly(first.train());
                        assertThat(second.test()).as("test of the second call").containsExactly(first.test());
                    });
        }

        @Test
        @DisplayName("labels are left unchanged")
        void inputUnchanged() {
            qt().withExamples(200).forAll(Gens.labels(1, 60, 4), TEST_SIZES, longs().all())
                    .checkAssert((labels, testSize, seed) -> {
                        int[] copy = labels.clone();

                        StratifiedSplit.split(labels, testSize, seed);

                        assertThat(labels).as("labels after the call").containsExactly(copy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final StratifiedSplitOracle.Case[] CASES = StratifiedSplitOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("CASES")
        @DisplayName("test counts per class follow the counting rule exactly")
        void countingRule(StratifiedSplitOracle.Case c) {
            StratifiedSplit.Split split = StratifiedSplit.split(c.labels(), c.testSize(), 2024);

            TreeMap<Integer, Integer> testCounts = counts(c.labels(), split.test());
            for (int k = 0; k < c.classes().length; k++) {
                assertThat(testCounts.getOrDefault(c.classes()[k], 0))
                        .as("test samples of class %d", c.classes()[k]).isEqualTo(c.testCounts()[k]);
            }
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("CASES")
        @DisplayName("class shares in the test set match scikit-learn's train_test_split(stratify=...)")
        void sklearnProportions(StratifiedSplitOracle.Case c) {
            StratifiedSplit.Split split = StratifiedSplit.split(c.labels(), c.testSize(), 2024);

            TreeMap<Integer, Integer> testCounts = counts(c.labels(), split.test());
            for (int k = 0; k < c.classes().length; k++) {
                double share = testCounts.getOrDefault(c.classes()[k], 0) / (double) split.test().length;
                assertThat(share).as("share of class %d in the test set", c.classes()[k])
                        .isCloseTo(c.sklearnTestProportions()[k], within(SHARE));
            }
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a class too small for one test sample goes entirely to train")
        void tinyClass() {
            int[] labels = {0, 0, 0, 0, 1};

            StratifiedSplit.Split split = StratifiedSplit.split(labels, 0.5, 1);

            // class 0: ⌊4·0.5⌋ = 2 in test; class 1: ⌊0.5⌋ = 0 in test.
            assertThat(labelsOf(labels, split.test())).containsExactly(0, 0);
            assertThat(labelsOf(labels, split.train())).containsExactly(0, 0, 1);
        }

        @Test
        @DisplayName("a single sample goes to train and the test set is empty")
        void singleSample() {
            StratifiedSplit.Split split = StratifiedSplit.split(new int[] {3}, 0.9, 1);

            assertThat(split.train()).containsExactly(0);
            assertThat(split.test()).isEmpty();
        }

        @Test
        @DisplayName("null labels are rejected with a NullPointerException naming them")
        void nullLabels() {
            assertRejects(NullPointerException.class, "StratifiedSplit.split(null, 0.5, 1)",
                    () -> StratifiedSplit.split(null, 0.5, 1), "labels");
        }

        @Test
        @DisplayName("empty labels are rejected")
        void emptyLabels() {
            assertRejects(IllegalArgumentException.class, "StratifiedSplit.split(new int[0], 0.5, 1)",
                    () -> StratifiedSplit.split(new int[0], 0.5, 1), "labels");
        }

        @ParameterizedTest(name = "testSize = {0}")
        @ValueSource(doubles = {0.0, 1.0, -0.2, 1.5, Double.NaN})
        @DisplayName("testSize must be in the open interval (0, 1)")
        void badTestSize(double testSize) {
            assertRejects(IllegalArgumentException.class, "StratifiedSplit.split(SIX, " + testSize + ", 1)",
                    () -> StratifiedSplit.split(SIX, testSize, 1), "testSize");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("shuffling before stratifying: every seed must give every class its exact share")
        void shuffledBeforeStratifying() {
            int[] labels = new int[100];
            Arrays.fill(labels, 50, 100, 1);   // fifty 0s, fifty 1s

            for (long seed = 0; seed < 20; seed++) {
                StratifiedSplit.Split split = StratifiedSplit.split(labels, 0.3, seed);
                TreeMap<Integer, Integer> testCounts = counts(labels, split.test());
                assertThat(testCounts)
                        .as("seed %d gave test counts %s instead of {0=15, 1=15}: were all indices shuffled"
                                + " together and the first 30% cut off? That is a random split and the class"
                                + " shares drift. Group the indices by class first, then shuffle and cut each"
                                + " class on its own", seed, testCounts)
                        .containsExactlyEntriesOf(new TreeMap<>(Map.of(0, 15, 1, 15)));
            }
        }

        @Test
        @DisplayName("rounding instead of floor: 5 samples at testSize 0.5 put 2 (not 3) in test")
        void roundedInsteadOfFloored() {
            int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1};   // five 0s, seven 1s

            StratifiedSplit.Split split = StratifiedSplit.split(labels, 0.5, 11);

            assertThat(counts(labels, split.test()))
                    .as("test counts for n = 5 and 7 at testSize 0.5 must be ⌊2.5⌋ = 2 and ⌊3.5⌋ = 3: rounding"
                            + " (Math.round) sends the extra half-sample to test; the rule is floor"
                            + " ((int) Math.floor(n_c·testSize))")
                    .containsExactlyEntriesOf(new TreeMap<>(Map.of(0, 2, 1, 3)));
        }

        @Test
        @DisplayName("seed ignored: the same seed repeats the split, different seeds vary it")
        void seedIgnored() {
            int[] labels = new int[40];
            Arrays.fill(labels, 20, 40, 1);

            StratifiedSplit.Split first = StratifiedSplit.split(labels, 0.5, 5);
            StratifiedSplit.Split again = StratifiedSplit.split(labels, 0.5, 5);
            assertThat(again.test())
                    .as("the same seed gave a different test set: shuffle with a generator built from seed"
                            + " (new SplittableRandom(seed)), not with an unseeded one")
                    .containsExactly(first.test());

            Set<String> testSets = new HashSet<>();
            for (long seed = 0; seed < 10; seed++) {
                testSets.add(Arrays.toString(StratifiedSplit.split(labels, 0.5, seed).test()));
            }
            assertThat(testSets)
                    .as("ten different seeds all gave the same test set: the seed is ignored (a fixed seed, or no"
                            + " shuffle at all). Seed the shuffle with the seed argument")
                    .hasSizeGreaterThan(1);
        }
    }

    private static int[] labelsOf(int[] labels, int[] indices) {
        return Arrays.stream(indices).map(i -> labels[i]).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).toArray();
    }

    private static TreeMap<Integer, Integer> counts(int[] labels, int[] indices) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int i : indices) {
            counts.merge(labels[i], 1, Integer::sum);
        }
        return counts;
    }
}
