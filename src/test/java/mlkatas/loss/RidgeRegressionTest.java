package mlkatas.loss;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.support.Gens;
import mlkatas.support.GradientCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("2.3 RidgeRegression: the L2-regularised loss and its gradient")
class RidgeRegressionTest {

    /** The examples' expected values are short decimals; a handful of roundings stays near 1e-14. */
    private static final double EXACT = 1e-12;
    /** Relative agreement of two correct computations of a sum (different summation order). */
    private static final double RELATIVE = 1e-12;
    /** Replaying the formulas in NumPy: summation order differs, so compare relative to the value's size. */
    private static final double REPLAY = 1e-10;
    /** The spec's bound for analytic vs central-difference gradients (cs231n: below 1e-7 is right). */
    private static final double GRADIENT_CHECK = 1e-6;

    /** Deep-ML 43's first example. */
    private static final double[][] X = {{1, 1}, {2, 1}, {3, 1}, {4, 1}};
    private static final double[] W = {0.2, 2};
    private static final double[] Y = {2, 3, 4, 5};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one sample: squared error plus α·w²")
        void oneSample() {
            // (3 − 1·2)² = 1, plus 0.5·2² = 2.
            double loss = RidgeRegression.loss(new double[][] {{1}}, new double[] {2}, new double[] {3}, 0.5);

            assertThat(loss).isCloseTo(3.0, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 43: four points on y = x + 1, w = [0.2, 2], α 0.1 → 2.204")
        void deepMlFirst() {
            // Predictions 2.2, 2.4, 2.6, 2.8; residuals −0.2, 0.6, 1.4, 2.2; MSE 1.8; penalty 0.1·4.04 = 0.404.
            assertThat(RidgeRegression.loss(X, W, Y, 0.1)).isCloseTo(2.204, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 43: five samples, three features, α 0.1 → 164.402")
        void deepMlSecond() {
            double[][] x = {{1, 1, 4}, {2, 1, 2}, {3, 1, 0.1}, {4, 1, 1.2}, {1, 2, 3}};

            double loss = RidgeRegression.loss(x, new double[] {0.2, 2, 5}, new double[] {2, 3, 4, 5, 2}, 0.1);

            assertThat(loss).isCloseTo(164.402, within(EXACT));
        }

        @Test
        @Order(4)
        @DisplayName("the gradient for Deep-ML's first example is [−6.96, −1.6]")
        void gradientOfDeepMlFirst() {
            // Xᵀ(y − Xw) = [14, 4]; −(2/4)·[14, 4] = [−7, −2]; plus 2·0.1·[0.2, 2] = [0.04, 0.4].
            double[] gradient = RidgeRegression.gradient(X, W, Y, 0.1);

            assertVectorClose("gradient", gradient, new double[] {-6.96, -1.6}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("with α = 0 the loss is the mean squared error")
        void alphaZeroIsMse() {
            qt().forAll(problems())
                    .checkAssert(p -> {
                        double mse = mse(p.x(), p.w(), p.y());

                        assertThat(RidgeRegression.loss(p.x(), p.w(), p.y(), 0)).as("loss with α = 0 for %s", p)
                                .isCloseTo(mse, within(RELATIVE * Math.max(1, mse)));
                    });
        }

        @Test
        @DisplayName("the loss is never negative")
        void nonNegative() {
            qt().forAll(problems())
                    .checkAssert(p -> assertThat(RidgeRegression.loss(p.x(), p.w(), p.y(), p.alpha()))
                            .as("loss for %s", p).isGreaterThanOrEqualTo(0.0));
        }

        @Test
        @DisplayName("the loss grows with α, by exactly Δα·‖w‖²")
        void growsWithAlpha() {
            qt().forAll(problems(), Gens.values(0, 5))
                    .checkAssert((p, extra) -> {
                        double lower = RidgeRegression.loss(p.x(), p.w(), p.y(), p.alpha());
                        double higher = RidgeRegression.loss(p.x(), p.w(), p.y(), p.alpha() + extra);
                        double growth = extra * Arrays.stream(p.w()).map(v -> v * v).sum();

                        assertThat(higher).as("loss at α + %s for %s", extra, p)
                                .isGreaterThanOrEqualTo(lower)
                                .isCloseTo(lower + growth, within(RELATIVE * Math.max(1, higher)));
                    });
        }

        @Test
        @DisplayName("the gradient matches central differences of the loss")
        void gradientMatchesCentralDifferences() {
            qt().forAll(problems())
                    .checkAssert(p -> {
                        double[] analytic = RidgeRegression.gradient(p.x(), p.w(), p.y(), p.alpha());
                        double[] numerical = GradientCheck.numericalGradient(
                                v -> RidgeRegression.loss(p.x(), v, p.y(), p.alpha()), p.w());

                        assertGradientClose("gradient for " + p, analytic, numerical);
                    });
        }

        @Test
        @DisplayName("the inputs are left unchanged and the gradient is a new array")
        void inputsUnchanged() {
            qt().forAll(problems())
                    .checkAssert(p -> {
                        double[][] xCopy = Arrays.stream(p.x()).map(double[]::clone).toArray(double[][]::new);
                        double[] wCopy = p.w().clone();
                        double[] yCopy = p.y().clone();

                        RidgeRegression.loss(p.x(), p.w(), p.y(), p.alpha());
                        double[] gradient = RidgeRegression.gradient(p.x(), p.w(), p.y(), p.alpha());

                        assertThat(gradient).as("the gradient").isNotSameAs(p.w());
                        assertThat(p.x()).as("x after the calls").isDeepEqualTo(xCopy);
                        assertThat(p.w()).as("w after the calls").containsExactly(wCopy);
                        assertThat(p.y()).as("yTrue after the calls").containsExactly(yCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final RidgeRegressionOracle.Case[] NUMPY_CASES = RidgeRegressionOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("the loss matches NumPy")
        void lossMatchesNumpy(RidgeRegressionOracle.Case c) {
            double loss = RidgeRegression.loss(c.x(), c.w(), c.yTrue(), c.alpha());

            assertThat(loss).as("loss for %s", c.name())
                    .isCloseTo(c.loss(), within(REPLAY * Math.max(1, Math.abs(c.loss()))));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("the gradient matches NumPy")
        void gradientMatchesNumpy(RidgeRegressionOracle.Case c) {
            double[] gradient = RidgeRegression.gradient(c.x(), c.w(), c.yTrue(), c.alpha());
            double scale = Arrays.stream(c.gradient()).map(Math::abs).max().orElse(0);

            assertVectorClose("gradient for " + c.name(), gradient, c.gradient(), REPLAY * Math.max(1, scale));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("the gradient passes the cs231n gradient check on the NumPy cases")
        void gradientCheck(RidgeRegressionOracle.Case c) {
            double[] analytic = RidgeRegression.gradient(c.x(), c.w(), c.yTrue(), c.alpha());
            double[] numerical = GradientCheck.numericalGradient(
                    v -> RidgeRegression.loss(c.x(), v, c.yTrue(), c.alpha()), c.w());

            GradientCheck.assertGradientMatches("gradient for " + c.name(), analytic, numerical, GRADIENT_CHECK);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("at w = 0 the penalty vanishes: loss = mean(y²) and gradient = −(2/m)·Xᵀy for any α")
        void zeroWeights() {
            double[] zeros = {0, 0};

            assertThat(RidgeRegression.loss(X, zeros, Y, 7)).isCloseTo((4 + 9 + 16 + 25) / 4.0, within(EXACT));
            assertVectorClose("gradient at w = 0", RidgeRegression.gradient(X, zeros, Y, 7),
                    new double[] {-20, -7}, EXACT);
        }

        @Test
        @DisplayName("null arguments are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "loss(null, W, Y, 0.1)",
                    () -> RidgeRegression.loss(null, W, Y, 0.1), "x");
            assertRejects(NullPointerException.class, "loss(X, null, Y, 0.1)",
                    () -> RidgeRegression.loss(X, null, Y, 0.1), "w");
            assertRejects(NullPointerException.class, "gradient(X, W, null, 0.1)",
                    () -> RidgeRegression.gradient(X, W, null, 0.1), "yTrue");
        }

        @Test
        @DisplayName("empty, ragged or mismatched shapes are rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class, "loss(new double[0][], W, new double[0], 0.1)",
                    () -> RidgeRegression.loss(new double[0][], W, new double[0], 0.1), "x");
            assertRejects(IllegalArgumentException.class, "gradient({{1, 1}, {1}}, W, new double[2], 0.1)",
                    () -> RidgeRegression.gradient(new double[][] {{1, 1}, {1}}, W, new double[2], 0.1), "x");
            assertRejects(IllegalArgumentException.class, "loss(X, {1, 2, 3}, Y, 0.1)",
                    () -> RidgeRegression.loss(X, new double[] {1, 2, 3}, Y, 0.1), "w");
            assertRejects(IllegalArgumentException.class, "gradient(X, W, {1, 2}, 0.1)",
                    () -> RidgeRegression.gradient(X, W, new double[] {1, 2}, 0.1), "yTrue");
        }

        @ParameterizedTest(name = "alpha = {0}")
        @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("alpha must be finite and ≥ 0")
        void badAlpha(double alpha) {
            assertRejects(IllegalArgumentException.class, "loss(X, W, Y, " + alpha + ")",
                    () -> RidgeRegression.loss(X, W, Y, alpha), "alpha");
            assertRejects(IllegalArgumentException.class, "gradient(X, W, Y, " + alpha + ")",
                    () -> RidgeRegression.gradient(X, W, Y, alpha), "alpha");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("sum instead of mean: writing every sample twice must not change the loss or gradient")
        void sumInsteadOfMean() {
            double[][] twiceX = {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}};
            double[] twiceY = {2, 3, 4, 5, 2, 3, 4, 5};

            double loss = RidgeRegression.loss(twiceX, W, twiceY, 0.1);
            assertThat(loss)
                    .as("the data written twice gives a loss of %s instead of 2.204: the data term is a mean over"
                            + " the m samples (divide by m), not a sum", loss)
                    .isCloseTo(2.204, within(EXACT));
            assertVectorClose("the data written twice changes the gradient: its data term is −(2/m)·Xᵀ(y − Xw),"
                            + " a mean over the m samples, not a sum", RidgeRegression.gradient(twiceX, W, twiceY, 0.1),
                    new double[] {-6.96, -1.6}, EXACT);
        }

        @Test
        @DisplayName("α/2 convention: this kata's penalty is α·Σw², with gradient 2α·w")
        void halfAlphaConvention() {
            // y = Xw exactly, so only the penalty is left: α·‖w‖² = 1·(1 + 4) = 5, gradient 2·1·[1, 2].
            double[][] x = {{1, 0}, {0, 1}, {1, 1}};
            double[] w = {1, 2};
            double[] y = {1, 2, 3};

            double loss = RidgeRegression.loss(x, w, y, 1);
            assertThat(loss)
                    .as("a perfect fit with α = 1 and w = [1, 2] must cost α·Σw² = 5, not %s: 2.5 means the"
                            + " (α/2)·Σw² convention; this kata (like Deep-ML) uses α·Σw²", loss)
                    .isCloseTo(5.0, within(EXACT));
            assertVectorClose("the penalty's gradient is 2α·w = [2, 4] (α·w belongs to the α/2 convention)",
                    RidgeRegression.gradient(x, w, y, 1), new double[] {2, 4}, EXACT);
        }

        @Test
        @DisplayName("penalty on the wrong vector: only the weights are penalised")
        void penaltyOnTheWrongVector() {
            // At w = 0 the penalty is 0 whatever α; with y = Xw the residuals are 0 and only α·‖w‖² remains.
            double atZero = RidgeRegression.loss(X, new double[] {0, 0}, Y, 5);
            double perfectFit = RidgeRegression.loss(X, W, new double[] {2.2, 2.4, 2.6, 2.8}, 0.5);

            assertThat(atZero)
                    .as("at w = 0 the loss must be the MSE 13.5 for any α, but with α = 5 it is %s: the penalty"
                            + " is α·Σⱼwⱼ², on the weights, not on the residuals, predictions or targets", atZero)
                    .isCloseTo(13.5, within(EXACT));
            assertThat(perfectFit)
                    .as("a perfect fit must cost only α·Σw² = 0.5·4.04 = 2.02, but costs %s: penalise the"
                            + " weights, not another vector", perfectFit)
                    .isCloseTo(2.02, within(EXACT));
        }
    }

    /** One ridge problem: x (m×n), w, y and α. */
    private record Problem(double[][] x, double[] w, double[] y, double alpha) {
        @Override
        public String toString() {
            return "x " + Arrays.deepToString(x) + ", w " + Arrays.toString(w) + ", y " + Arrays.toString(y)
                    + ", alpha " + alpha;
        }
    }

    /** 1–8 rows, 1–4 columns, x in [−1, 1], w in [−2, 2], y in [−3, 3], α in [0, 2]. */
    private static Gen<Problem> problems() {
        Gen<double[][]> designs = Gens.matrices(1, 8, 1, 4, -1, 1);
        Gen<Double> alphas = Gens.values(0, 2);
        Gen<Problem> gen = in -> {
            double[][] x = designs.generate(in);
            double[] w = Gens.vectors(x[0].length, -2, 2).generate(in);
            double[] y = Gens.vectors(x.length, -3, 3).generate(in);
            return new Problem(x, w, y, alphas.generate(in));
        };
        return gen.describedAs(Problem::toString);
    }

    private static double mse(double[][] x, double[] w, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double prediction = 0;
            for (int j = 0; j < w.length; j++) {
                prediction += x[i][j] * w[j];
            }
            sum += (y[i] - prediction) * (y[i] - prediction);
        }
        return sum / x.length;
    }

    /**
     * Analytic vs central-difference gradient, relative to max(|a|, |n|, 1). GradientCheck's own relative
     * error floors at 1e-8, which is right for a gradient of unit scale; here a gradient entry can be nearly
     * 0 while the loss is ~100, and the central difference then carries an absolute rounding error of
     * ~ε·loss/h ≈ 1e-9, a relative error above 1e-6 for about one draw in 30000. Measuring near-zero entries
     * against 1 keeps the check exact in spirit (a real mistake is off by O(1)) and holds for every seed.
     */
    private static void assertGradientClose(String what, double[] analytic, double[] numerical) {
        // Relative to max(|a|, |n|, 1): entries near 0 are compared absolutely.
        GradientCheck.assertGradientMatches(what, analytic, numerical, GRADIENT_CHECK, GRADIENT_CHECK);
    }
}
