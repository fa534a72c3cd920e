package mlkatas.nn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import mlkatas.support.Gens;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dropout is random, so these tests never check one exact draw: they check what holds for every mask (values,
 * positions, shapes) and statistics whose tolerances are at least ten standard deviations wide, so they pass
 * for every seed (QuickTheories draws fresh seeds on every run).
 */
@DisplayName("4.4 Dropout: inverted dropout in training and inference")
class DropoutTest {

    /** x/(1 − p) may be computed as x·(1/(1 − p)): the two differ by an ulp or two. */
    private static final double SCALED = 1e-12;
    /**
     * Kept fraction of 10⁶ entries: its standard deviation is √(p(1 − p)/10⁶) ≤ 0.0005, so the spec's 0.005 is
     * at least 10 standard deviations.
     */
    private static final double KEPT_FRACTION = 0.005;
    /**
     * Mean of 10⁶ outputs of ones: its standard deviation is √(p/((1 − p)·10⁶)), at most 0.001 for p ≤ 0.5, so
     * the spec's 0.01 is at least 10 standard deviations there (for p = 0.9 it would be only 3.3, hence the
     * range of p in that test).
     */
    private static final double MEAN = 0.01;
    /** Binomial oracle: a count outside the [1e-12, 1 − 1e-12] quantiles (about ±7σ) fails. */
    private static final double TAIL = 1e-12;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("p = 0 keeps everything: training returns x unchanged")
        void pZeroTraining() {
            double[][] x = {{1, -2, 3}, {0.5, 0, -4}};

            double[][] y = new Dropout(0, new SplittableRandom(42)).forward(x, true);

            assertMatrixClose("training output with p = 0", y, x, 0);
        }

        @Test
        @Order(2)
        @DisplayName("p = 0 in inference returns x unchanged")
        void pZeroInference() {
            double[][] x = {{1, -2, 3}};

            double[][] y = new Dropout(0, new SplittableRandom(42)).forward(x, false);

            assertMatrixClose("inference output with p = 0", y, x, 0);
        }

        @Test
        @Order(3)
        @DisplayName("inference never drops: p = 0.5 returns x unchanged")
        void inferenceNeverDrops() {
            double[][] x = {{1, -2, 3}, {4, 5, 6}};

            double[][] y = new Dropout(0.5, new SplittableRandom(42)).forward(x, false);

            assertMatrixClose("inference output with p = 0.5", y, x, 0);
        }

        @Test
        @Order(4)
        @DisplayName("training with p = 0.5 turns a matrix of ones into 0s and 2s, some of each")
        void trainingDropsAndScales() {
            double[][] y = new Dropout(0.5, new SplittableRandom(42)).forward(ones(10, 10), true);

            double[] values = Arrays.stream(y).flatMapToDouble(Arrays::stream).toArray();
            assertThat(values).as("every output is 0 (dropped) or 1/(1 − 0.5) = 2 (kept)").containsOnly(0.0, 2.0);
            // 100 fair coins: all landing the same way has probability 2^−99.
            assertThat(values).as("some entries dropped and some kept").contains(0.0, 2.0);
        }

