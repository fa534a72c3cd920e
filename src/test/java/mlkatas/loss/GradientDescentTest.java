package mlkatas.loss;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.loss.GradientDescent.Variant;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("2.1 GradientDescent: batch, stochastic and mini-batch updates on the MSE")
class GradientDescentTest {

    /** Deep-ML quotes its results to 8 decimals; 1e-8 accepts them and nothing that differs by one update. */
    private static final double DEEP_ML = 1e-8;
    /** One or a few updates involve a handful of roundings: far below any real mistake. */
    private static final double EXACT = 1e-12;
    /** Two variants that perform the same updates in the same order agree to rounding. */
    private static final double SAME_UPDATES = 1e-12;
    /** Converged runs on data a linear model fits exactly: the error shrinks geometrically far below this. */
    private static final double CONVERGED = 1e-6;
    /** Replaying the same updates in NumPy: rounding differs only in summation order. */
    private static final double REPLAY = 1e-9;

    /** Deep-ML 47's data: y = x + 1 with the bias as the second column. */
    private static final double[][] X = {{1, 1}, {2, 1}, {3, 1}, {4, 1}};
    private static final double[] Y = {2, 3, 4, 5};
    private static final double[] ZEROS = {0, 0};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one batch update from w = 0 moves w by lr·(2/m)·Xᵀy")
        void oneBatchUpdate() {
            // Xᵀy = [1·2 + 2·3 + 3·4 + 4·5, 2 + 3 + 4 + 5] = [40, 14]; times 2/m = 1/2 and lr = 0.01.
            double[] w = GradientDescent.run(X, Y, ZEROS, 0.01, 1, 1, Variant.BATCH);

            assertVectorClose("w after one batch update", w, new double[] {0.2, 0.07}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("one stochastic pass makes one update per row, in order")
        void oneStochasticPass() {
            // Row 0 = [1, 1], y 2: gradient 2·(0 − 2)·[1, 1] = [−4, −4], so w = [0.04, 0.04].
            // Row 1 = [2, 1], y 3: prediction 0.12, gradient 2·(0.12 − 3)·[2, 1] = [−11.52, −5.76].
            double[] w = GradientDescent.run(new double[][] {{1, 1}, {2, 1}}, new double[] {2, 3}, ZEROS, 0.01, 1,
                    1, Variant.STOCHASTIC);

            assertVectorClose("w after one pass over two rows", w, new double[] {0.04 + 0.1152, 0.04 + 0.0576},
                    EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 47, batch: lr 0.01, 100 iterations → [1.14905239, 0.56176776]")
        void deepMlBatch() {
            double[] w = GradientDescent.run(X, Y, ZEROS, 0.01, 100, 2, Variant.BATCH);

            assertVectorClose("w", w, new double[] {1.14905239, 0.56176776}, DEEP_ML);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML 47, stochastic: lr 0.01, 100 iterations → [1.0507814, 0.83659454]")
        void deepMlStochastic() {
            double[] w = GradientDescent.run(X, Y, ZEROS, 0.01, 100, 2, Variant.STOCHASTIC);

            assertVectorClose("w", w, new double[] {1.0507814, 0.83659454}, DEEP_ML);
        }

        @Test
        @Order(5)
        @DisplayName("Deep-ML 47, mini-batches of 2: lr 0.01, 100 iterations → [1.10334065, 0.68329431]")
        void deepMlMiniBatch() {
            double[] w = GradientDescent.run(X, Y, ZEROS, 0.01, 100, 2, Variant.MINI_BATCH);

            assertVectorClose("w", w, new double[] {1.10334065, 0.68329431}, DEEP_ML);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("mini-batches of at least m rows are exactly batch gradient descent")
        void bigMiniBatchIsBatch() {
            qt().forAll(Gens.designsWithIntercept(1, 3, 2, 12), Gens.values(-5, 5),
                            integers().between(0, 20))
                    .checkAssert((x, offset, extra) -> {
                        double[] y = noisyTargets(x, offset);
                        double lr = stableRate(x);
                        double[] w0 = new double[x[0].length];

                        double[] batch = GradientDescent.run(x, y, w0, lr, 20, 1, Variant.BATCH);
                        double[] mini = GradientDescent.run(x, y, w0, lr, 20, x.length + extra,
                                Variant.MINI_BATCH);

                        assertVectorClose("MINI_BATCH with batchSize " + (x.length + extra) + " ≥ m = " + x.length
                                + " vs BATCH", mini, batch, SAME_UPDATES);
                    });
        }

        @Test
        @DisplayName("mini-batches of one row are exactly stochastic gradient descent")
        void miniBatchOfOneIsStochastic() {
            qt().forAll(Gens.designsWithIntercept(1, 3, 2, 12), Gens.values(-5, 5))
                    .checkAssert((x, offset) -> {
                        double[] y = noisyTargets(x, offset);
                        double lr = stableRate(x);
                        double[] w0 = new double[x[0].length];

                        double[] stochastic = GradientDescent.run(x, y, w0, lr, 20, 1, Variant.STOCHASTIC);
                        double[] mini = GradientDescent.run(x, y, w0, lr, 20, 1, Variant.MINI_BATCH);

                        assertVectorClose("MINI_BATCH with batchSize 1 vs STOCHASTIC", mini, stochastic,
                                SAME_UPDATES);
                    });
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Variant.class)
        @DisplayName("every variant reaches the exact weights on data a linear model fits exactly")
        void reachesExactFit(Variant variant) {
            qt().withExamples(40)
                    .forAll(Gens.designsWithIntercept(1, 3, 6, 16).assuming(x -> Gens.isWellPosed(x, 0.05)),
                            Gens.vectors(4, -3, 3),
                            integers().between(1, 5))
                    .checkAssert((x, trueWeights, batchSize) -> {
                        double[] w = Arrays.copyOf(trueWeights, x[0].length);
                        double[] y = predict(x, w);

                        double[] fitted = GradientDescent.run(x, y, new double[w.length], stableRate(x), 4000,
                                batchSize, variant);

                        assertVectorClose(variant + " after 4000 iterations on y = Xw exactly (batchSize "
                                + batchSize + ")", fitted, w, CONVERGED);
                    });
        }

        @Test
        @DisplayName("x, y and initialWeights are left unchanged, and the result is a new array")
        void inputsUnchanged() {
            qt().forAll(Gens.designsWithIntercept(1, 3, 2, 10), Gens.values(-5, 5), Gens.vectors(4, -1, 1))
                    .checkAssert((x, offset, start) -> {
                        double[] y = noisyTargets(x, offset);
                        double[] w0 = Arrays.copyOf(start, x[0].length);
                        double[][] xCopy = deepCopy(x);
                        double[] yCopy = y.clone();
                        double[] w0Copy = w0.clone();

                        for (Variant variant : Variant.values()) {
                            double[] w = GradientDescent.run(x, y, w0, 0.05, 3, 2, variant);
                            assertThat(w).as("%s returned initialWeights itself", variant).isNotSameAs(w0);
                        }

                        assertThat(x).as("x after the calls").isDeepEqualTo(xCopy);
                        assertThat(y).as("y after the calls").containsExactly(yCopy);
                        assertThat(w0).as("initialWeights after the calls").containsExactly(w0Copy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final GradientDescentOracle.Case[] NUMPY_CASES = GradientDescentOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches a NumPy replay of the same updates")
        void matchesNumpyReplay(GradientDescentOracle.Case c) {
            double[] w = GradientDescent.run(c.x(), c.y(), c.initialWeights(), c.learningRate(), c.iterations(),
                    c.batchSize(), c.variant());

            assertVectorClose("w for " + c.name(), w, c.weights(), REPLAY);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Variant.class)
        @DisplayName("zero iterations return a copy of the initial weights")
        void zeroIterations(Variant variant) {
            double[] w0 = {0.5, -0.25};

            double[] w = GradientDescent.run(X, Y, w0, 0.01, 0, 2, variant);

            assertThat(w).as("w after 0 iterations").containsExactly(0.5, -0.25).isNotSameAs(w0);
        }

        @ParameterizedTest(name = "batchSize = {0}")
        @ValueSource(ints = {0, -3})
        @DisplayName("batchSize is ignored by BATCH and STOCHASTIC")
        void batchSizeIgnoredOutsideMiniBatch(int batchSize) {
            assertVectorClose("BATCH with batchSize " + batchSize,
                    GradientDescent.run(X, Y, ZEROS, 0.01, 1, batchSize, Variant.BATCH),
                    new double[] {0.2, 0.07}, EXACT);
            assertVectorClose("STOCHASTIC with batchSize " + batchSize,
                    GradientDescent.run(X, Y, ZEROS, 0.01, 1, batchSize, Variant.STOCHASTIC),
                    GradientDescent.run(X, Y, ZEROS, 0.01, 1, 1, Variant.MINI_BATCH), EXACT);
        }

        @Test
        @DisplayName("a single row and a single column converge to that target")
        void singleSample() {
            double[] w = GradientDescent.run(new double[][] {{2}}, new double[] {3}, new double[] {0}, 0.05, 200, 1,
                    Variant.STOCHASTIC);

            assertVectorClose("w for 2w = 3", w, new double[] {1.5}, EXACT);
        }

        @Test
        @DisplayName("null x, y, initialWeights or variant is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "run(null, Y, ZEROS, 0.01, 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(null, Y, ZEROS, 0.01, 1, 1, Variant.BATCH), "x");
            assertRejects(NullPointerException.class, "run(X, null, ZEROS, 0.01, 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(X, null, ZEROS, 0.01, 1, 1, Variant.BATCH), "y");
            assertRejects(NullPointerException.class, "run(X, Y, null, 0.01, 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(X, Y, null, 0.01, 1, 1, Variant.BATCH), "initialWeights");
            assertRejects(NullPointerException.class, "run(X, Y, ZEROS, 0.01, 1, 1, null)",
                    () -> GradientDescent.run(X, Y, ZEROS, 0.01, 1, 1, null), "variant");
        }

        @Test
        @DisplayName("an empty or ragged x is rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class,
                    "run(new double[0][], new double[0], ZEROS, 0.01, 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(new double[0][], new double[0], ZEROS, 0.01, 1, 1, Variant.BATCH), "x");
            assertRejects(IllegalArgumentException.class,
                    "run({{1, 1}, {1}}, {1, 2}, ZEROS, 0.01, 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(new double[][] {{1, 1}, {1}}, new double[] {1, 2}, ZEROS,
                            0.01, 1, 1, Variant.BATCH),
                    "x");
        }

        @Test
        @DisplayName("y needs one target per row and initialWeights one weight per column")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "run(X, {1, 2}, ZEROS, 0.01, 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(X, new double[] {1, 2}, ZEROS, 0.01, 1, 1, Variant.BATCH), "y");
            assertRejects(IllegalArgumentException.class, "run(X, Y, new double[3], 0.01, 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(X, Y, new double[3], 0.01, 1, 1, Variant.BATCH), "initialWeights");
        }

        @ParameterizedTest(name = "learningRate = {0}")
        @ValueSource(doubles = {0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("learningRate must be finite and > 0")
        void badLearningRate(double learningRate) {
            assertRejects(IllegalArgumentException.class, "run(X, Y, ZEROS, " + learningRate + ", 1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(X, Y, ZEROS, learningRate, 1, 1, Variant.BATCH), "learningRate");
        }

        @Test
        @DisplayName("iterations must be ≥ 0")
        void negativeIterations() {
            assertRejects(IllegalArgumentException.class, "run(X, Y, ZEROS, 0.01, -1, 1, Variant.BATCH)",
                    () -> GradientDescent.run(X, Y, ZEROS, 0.01, -1, 1, Variant.BATCH), "iterations");
        }

        @ParameterizedTest(name = "batchSize = {0}")
        @ValueSource(ints = {0, -1})
        @DisplayName("MINI_BATCH needs batchSize ≥ 1")
        void badBatchSize(int batchSize) {
            assertRejects(IllegalArgumentException.class,
                    "run(X, Y, ZEROS, 0.01, 1, " + batchSize + ", Variant.MINI_BATCH)",
                    () -> GradientDescent.run(X, Y, ZEROS, 0.01, 1, batchSize, Variant.MINI_BATCH), "batchSize");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("short last batch: divide its gradient by its real size, not by batchSize")
        void shortLastBatchDividedByBatchSize() {
            // Five rows, batches {0, 1}, {2, 3}, {4}. Only row 4 has a residual at w = 0, so only the last
            // batch moves w: gradient (2/1)·(0 − 10) = −20, and w = 0.1 · 20 = 2.
            double[][] x = {{1}, {1}, {1}, {1}, {1}};
            double[] y = {0, 0, 0, 0, 10};

            double[] w = GradientDescent.run(x, y, new double[] {0}, 0.1, 1, 2, Variant.MINI_BATCH);

            assertThat(w[0])
                    .as("w after one pass is %s instead of 2.0. The last batch holds only row 4 and its gradient"
                            + " is a mean over that one row: 1.0 means it was divided by batchSize (2) instead of"
                            + " its real size; 0.0 means the short last batch was skipped", w[0])
                    .isCloseTo(2.0, within(EXACT));
        }

        @Test
        @DisplayName("shuffling: rows are visited in order")
        void shuffling() {
            // With lr 0.25 every stochastic update moves w halfway to that row's target: w ← (w + yᵢ)/2.
            // In row order 1, 2, …, 8 that ends at 7.00390625; no other order of these rows does.
            double[][] x = {{1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}};
            double[] y = {1, 2, 3, 4, 5, 6, 7, 8};

            double[] w = GradientDescent.run(x, y, new double[] {0}, 0.25, 1, 1, Variant.STOCHASTIC);

            assertThat(w[0])
                    .as("w after one stochastic pass is %s instead of 7.00390625: were the rows shuffled or"
                            + " visited out of order? This kata visits rows 0, 1, …, m−1 in order, so the result is"
                            + " deterministic (real training shuffles, with a seeded generator)", w[0])
                    .isCloseTo(7.00390625, within(EXACT));
        }

        @Test
        @DisplayName("factor 2 missing: the gradient of the MSE is (2/b)·Xᵀ(Xw − y)")
        void factorTwoMissing() {
            double[] w = GradientDescent.run(X, Y, ZEROS, 0.01, 1, 1, Variant.BATCH);

            assertVectorClose("one batch update from w = 0 must be lr·(2/m)·Xᵀy = [0.2, 0.07]; half of it means the"
                    + " factor 2 from differentiating the square is missing (this kata's loss is the plain MSE,"
                    + " not ½·MSE)", w, new double[] {0.2, 0.07}, EXACT);
        }

        @Test
        @DisplayName("initial weights mutated: start from a copy")
        void initialWeightsMutated() {
            double[] w0 = {0.5, -0.5};

            GradientDescent.run(X, Y, w0, 0.01, 5, 2, Variant.MINI_BATCH);

            assertThat(w0)
                    .as("initialWeights changed during the call: the caller's array is not yours to update."
                            + " Copy it (initialWeights.clone()) and update the copy")
                    .containsExactly(0.5, -0.5);
        }
    }

    /** Targets with a linear trend plus a deterministic wiggle, so no linear model fits them exactly. */
    private static double[] noisyTargets(double[][] x, double offset) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = offset + Arrays.stream(x[i]).sum() + 0.3 * Math.sin(7.0 * i);
        }
        return y;
    }

    /**
     * A learning rate that is stable for every variant: lr = 0.5 / maxᵢ‖xᵢ‖². The Hessian of the MSE over
     * any set of rows is 2·X_BᵀX_B/b, whose largest eigenvalue is at most 2·maxᵢ‖xᵢ‖², so lr·λ ≤ 1 &lt; 2.
     */
    private static double stableRate(double[][] x) {
        double max = 0;
        for (double[] row : x) {
            max = Math.max(max, Arrays.stream(row).map(v -> v * v).sum());
        }
        return 0.5 / max;
    }

    private static double[] predict(double[][] x, double[] w) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < w.length; j++) {
                y[i] += x[i][j] * w[j];
            }
        }
        return y;
    }
}
