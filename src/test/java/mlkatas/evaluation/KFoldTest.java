package mlkatas.evaluation;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("3.1 KFold: split sample indices into k folds for cross-validation")
class KFoldTest {

    /** Each generated split checks up to 40 folds of up to 40 indices: 200 draws cover every shape of (n, k). */
    private static final int PROPERTY_EXAMPLES = 200;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("10 samples, 5 folds: the test folds are [0, 1], [2, 3], [4, 5], [6, 7], [8, 9]")
        void tenSamplesFiveFolds() {
            List<KFold.Fold> folds = KFold.split(10, 5);

            assertThat(tests(folds)).as("test folds")
                    .isDeepEqualTo(new int[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}});
        }

        @Test
        @Order(2)
        @DisplayName("10 samples, 5 folds: fold 0 trains on [2..9], fold 2 on the blocks before and after it")
        void trainIsTheOtherBlocks() {
            List<KFold.Fold> folds = KFold.split(10, 5);

            assertThat(folds.get(0).train()).as("train of fold 0").containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(folds.get(2).train()).as("train of fold 2").containsExactly(0, 1, 2, 3, 6, 7, 8, 9);
        }

        @Test
        @Order(3)
        @DisplayName("15 samples, 3 folds: [0..4], [5..9], [10..14]")
        void fifteenSamplesThreeFolds() {
            assertThat(tests(KFold.split(15, 3))).as("test folds").isDeepEqualTo(new int[][] {
                    {0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}, {10, 11, 12, 13, 14}});
        }

        @Test
        @Order(4)
        @DisplayName("10 samples, 2 folds: [0..4], [5..9]")
        void tenSamplesTwoFolds() {
            assertThat(tests(KFold.split(10, 2))).as("test folds").isDeepEqualTo(new int[][] {
                    {0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}});
        }

        @Test
        @Order(5)
        @DisplayName("7 samples, 3 folds: the first 7 % 3 = 1 fold gets the extra sample")
        void sevenSamplesThreeFolds() {
            List<KFold.Fold> folds = KFold.split(7, 3);

            assertThat(tests(folds)).as("test folds").isDeepEqualTo(new int[][] {{0, 1, 2}, {3, 4}, {5, 6}});
            assertThat(trains(folds)).as("train folds").isDeepEqualTo(new int[][] {
                    {3, 4, 5, 6}, {0, 1, 2, 5, 6}, {0, 1, 2, 3, 4}});
        }

        @Test
        @Order(6)
        @DisplayName("a shuffled split of 10 samples into 5 folds still tests every sample once")
        void shuffledExample() {
            List<KFold.Fold> folds = KFold.split(10, 5, 42);

            assertThat(folds).as("number of folds").hasSize(5);
            assertThat(concatenatedTests(folds)).as("all test indices, sorted")
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(tests(folds)).as("a shuffled split should differ from the in-order one")
                    .isNotEqualTo(tests(KFold.split(10, 5)));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("every index is in exactly one test fold")
        void everyIndexInExactlyOneTestFold() {
            qt().forAll(splits()).checkAssert(s -> assertThat(sorted(concatenatedTests(KFold.split(s.n(), s.k()))))
                    .as("all test indices of %s", s)
                    .containsExactly(range(s.n())));
        }

        @Test
        @DisplayName("in every fold, train and test are disjoint and together cover 0..n−1")
        void trainAndTestPartitionTheIndices() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(splits(), longs().all()).checkAssert((s, seed) -> {
                for (List<KFold.Fold> folds : List.of(KFold.split(s.n(), s.k()), KFold.split(s.n(), s.k(), seed))) {
                    // Per fold: train + test, sorted. Each row must be exactly 0..n−1 (no gap, no duplicate).
                    int[][] unions = folds.stream().map(f -> sorted(IntStream.concat(Arrays.stream(f.train()),
                            Arrays.stream(f.test())).toArray())).toArray(int[][]::new);
                    int[][] expected = IntStream.range(0, s.k()).mapToObj(i -> range(s.n())).toArray(int[][]::new);
                    assertThat(unions).as("train + test of each fold, sorted, for %s (seed %s)", s, seed)
                            .isDeepEqualTo(expected);
                }
            });
        }

        @Test
        @DisplayName("fold sizes differ by at most one, and the larger folds come first")
        void foldSizesDifferByAtMostOne() {
            qt().forAll(splits()).checkAssert(s -> {
                int[] sizes = KFold.split(s.n(), s.k()).stream().mapToInt(f -> f.test().length).toArray();
                int[] expected = IntStream.range(0, s.k()).map(i -> s.n() / s.k() + (i < s.n() % s.k() ? 1 : 0))
                        .toArray();
                assertThat(sizes).as("test fold sizes for %s", s).containsExactly(expected);
            });
        }

        @Test
        @DisplayName("the same seed gives the same folds")
        void sameSeedSameFolds() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(splits(), longs().all()).checkAssert((s, seed) -> {
                List<KFold.Fold> first = KFold.split(s.n(), s.k(), seed);
                List<KFold.Fold> second = KFold.split(s.n(), s.k(), seed);
                assertThat(tests(second)).as("test folds of a second call with seed %s", seed)
                        .isDeepEqualTo(tests(first));
                assertThat(trains(second)).as("train folds of a second call with seed %s", seed)
                        .isDeepEqualTo(trains(first));
            });
        }

        @Test
        @DisplayName("the shuffled split is still a partition, with the same fold sizes as the in-order one")
        void shuffledSplitIsAPartition() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(splits(), longs().all()).checkAssert((s, seed) -> {
                List<KFold.Fold> shuffled = KFold.split(s.n(), s.k(), seed);
                assertThat(sorted(concatenatedTests(shuffled))).as("all shuffled test indices of %s", s)
                        .containsExactly(range(s.n()));
                assertThat(shuffled.stream().mapToInt(f -> f.test().length).toArray())
                        .as("shuffled fold sizes of %s", s)
                        .containsExactly(KFold.split(s.n(), s.k()).stream().mapToInt(f -> f.test().length).toArray());
            });
        }

        @Test
        @DisplayName("a shuffled fold trains on the other shuffled blocks, concatenated in fold order")
        void shuffledTrainIsTheOtherBlocksInOrder() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(splits(), longs().all()).checkAssert((s, seed) -> {
                List<KFold.Fold> folds = KFold.split(s.n(), s.k(), seed);
                for (int i = 0; i < folds.size(); i++) {
                    int skip = i;
                    int[] expected = IntStream.range(0, folds.size()).filter(j -> j != skip)
                            .flatMap(j -> Arrays.stream(folds.get(j).test())).toArray();
                    assertThat(folds.get(i).train()).as("train of fold %d for %s, seed %s", i, s, seed)
                            .containsExactly(expected);
                }
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final KFoldOracle.Case[] SKLEARN_CASES = KFoldOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's KFold(shuffle=False) index for index")
        void matchesScikitLearn(KFoldOracle.Case c) {
            List<KFold.Fold> folds = KFold.split(c.nSamples(), c.k());

            assertThat(tests(folds)).as("test folds for %s", c.name()).isDeepEqualTo(c.tests());
            assertThat(trains(folds)).as("train folds for %s", c.name()).isDeepEqualTo(c.trains());
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("k = n is leave-one-out: every test fold holds one sample")
        void leaveOneOut() {
            List<KFold.Fold> folds = KFold.split(4, 4);

            assertThat(tests(folds)).as("test folds").isDeepEqualTo(new int[][] {{0}, {1}, {2}, {3}});
            assertThat(folds.get(3).train()).as("train of the last fold").containsExactly(0, 1, 2);
        }

        @Test
        @DisplayName("the smallest split: 2 samples, 2 folds")
        void smallestSplit() {
            List<KFold.Fold> folds = KFold.split(2, 2, 7);

            assertThat(concatenatedTests(folds)).as("test indices").containsExactlyInAnyOrder(0, 1);
            assertThat(folds.get(0).train()).as("train of fold 0").containsExactly(folds.get(1).test());
        }

        @Test
        @DisplayName("changing a returned array does not change the next split")
        void returnsNewArrays() {
            KFold.split(6, 3).get(0).test()[0] = 99;

            assertThat(KFold.split(6, 3).get(0).test()).as("test fold 0 of a fresh call").containsExactly(0, 1);
        }

        @Test
        @DisplayName("k below 2 is rejected")
        void kTooSmall() {
            assertRejects(IllegalArgumentException.class, "split(10, 1)",
                    () -> KFold.split(10, 1), "k");
            assertRejects(IllegalArgumentException.class, "split(10, 0, 1)",
                    () -> KFold.split(10, 0, 1), "k");
            assertRejects(IllegalArgumentException.class, "split(10, -3)",
                    () -> KFold.split(10, -3), "k");
        }

        @Test
        @DisplayName("k above nSamples is rejected: a fold would be empty")
        void kAboveSampleCount() {
            assertRejects(IllegalArgumentException.class, "split(3, 4)",
                    () -> KFold.split(3, 4), "k", "nSamples");
            assertRejects(IllegalArgumentException.class, "split(3, 4, 42)",
                    () -> KFold.split(3, 4, 42), "k", "nSamples");
        }

        @Test
        @DisplayName("a negative nSamples is rejected")
        void negativeSampleCount() {
            assertRejects(IllegalArgumentException.class, "split(-5, 2)",
                    () -> KFold.split(-5, 2), "nSamples");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("remainder put on the last fold: the first n % k folds get the extra samples")
        void remainderOnLastFold() {
            int[] sizes = KFold.split(7, 3).stream().mapToInt(f -> f.test().length).toArray();

            assertThat(sizes)
                    .as("7 samples in 3 folds gave sizes %s: the n %% k leftover samples go one each to the first"
                            + " folds ([3, 2, 2], as scikit-learn does), not all onto the last fold",
                            Arrays.toString(sizes))
                    .containsExactly(3, 2, 2);
        }

        @Test
        @DisplayName("a sample in two test folds: the blocks must not overlap")
        void sampleInTwoTestFolds() {
            for (int[] nk : new int[][] {{7, 3}, {10, 4}, {11, 5}, {20, 6}}) {
                int[] all = concatenatedTests(KFold.split(nk[0], nk[1]));
                assertThat(sorted(all))
                        .as("with n = %d, k = %d the test folds hold %s: some sample is tested twice (or never)."
                                + " Each block must start exactly where the previous one ended", nk[0], nk[1],
                                Arrays.toString(all))
                        .containsExactly(range(nk[0]));
            }
        }

        @Test
        @DisplayName("seed ignored: the same seed repeats the folds, different seeds change them")
        void seedIgnored() {
            int[][] seed7 = tests(KFold.split(20, 4, 7));
            assertThat(tests(KFold.split(20, 4, 7)))
                    .as("two calls with seed 7 gave different folds: shuffle with a generator built from the seed"
                            + " argument, not an unseeded one")
                    .isDeepEqualTo(seed7);
            long distinct = IntStream.rangeClosed(1, 5).mapToObj(seed -> Arrays.deepToString(tests(KFold.split(20, 4,
                    seed)))).distinct().count();
            assertThat(distinct)
                    .as("seeds 1..5 gave only %d different splits of 20 samples: the seed argument must drive the"
                            + " shuffle (one of 20! orders), not a fixed seed or no shuffle at all", distinct)
                    .isEqualTo(5);
        }
    }

    /** A number of samples n and a number of folds k with 2 ≤ k ≤ n. */
    record Split(int n, int k) {
        @Override
        public String toString() {
            return "n=" + n + ", k=" + k;
        }
    }

    private static Gen<Split> splits() {
        Gen<Integer> sampleCounts = integers().between(2, 40);
        Gen<Split> gen = in -> {
            int n = sampleCounts.generate(in);
            return new Split(n, integers().between(2, n).generate(in));
        };
        return gen.describedAs(Split::toString);
    }

    private static int[][] tests(List<KFold.Fold> folds) {
        return folds.stream().map(KFold.Fold::test).toArray(int[][]::new);
    }

    private static int[][] trains(List<KFold.Fold> folds) {
        return folds.stream().map(KFold.Fold::train).toArray(int[][]::new);
    }

    private static int[] concatenatedTests(List<KFold.Fold> folds) {
        return folds.stream().flatMapToInt(f -> Arrays.stream(f.test())).toArray();
    }

    private static int[] sorted(int[] indices) {
        int[] copy = indices.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }
}