        @Test
        @Order(5)
        @DisplayName("backward lets the gradient through the kept entries, scaled the same way")
        void backwardUsesTheMask() {
            Dropout dropout = new Dropout(0.5, new SplittableRandom(42));
            double[][] y = dropout.forward(ones(4, 4), true);

            double[][] gradient = dropout.backward(ones(4, 4));

            assertMatrixClose("backward of ones equals the forward of ones (same mask, same scale)", gradient, y, 0);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("every training output is 0 or x/(1 − p)")
        void outputsAreZeroOrScaled() {
            qt().withExamples(200)
                    .forAll(Gens.matrices(1, 6, 1, 6, -10, 10), Gens.values(0, 0.95), longs().all())
                    .checkAssert((x, p, seed) -> {
                        double[][] y = new Dropout(p, new SplittableRandom(seed)).forward(x, true);

                        assertThat(y).as("output shape").hasDimensions(x.length, x[0].length);
                        for (int i = 0; i < x.length; i++) {
                            for (int j = 0; j < x[i].length; j++) {
                                if (y[i][j] != 0) {
                                    assertThat(y[i][j]).as("a kept entry [%d][%d] with p = %s", i, j, p)
                                            .isCloseTo(x[i][j] / (1 - p), within(SCALED));
                                }
                            }
                        }
                    });
        }

        @Test
        @DisplayName("on 1000×1000 ones the kept fraction is within 0.005 of 1 − p and the mean within 0.01 of 1")
        void statisticsOfTheMask() {
            qt().withExamples(2)
                    .forAll(Gens.values(0, 0.5), longs().all())
                    .checkAssert((p, seed) -> {
                        double[][] y = new Dropout(p, new SplittableRandom(seed)).forward(ones(1000, 1000), true);

                        double kept = Arrays.stream(y).flatMapToDouble(Arrays::stream).filter(v -> v != 0).count()
                                / 1e6;
                        double mean = Arrays.stream(y).flatMapToDouble(Arrays::stream).sum() / 1e6;
                        assertThat(kept).as("kept fraction with p = %s", p).isCloseTo(1 - p, within(KEPT_FRACTION));
                        assertThat(mean).as("mean output with p = %s", p).isCloseTo(1, within(MEAN));
                    });
        }

        @Test
        @DisplayName("two training calls draw different masks")
        void freshMaskEveryCall() {
            qt().withExamples(20)
                    .forAll(Gens.values(0.1, 0.9), longs().all())
                    .checkAssert((p, seed) -> {
                        Dropout dropout = new Dropout(p, new SplittableRandom(seed));
                        // 10 000 entries: two independent masks agree everywhere with probability below 0.82^10000.
                        double[][] first = dropout.forward(ones(100, 100), true);
                        double[][] second = dropout.forward(ones(100, 100), true);

                        assertThat(Arrays.deepEquals(first, second)).as("two training calls gave the same mask")
                                .isFalse();
                    });
        }

        @Test
        @DisplayName("backward zeros exactly the dropped positions and scales the rest by 1/(1 − p)")
        void backwardMatchesMask() {
            qt().withExamples(200)
                    .forAll(Gens.matrices(1, 6, 1, 6, 0.5, 10), Gens.values(0, 0.95), longs().all())
                    .checkAssert((g, p, seed) -> {
                        Dropout dropout = new Dropout(p, new SplittableRandom(seed));
                        double[][] y = dropout.forward(ones(g.length, g[0].length), true);

                        double[][] gradient = dropout.backward(g);

                        for (int i = 0; i < g.length; i++) {
                            for (int j = 0; j < g[i].length; j++) {
                                double expected = y[i][j] == 0 ? 0 : g[i][j] / (1 - p);
                                assertThat(gradient[i][j]).as("gradient at [%d][%d] (forward gave %s)", i, j,
                                        y[i][j]).isCloseTo(expected, within(SCALED));
                            }
                        }
                    });
        }

        @Test
        @DisplayName("the same seed gives the same mask")
        void sameSeedSameMask() {
            qt().withExamples(50)
                    .forAll(Gens.values(0, 0.95), longs().all())
                    .checkAssert((p, seed) -> assertThat(
                            new Dropout(p, new SplittableRandom(seed)).forward(ones(20, 20), true))
                            .as("masks from two layers seeded with %s", seed)
                            .isDeepEqualTo(new Dropout(p, new SplittableRandom(seed)).forward(ones(20, 20), true)));
        }

        @Test
        @DisplayName("an inference call in between leaves the last training mask for backward")
        void inferenceKeepsLastTrainingMask() {
            qt().withExamples(50)
                    .forAll(Gens.values(0.1, 0.9), longs().all())
                    .checkAssert((p, seed) -> {
                        Dropout dropout = new Dropout(p, new SplittableRandom(seed));
                        double[][] y = dropout.forward(ones(10, 10), true);
                        dropout.forward(ones(10, 10), false);

                        assertMatrixClose("backward after an inference forward must still use the training mask",
                                dropout.backward(ones(10, 10)), y, SCALED);
                    });
        }

        @Test
        @DisplayName("x is left unchanged and the result is a new array in both modes")
        void inputsUnchanged() {
            qt().withExamples(100)
                    .forAll(Gens.matrices(1, 5, 1, 5, -10, 10), Gens.values(0, 0.9), longs().all())
                    .checkAssert((x, p, seed) -> {
                        double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
                        Dropout dropout = new Dropout(p, new SplittableRandom(seed));

                        double[][] trained = dropout.forward(x, true);
                        double[][] inferred = dropout.forward(x, false);

                        assertThat(x).as("x after both calls").isDeepEqualTo(copy);
                        assertThat(trained).as("training result").isNotSameAs(x);
                        assertThat(inferred).as("inference result").isNotSameAs(x);
                        assertThat(inferred[0]).as("inference result's rows must be new arrays too")
                                .isNotSameAs(x[0]);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        @ParameterizedTest(name = "p = {0}")
        @ValueSource(doubles = {0.1, 0.5, 0.8, 0.95})
        @DisplayName("the number of kept entries is a plausible Binomial(n, 1 − p) draw (commons-math)")
        void keptCountIsBinomial(double p) {
            qt().withExamples(3)
                    .forAll(longs().all())
                    .checkAssert(seed -> {
                        int n = 100_000;
                        double[][] y = new Dropout(p, new SplittableRandom(seed)).forward(ones(1, n), true);

                        long kept = Arrays.stream(y[0]).filter(v -> v != 0).count();
                        BinomialDistribution binomial = new BinomialDistribution(n, 1 - p);
                        assertThat(kept).as("kept entries out of %d with p = %s (expected about %s)", n, p,
                                        n * (1 - p))
                                .isBetween((long) binomial.inverseCumulativeProbability(TAIL),
                                        (long) binomial.inverseCumulativeProbability(1 - TAIL));
                    });
        }

        @Test
        @DisplayName("neighbouring entries are kept independently: pairs are both kept with probability (1 − p)²")
        void entriesAreIndependent() {
            qt().withExamples(2)
                    .forAll(Gens.values(0.2, 0.8), longs().all())
                    .checkAssert((p, seed) -> {
                        double[][] y = new Dropout(p, new SplittableRandom(seed)).forward(ones(1000, 1000), true);

                        long both = 0;
                        for (double[] row : y) {
                            for (int j = 0; j + 1 < row.length; j++) {
                                both += row[j] != 0 && row[j + 1] != 0 ? 1 : 0;
                            }
                        }
                        // ~10⁶ overlapping pairs: the standard deviation of the fraction is below 0.001.
                        assertThat(both / 999_000.0).as("fraction of neighbouring pairs both kept, p = %s", p)
                                .isCloseTo((1 - p) * (1 - p), within(0.01));
                    });
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("p = 0 drops nothing, yet training still returns a new matrix with new rows")
        void pZeroReturnsNewArrays() {
            double[][] x = {{1, -2, 3}, {0.5, 0, -4}};

            double[][] y = new Dropout(0, new SplittableRandom(42)).forward(x, true);

            assertThat(y).as("training output with p = 0 is x itself: return a new matrix on every path")
                    .isNotSameAs(x);
            assertThat(y[0]).as("row 0 of the training output with p = 0 is x's row 0: copy the rows too")
                    .isNotSameAs(x[0]);
        }

        @Test
        @DisplayName("backward before any training forward is an IllegalStateException")
        void backwardBeforeTraining() {
            Dropout dropout = new Dropout(0.5, new SplittableRandom(42));
            assertRejects(IllegalStateException.class, "dropout.backward(ones(2, 2))",
                    () -> dropout.backward(ones(2, 2)), "forward");

            dropout.forward(ones(2, 2), false);
            assertRejects(IllegalStateException.class,
                    "dropout.backward(ones(2, 2)) after forward(..., training = false), which draws no mask",
                    () -> dropout.backward(ones(2, 2)), "forward");
        }

        @ParameterizedTest(name = "p = {0}")
        @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
        @DisplayName("p must be in [0, 1)")
        void badP(double p) {
            assertRejects(IllegalArgumentException.class, "new Dropout(" + p + ", new SplittableRandom(42))",
                    () -> new Dropout(p, new SplittableRandom(42)), "p");
        }

        @Test
        @DisplayName("null random, x or outputGradient is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "new Dropout(0.5, null)",
                    () -> new Dropout(0.5, null), "random");
            Dropout dropout = new Dropout(0.5, new SplittableRandom(42));
            assertRejects(NullPointerException.class, "dropout.forward(null, true)",
                    () -> dropout.forward(null, true), "x");
            dropout.forward(ones(2, 2), true);
            assertRejects(NullPointerException.class, "dropout.backward(null)",
                    () -> dropout.backward(null), "outputGradient");
        }

        @Test
        @DisplayName("an empty or ragged x is rejected")
        void badX() {
            Dropout dropout = new Dropout(0.5, new SplittableRandom(42));

            assertRejects(IllegalArgumentException.class, "dropout.forward(new double[0][], true)",
                    () -> dropout.forward(new double[0][], true), "x");
            assertRejects(IllegalArgumentException.class, "dropout.forward({{1, 2}, {3}}, true)",
                    () -> dropout.forward(new double[][] {{1, 2}, {3}}, true), "x");
        }

        @Test
        @DisplayName("outputGradient must have the shape of the last training input")
        void badOutputGradient() {
            Dropout dropout = new Dropout(0.5, new SplittableRandom(42));
            dropout.forward(ones(2, 3), true);

            assertRejects(IllegalArgumentException.class, "dropout.backward(ones(3, 2))",
                    () -> dropout.backward(ones(3, 2)), "outputGradient");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("classic dropout: inference must return x as it is, because training already rescaled")
        void classicDropoutScaling() {
            double[][] x = {{2, 4, 6}};

            double[][] y = new Dropout(0.5, new SplittableRandom(42)).forward(x, false);

            assertMatrixClose("inference output with p = 0.5 was rescaled: this is inverted dropout, which divides"
                    + " the kept entries by (1 − p) during training so that inference returns x unchanged", y, x, 0);
        }

        @Test
        @DisplayName("kept entries are scaled up by 1/(1 − p) in training")
        void keptEntriesScaledUp() {
            double[][] y = new Dropout(0.75, new SplittableRandom(42)).forward(ones(20, 20), true);

            double largest = Arrays.stream(y).flatMapToDouble(Arrays::stream).max().orElseThrow();
            // 400 entries each kept with probability ¼: none kept has probability 0.75^400.
            assertThat(largest)
                    .as("kept entries of ones with p = 0.75 are %s, not 1/(1 − 0.75) = 4: divide kept entries by"
                            + " the keep probability so the expected output stays x", largest)
                    .isCloseTo(4, within(SCALED));
        }

        @Test
        @DisplayName("keeping with probability p: p is the probability of dropping")
        void keepsWithProbabilityP() {
            double[][] y = new Dropout(0.2, new SplittableRandom(42)).forward(ones(200, 200), true);

            double kept = Arrays.stream(y).flatMapToDouble(Arrays::stream).filter(v -> v != 0).count() / 40_000.0;
            // 40 000 entries: the standard deviation of the fraction is 0.002, the tolerance 25 times that.
            assertThat(kept)
                    .as("with p = 0.2 a fraction %s was kept instead of about 0.8: p is the DROP probability, so"
                            + " keep an entry when the draw is ≥ p (probability 1 − p)", kept)
                    .isCloseTo(0.8, within(0.05));
        }

        @Test
        @DisplayName("a new mask drawn in backward: the gradient must flow through the forward pass's mask")
        void newMaskInBackward() {
            Dropout dropout = new Dropout(0.5, new SplittableRandom(42));
            double[][] y = dropout.forward(ones(20, 20), true);

            double[][] gradient = dropout.backward(ones(20, 20));

            // A fresh mask of 400 entries matches the forward one with probability 2^−400.
            assertMatrixClose("backward dropped other positions than forward: reuse the mask remembered by the"
                    + " training forward; never draw in backward", gradient, y, SCALED);
        }
    }

    private static double[][] ones(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            Arrays.fill(row, 1.0);
        }
        return m;
    }
}
