package mlkatas.algorithms;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("1.1 LinearRegression: batch gradient descent")
class LinearRegressionTest {

    /** The spec quotes Deep-ML's examples to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** One or two updates involve a handful of roundings: far below any real mistake. */
    private static final double EXACT = 1e-12;
    /** Converged gradient descent against a QR solve: both are accurate to ~1e-10 on well-posed data. */
    private static final double LEAST_SQUARES = 1e-6;
    /** Replaying the same iteration in NumPy: same operations, rounding differs only in summation order. */
    private static final double REPLAY = 1e-9;

    private static final double[][] X = {{1, 1}, {1, 2}, {1, 3}};
    private static final double[] Y = {1, 2, 3};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one step from θ = 0 moves θ by α·Xᵀy/m")
        void oneStep() {
            // Xᵀy = [1+2+3, 1·1+2·2+3·3] = [6, 14]; divided by m = 3 and times α = 0.1.
            double[] theta = LinearRegression.gradientDescent(X, Y, 0.1, 1);

            assertVectorClose("θ after one step", theta, new double[] {0.2, 1.4 / 3}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("y = x on three points, α 0.01, 1000 iterations → [0.1107, 0.9513]")
        void threePointsOnALine() {
            double[] theta = LinearRegression.gradientDescent(X, Y, 0.01, 1000);

            assertVectorClose("θ", theta, new double[] {0.1107, 0.9513}, FOUR_DECIMALS);
        }

        @Test
        @Order(3)
        @DisplayName("y = 2x on x = 5, 7, 9, α 0.01, 5000 iterations → [0.0211, 1.9971]")
        void steeperLine() {
            double[][] x = {{1, 5}, {1, 7}, {1, 9}};
            double[] y = {10, 14, 18};

            double[] theta = LinearRegression.gradientDescent(x, y, 0.01, 5000);

            assertVectorClose("θ", theta, new double[] {0.0211, 1.9971}, FOUR_DECIMALS);
        }

        @Test
        @Order(4)
        @DisplayName("a rank-deficient design converges to the minimum-norm solution [3, 2, −1]")
        void rankDeficientDesign() {
            // The third column is the second minus the first: many θ fit exactly. Starting from zero,
            // gradient descent never leaves the row space of X, so it finds the one of smallest norm.
            double[][] x = {{1, 1, 0}, {1, 2, 1}, {1, 3, 2}, {1, 4, 3}};
            double[] y = {5, 6, 7, 8};

            double[] theta = LinearRegression.gradientDescent(x, y, 0.05, 2000);

            assertVectorClose("θ", theta, new double[] {3.0, 2.0, -1.0}, FOUR_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("zero iterations return θ = 0")
        void zeroIterations() {
            qt().forAll(Gens.designsWithIntercept(1, 4, 2, 12), Gens.values(-10, 10))
                    .checkAssert((x, offset) -> assertThat(
                            LinearRegression.gradientDescent(x, targets(x, offset), 0.1, 0))
                            .containsOnly(0.0)
                            .hasSize(x[0].length));
        }

        @Test
        @DisplayName("on well-posed data enough iterations reach the least-squares solution")
        void convergesToLeastSquares() {
            qt().withExamples(50)
                    .forAll(Gens.designsWithIntercept(1, 3, 8, 20).assuming(x -> Gens.isWellPosed(x, 0.05)),
                            Gens.values(-10, 10))
                    .checkAssert((x, offset) -> {
                        double[] y = targets(x, offset);
                        // α = 1/trace(XᵀX/m) ≤ 1/λ_max keeps every step stable, whatever the draw.
                        double alpha = 1 / traceOfGram(x);

                        double[] theta = LinearRegression.gradientDescent(x, y, alpha, 20_000);

                        assertVectorClose("θ after 20000 iterations vs the QR least-squares solution",
                                theta, leastSquares(x, y), LEAST_SQUARES);
                    });
        }

        @Test
        @DisplayName("x and y are left unchanged")
        void inputsUnchanged() {
            qt().forAll(Gens.designsWithIntercept(1, 4, 2, 12), Gens.values(-10, 10))
                    .checkAssert((x, offset) -> {
                        double[] y = targets(x, offset);
                        double[][] xCopy = deepCopy(x);
                        double[] yCopy = y.clone();

                        LinearRegression.gradientDescent(x, y, 0.05, 10);

                        assertThat(x).as("x after the call").isDeepEqualTo(xCopy);
                        assertThat(y).as("y after the call").containsExactly(yCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final LinearRegressionOracle.Case[] NUMPY_CASES = LinearRegressionOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches a NumPy replay of the same iteration")
        void matchesNumpyReplay(LinearRegressionOracle.Case c) {
            double[] theta = LinearRegression.gradientDescent(c.x(), c.y(), c.alpha(), c.iterations());

            assertVectorClose("θ for " + c.name(), theta, c.theta(), REPLAY);
        }

        @Test
        @DisplayName("matches commons-math's QR least squares on a noisy line")
        void matchesQrLeastSquares() {
            double[][] x = {{1, 0.0}, {1, 0.5}, {1, 1.0}, {1, 1.5}, {1, 2.0}, {1, 2.5}};
            double[] y = {0.9, 2.1, 2.9, 4.2, 4.8, 6.1};

            double[] theta = LinearRegression.gradientDescent(x, y, 0.3, 5000);

            assertVectorClose("θ vs QR least squares", theta, leastSquares(x, y), LEAST_SQUARES);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a single sample with a single column converges to that target")
        void singleSample() {
            double[] theta = LinearRegression.gradientDescent(new double[][] {{1}}, new double[] {2}, 0.5, 100);

            assertVectorClose("θ", theta, new double[] {2}, EXACT);
        }

        @Test
        @DisplayName("null x or y is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "gradientDescent(null, Y, 0.1, 1)",
                    () -> LinearRegression.gradientDescent(null, Y, 0.1, 1), "x");
            assertRejects(NullPointerException.class, "gradientDescent(X, null, 0.1, 1)",
                    () -> LinearRegression.gradientDescent(X, null, 0.1, 1), "y");
        }

        @Test
        @DisplayName("an empty or ragged x is rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class, "gradientDescent(new double[0][], new double[0], 0.1, 1)",
                    () -> LinearRegression.gradientDescent(new double[0][], new double[0], 0.1, 1), "x");
            assertRejects(IllegalArgumentException.class, "gradientDescent({{1, 1}, {1}}, {1, 2}, 0.1, 1)",
                    () -> LinearRegression.gradientDescent(new double[][] {{1, 1}, {1}}, new double[] {1, 2}, 0.1, 1),
                    "x");
        }

        @Test
        @DisplayName("y must have one target per row of x")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "gradientDescent(X, {1, 2}, 0.1, 1)",
                    () -> LinearRegression.gradientDescent(X, new double[] {1, 2}, 0.1, 1), "y");
        }

        @ParameterizedTest(name = "alpha = {0}")
        @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("alpha must be finite and > 0")
        void badAlpha(double alpha) {
            assertRejects(IllegalArgumentException.class, "gradientDescent(X, Y, " + alpha + ", 1)",
                    () -> LinearRegression.gradientDescent(X, Y, alpha, 1), "alpha");
        }

        @Test
        @DisplayName("iterations must be ≥ 0")
        void negativeIterations() {
            assertRejects(IllegalArgumentException.class, "gradientDescent(X, Y, 0.1, -1)",
                    () -> LinearRegression.gradientDescent(X, Y, 0.1, -1), "iterations");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("sequential update: every component must use the same, old θ")
        void sequentialUpdate() {
            // After θ₀ = 0.2 is written, a sequential update computes θ₁'s gradient from the new θ₀
            // and gets 0.1 · (14 − 0.2·6) / 3 = 0.4267 instead of 0.4667.
            double[] theta = LinearRegression.gradientDescent(X, Y, 0.1, 1);

            assertThat(theta[1])
                    .as("θ₁ after one step is %s instead of 0.46667: was θ₀ updated before θ₁'s gradient was"
                            + " computed? Compute the whole gradient from the old θ, then update every component"
                            + " (a simultaneous update)", theta[1])
                    .isCloseTo(1.4 / 3, within(EXACT));
        }

        @Test
        @DisplayName("gradient sign flipped: a step must go downhill")
        void gradientSignFlipped() {
            double before = halfMse(X, Y, new double[2]);
            double[] theta = LinearRegression.gradientDescent(X, Y, 0.1, 1);

            assertThat(halfMse(X, Y, theta))
                    .as("one step raised the loss from %s to %s: is the gradient's sign flipped? The residual is"
                            + " prediction − target, Xθ − y, and the step is θ − α·gradient", before,
                            halfMse(X, Y, theta))
                    .isLessThan(before);
        }

        @Test
        @DisplayName("forgetting 1/m: duplicating every sample must not change θ")
        void missingOneOverM() {
            double[][] doubledX = {{1, 1}, {1, 2}, {1, 3}, {1, 1}, {1, 2}, {1, 3}};
            double[] doubledY = {1, 2, 3, 1, 2, 3};

            double[] once = LinearRegression.gradientDescent(X, Y, 0.01, 100);
            double[] twice = LinearRegression.gradientDescent(doubledX, doubledY, 0.01, 100);

            assertVectorClose("the same data written twice gave a different θ: the gradient must be a mean"
                    + " over the m rows (divide Xᵀ(Xθ − y) by m), not a sum", twice, once, EXACT);
        }

        @Test
        @DisplayName("a factor 2 in the gradient: this kata's loss is ½·MSE")
        void factorTwo() {
            double[] theta = LinearRegression.gradientDescent(X, Y, 0.1, 1);

            assertVectorClose("one step from θ = 0 must be α·Xᵀy/m = [0.2, 0.4667]; twice that means a factor 2"
                    + " in the gradient (the ½ in J(θ) = ‖Xθ − y‖²/(2m) cancels it)", theta,
                    new double[] {0.2, 1.4 / 3}, EXACT);
        }
    }

    /** Targets with a known linear trend plus a deterministic wiggle, so the fit is never exact. */
    private static double[] targets(double[][] x, double offset) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = offset + Arrays.stream(x[i]).sum() + 0.1 * Math.sin(7.0 * i);
        }
        return y;
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

    private static double[] leastSquares(double[][] x, double[] y) {
        RealMatrix design = MatrixUtils.createRealMatrix(x);
        return new QRDecomposition(design).getSolver().solve(MatrixUtils.createRealVector(y)).toArray();
    }

    private static double halfMse(double[][] x, double[] y, double[] theta) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double prediction = 0;
            for (int j = 0; j < theta.length; j++) {
                prediction += x[i][j] * theta[j];
            }
            sum += (prediction - y[i]) * (prediction - y[i]);
        }
        return sum / (2 * x.length);
    }
}
