package mlkatas.loss;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("2.4 LassoRegression: L1-regularised regression by subgradient descent")
class LassoRegressionTest {

    /** Deep-ML quotes its results to 8 decimals; 1e-8 accepts them and nothing that differs by one update. */
    private static final double DEEP_ML = 1e-8;
    /** One update, or the same arithmetic on the same data: a handful of roundings. */
    private static final double EXACT = 1e-12;
    /** Converged runs against a QR least-squares solve: the error shrinks geometrically far below this. */
    private static final double LEAST_SQUARES = 1e-6;
    /** Replaying the same iteration in NumPy: rounding differs only in summation order. */
    private static final double REPLAY = 1e-9;

    /** Deep-ML 50's first example: two identical features, y = x. */
    private static final double[][] X = {{0, 0}, {1, 1}, {2, 2}};
    private static final double[] Y = {0, 1, 2};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one update from zero: the data gradient only, since sign(0) = 0")
        void firstUpdate() {
            // ŷ = 0, so the errors are −y = [0, −1, −2]. g_w = Xᵀ(ŷ − y)/3 = [−5/3, −5/3] (+ α·sign(0) = 0);
            // g_b = −1. With lr 0.01: w = [1/60, 1/60], b = 0.01.
            LassoRegression.Model model = LassoRegression.fit(X, Y, 0.1, 0.01, 1, 1e-4);

            assertVectorClose("weights after one update", model.weights(), new double[] {1 / 60.0, 1 / 60.0}, EXACT);
            assertThat(model.bias()).as("bias after one update").isCloseTo(0.01, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 50: y = x on two identical features → w [0.42371644, 0.42371644], b 0.15385068")
        void deepMlIdenticalFeatures() {
            LassoRegression.Model model = LassoRegression.fit(X, Y, 0.1, 0.01, 1000, 1e-4);

            assertVectorClose("weights", model.weights(), new double[] {0.42371644, 0.42371644}, DEEP_ML);
            assertThat(model.bias()).as("bias").isCloseTo(0.15385068, within(DEEP_ML));
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 50: five points → w [0.27280148, 0.68108784], b 0.40828636")
        void deepMlFivePoints() {
            double[][] x = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}};
            double[] y = {1, 2, 3, 4, 5};

            LassoRegression.Model model = LassoRegression.fit(x, y, 0.1, 0.01, 1000, 1e-4);

            assertVectorClose("weights", model.weights(), new double[] {0.27280148, 0.68108784}, DEEP_ML);
            assertThat(model.bias()).as("bias").isCloseTo(0.40828636, within(DEEP_ML));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("with α = 0 the fit approaches least squares")
        void alphaZeroApproachesLeastSquares() {
            qt().withExamples(50)
                    .forAll(Gens.designsWithIntercept(1, 3, 6, 16).assuming(d -> Gens.isWellPosed(d, 0.05)),
                            Gens.values(-5, 5))
                    .checkAssert((design, offset) -> {
                        double[][] x = withoutFirstColumn(design);
                        double[] y = noisyTargets(x, offset);
                        // lr = 1/trace(DᵀD/m) ≤ 1/λ_max keeps every step stable, whatever the draw.
                        double lr = 1 / traceOfGram(design);

                        LassoRegression.Model model = LassoRegression.fit(x, y, 0, lr, 3000, 0);

                        double[] expected = leastSquares(design, y);
                        double[] actual = new double[expected.length];
                        actual[0] = model.bias();
                        System.arraycopy(model.weights(), 0, actual, 1, x[0].length);
                        assertVectorClose("[bias, weights] with α = 0 after 3000 updates vs QR least squares",
                                actual, expected, LEAST_SQUARES);
                    });
        }

        @Test
        @DisplayName("a very large α (100) keeps every weight near 0")
        void largeAlphaKeepsWeightsNearZero() {
            qt().forAll(Gens.matrices(2, 12, 1, 3, -1, 1), Gens.values(-5, 5))
                    .checkAssert((x, offset) -> {
                        double[] y = noisyTargets(x, offset);
                        double lr = 1e-3;
                        double alpha = 100;

                        LassoRegression.Model model = LassoRegression.fit(x, y, alpha, lr, 500, 0);

                        // Here |data gradient| < α, so each subgradient step pulls a weight towards 0 and it can
                        // only oscillate around 0 within one step, lr·(α + |data gradient|) < 2·lr·α = 0.2.
                        // Least squares would give weights of about 1.
                        for (double w : model.weights()) {
                            assertThat(Math.abs(w)).as("|w| for weights %s", Arrays.toString(model.weights()))
                                    .isLessThanOrEqualTo(2 * lr * alpha);
                        }
                    });
        }

        @Test
        @DisplayName("a feature with no signal is driven to 0, while the real one keeps its weight")
        void noSignalFeatureDrivenToZero() {
            qt().withExamples(50)
                    .forAll(Gens.matrices(4, 16, 2, 2, -1, 1).assuming(x -> variance(x, 0) >= 0.1))
                    .checkAssert(raw -> {
                        double[][] x = withNoSignalSecondColumn(raw);
                        double[] y = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            y[i] = 2 + 3 * x[i][0];
                        }
                        double lr = 0.1;
                        double alpha = 0.05;

                        LassoRegression.Model model = LassoRegression.fit(x, y, alpha, lr, 2000, 0);

                        // Column 1 is orthogonal to the ones and to column 0, so its data gradient is only
                        // ‖x₁‖²/m·w₁: the L1 term keeps w₁ within one step lr·α of 0.
                        assertThat(Math.abs(model.weights()[1]))
                                .as("|weight| of the feature with no signal, weights %s", Arrays.toString(model.weights()))
                                .isLessThanOrEqualTo(2 * lr * alpha);
                        assertThat(model.weights()[0]).as("weight of the real feature (3 without the penalty, about 3 − α/s with it)")
                                .isGreaterThan(1.0);
                    });
        }

        @Test
        @DisplayName("the inputs are left unchanged")
        void inputsUnchanged() {
            qt().forAll(Gens.matrices(1, 8, 1, 3, -2, 2), Gens.values(-5, 5))
                    .checkAssert((x, offset) -> {
                        double[] y = noisyTargets(x, offset);
                        double[][] xCopy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
                        double[] yCopy = y.clone();

                        LassoRegression.fit(x, y, 0.1, 0.05, 20, 1e-4);

                        assertThat(x).as("x after the call").isDeepEqualTo(xCopy);
                        assertThat(y).as("y after the call").containsExactly(yCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final LassoRegressionOracle.Case[] NUMPY_CASES = LassoRegressionOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches a NumPy replay of the same iteration")
        void matchesNumpyReplay(LassoRegressionOracle.Case c) {
            LassoRegression.Model model = LassoRegression.fit(c.x(), c.y(), c.alpha(), c.learningRate(),
                    c.maxIterations(), c.tolerance());

            assertVectorClose("weights for " + c.name(), model.weights(), c.weights(), REPLAY);
            assertThat(model.bias()).as("bias for %s", c.name()).isCloseTo(c.bias(), within(REPLAY));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("zero iterations return the zero model")
        void zeroIterations() {
            LassoRegression.Model model = LassoRegression.fit(X, Y, 0.1, 0.01, 0, 1e-4);

            assertThat(model.weights()).containsExactly(0.0, 0.0);
            assertThat(model.bias()).isZero();
        }

        @Test
        @DisplayName("the stopping test looks at the weights' gradient only, even while the bias still moves")
        void toleranceIgnoresTheBias() {
            // A feature that is always 0 has a zero gradient from the start, so the first update already
            // meets the tolerance: the bias makes one step, 0.1·5 = 0.5, and the fit stops there.
            LassoRegression.Model model = LassoRegression.fit(new double[][] {{0}, {0}, {0}},
                    new double[] {5, 5, 5}, 0.1, 0.1, 1000, 1e-4);

            assertThat(model.bias()).isCloseTo(0.5, within(EXACT));
        }

        @Test
        @DisplayName("tolerance 0 never stops early, even when the weights' gradient is exactly 0")
        void zeroToleranceNeverStops() {
            // The weights' gradient is 0 at every step, so only a strict ‖g_w‖₁ < 0 keeps the loop going. The bias
            // then runs all 10 updates: b_k = 5·(1 − 0.9^k), so b_10 = 5·(1 − 0.9^10) ≈ 3.2566, not 0.5.
            LassoRegression.Model model = LassoRegression.fit(new double[][] {{0}, {0}, {0}},
                    new double[] {5, 5, 5}, 0.1, 0.1, 10, 0);

            assertThat(model.bias()).as("the bias after 10 updates with tolerance 0: ‖g_w‖₁ < 0 is never true, so"
                    + " the fit must not stop early").isCloseTo(5 * (1 - Math.pow(0.9, 10)), within(EXACT));
        }

        @Test
        @DisplayName("null x or y is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "fit(null, Y, 0.1, 0.01, 10, 1e-4)",
                    () -> LassoRegression.fit(null, Y, 0.1, 0.01, 10, 1e-4), "x");
            assertRejects(NullPointerException.class, "fit(X, null, 0.1, 0.01, 10, 1e-4)",
                    () -> LassoRegression.fit(X, null, 0.1, 0.01, 10, 1e-4), "y");
        }

        @Test
        @DisplayName("an empty or ragged x, or a y of the wrong length, is rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class, "fit(new double[0][], new double[0], 0.1, 0.01, 10, 1e-4)",
                    () -> LassoRegression.fit(new double[0][], new double[0], 0.1, 0.01, 10, 1e-4), "x");
            assertRejects(IllegalArgumentException.class, "fit({{1, 1}, {1}}, new double[2], 0.1, 0.01, 10, 1e-4)",
                    () -> LassoRegression.fit(new double[][] {{1, 1}, {1}}, new double[2], 0.1, 0.01, 10, 1e-4), "x");
            assertRejects(IllegalArgumentException.class, "fit(X, {1, 2}, 0.1, 0.01, 10, 1e-4)",
                    () -> LassoRegression.fit(X, new double[] {1, 2}, 0.1, 0.01, 10, 1e-4), "y");
        }

        @ParameterizedTest(name = "alpha = {0}")
        @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("alpha must be finite and ≥ 0")
        void badAlpha(double alpha) {
            assertRejects(IllegalArgumentException.class, "fit(X, Y, " + alpha + ", 0.01, 10, 1e-4)",
                    () -> LassoRegression.fit(X, Y, alpha, 0.01, 10, 1e-4), "alpha");
        }

        @ParameterizedTest(name = "learningRate = {0}")
        @ValueSource(doubles = {0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("learningRate must be finite and > 0")
        void badLearningRate(double learningRate) {
            assertRejects(IllegalArgumentException.class, "fit(X, Y, 0.1, " + learningRate + ", 10, 1e-4)",
                    () -> LassoRegression.fit(X, Y, 0.1, learningRate, 10, 1e-4), "learningRate");
        }

        @Test
        @DisplayName("maxIterations must be ≥ 0")
        void negativeIterations() {
            assertRejects(IllegalArgumentException.class, "fit(X, Y, 0.1, 0.01, -1, 1e-4)",
                    () -> LassoRegression.fit(X, Y, 0.1, 0.01, -1, 1e-4), "maxIterations");
        }

        @ParameterizedTest(name = "tolerance = {0}")
        @ValueSource(doubles = {-1e-4, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("tolerance must be finite and ≥ 0")
        void badTolerance(double tolerance) {
            assertRejects(IllegalArgumentException.class, "fit(X, Y, 0.1, 0.01, 10, " + tolerance + ")",
                    () -> LassoRegression.fit(X, Y, 0.1, 0.01, 10, tolerance), "tolerance");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("penalising the bias: the intercept is free, so it fits the mean of y")
        void penalisingTheBias() {
            // The only feature is always 0, so w stays 0 and the bias alone fits y = 5. Unpenalised, it
            // converges to 5; with α·sign(b) in its gradient it would stop at 5 − α = 4.
            LassoRegression.Model model = LassoRegression.fit(new double[][] {{0}, {0}, {0}},
                    new double[] {5, 5, 5}, 1.0, 0.1, 2000, 0);

            assertThat(model.bias())
                    .as("the bias converged to %s instead of 5 = mean(y): only the weights carry the L1 penalty;"
                            + " the bias's gradient is just (1/m)·Σ(ŷ − y)", model.bias())
                    .isCloseTo(5.0, within(EXACT));
        }

        @Test
        @DisplayName("sign(0) = 1: a weight at exactly 0 gets no L1 push")
        void signOfZeroIsOne() {
            LassoRegression.Model model = LassoRegression.fit(X, Y, 0.1, 0.01, 1, 1e-4);

            assertVectorClose("the first update from w = 0 must use the data gradient only, giving [1/60, 1/60];"
                    + " a different value means sign(0) was taken as ±1 (e.g. w >= 0 ? 1 : −1). Use"
                    + " Math.signum, which is 0 at 0", model.weights(), new double[] {1 / 60.0, 1 / 60.0}, EXACT);
        }

        @Test
        @DisplayName("missing 1/m: writing every sample twice must not change the model")
        void missingOneOverM() {
            double[][] twiceX = {{0, 0}, {1, 1}, {2, 2}, {0, 0}, {1, 1}, {2, 2}};
            double[] twiceY = {0, 1, 2, 0, 1, 2};

            LassoRegression.Model once = LassoRegression.fit(X, Y, 0.1, 0.01, 200, 0);
            LassoRegression.Model twice = LassoRegression.fit(twiceX, twiceY, 0.1, 0.01, 200, 0);

            assertVectorClose("the same data written twice gave different weights: both gradients are means over"
                    + " the m samples (divide by m), not sums", twice.weights(), once.weights(), EXACT);
            assertThat(twice.bias()).as("the same data written twice gave a different bias: g_b is the mean error"
                    + " (1/m)·Σ(ŷ − y)").isCloseTo(once.bias(), within(EXACT));
        }

        @Test
        @DisplayName("bias from the updated weights: both gradients come from the same, old model")
        void simultaneousUpdate() {
            LassoRegression.Model model = LassoRegression.fit(X, Y, 0.1, 0.01, 1, 1e-4);

            assertThat(model.bias())
                    .as("the bias after one update is %s instead of lr·mean(y) = 0.01: compute g_w and g_b from the"
                            + " same predictions, then update both", model.bias())
                    .isCloseTo(0.01, within(EXACT));
        }

        @Test
        @DisplayName("stopping before the update: the update whose gradient meets the tolerance is still made")
        void updateBeforeStopping() {
            LassoRegression.Model model = LassoRegression.fit(X, Y, 0.1, 0.01, 1000, 1e9);

            assertVectorClose("with a huge tolerance the first gradient already meets it, but the fit must still"
                    + " make that update and stop after it: check the tolerance after updating", model.weights(),
                    new double[] {1 / 60.0, 1 / 60.0}, EXACT);
        }
    }

    /** Targets with a linear trend plus a deterministic wiggle, so no model fits them exactly. */
    private static double[] noisyTargets(double[][] x, double offset) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = offset + 3 * x[i][0] - 2 * x[i][x[i].length - 1] + 0.3 * Math.sin(7.0 * i);
        }
        return y;
    }

    private static double[][] withoutFirstColumn(double[][] design) {
        return Arrays.stream(design).map(row -> Arrays.copyOfRange(row, 1, row.length)).toArray(double[][]::new);
    }

    private static double traceOfGram(double[][] x) {
        double trace = 0;
        for (double[] row : x) {
            for (double v : row) {
                trace += v * v;
            }
        }
        return trace / x.length;
    }

    private static double[] leastSquares(double[][] design, double[] y) {
        return new QRDecomposition(MatrixUtils.createRealMatrix(design)).getSolver()
                .solve(MatrixUtils.createRealVector(y)).toArray();
    }

    /**
     * The column's population variance s. The lasso shrinks the real feature's weight to about 3 − α/s and
     * converges at a rate of about lr·s per update, so s ≥ 0.1 keeps it near 2.5 after 2000 updates.
     */
    private static double variance(double[][] x, int column) {
        double mean = Arrays.stream(x).mapToDouble(row -> row[column]).average().orElse(0);
        return Arrays.stream(x).mapToDouble(row -> (row[column] - mean) * (row[column] - mean)).average().orElse(0);
    }

    /**
     * Replaces column 1 by its component orthogonal to the ones vector and to column 0 (Gram–Schmidt), so it
     * carries no information about any target of the form a + c·x₀.
     */
    private static double[][] withNoSignalSecondColumn(double[][] raw) {
        int m = raw.length;
        double[] ones = new double[m];
        Arrays.fill(ones, 1);
        double[] first = new double[m];
        double[] second = new double[m];
        for (int i = 0; i < m; i++) {
            first[i] = raw[i][0];
            second[i] = raw[i][1];
        }
        double[] q0 = normalised(ones);
        double[] q1 = normalised(minusProjection(first, q0));
        double[] noSignal = minusProjection(minusProjection(second, q0), q1);
        double[][] x = new double[m][];
        for (int i = 0; i < m; i++) {
            x[i] = new double[] {first[i], noSignal[i]};
        }
        return x;
    }

    private static double[] minusProjection(double[] v, double[] unit) {
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * unit[i];
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - dot * unit[i];
        }
        return out;
    }

    private static double[] normalised(double[] v) {
        double norm = Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
        return Arrays.stream(v).map(a -> a / norm).toArray();
    }
}
