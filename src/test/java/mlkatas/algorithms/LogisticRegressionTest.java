package mlkatas.algorithms;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertAllFinite;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.support.GradientCheck;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("1.2 LogisticRegression: gradient descent on the log loss")
class LogisticRegressionTest {

    /** The spec quotes Deep-ML's examples to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** A few steps on small numbers involve a handful of roundings: far below any real mistake. */
    private static final double EXACT = 1e-12;
    /**
     * Replaying the same iteration in NumPy: same operations, rounding differs only in summation order. Relative
     * to the largest expected value, because some oracle cases have losses in the tens of thousands.
     */
    private static final double REPLAY = 1e-9;
    /**
     * Analytic step vs central differences of the log loss: the difference quotient's truncation and rounding
     * errors are about 1e-9 relative here (cs231n: below 1e-7 is right); a wrong gradient is off by 1e-2 or more.
     */
    private static final double GRADIENT = 1e-6;
    /** Summing at most 30 terms of size ~1 loses a few units in the 14th digit; a real increase is far larger. */
    private static final double ROUNDING = 1e-12;

    private static final double LN2 = Math.log(2);

    /** One feature; the logits after one step with learning rate 0.1 are 0.3·x. */
    private static final double[][] X = {{-1}, {0}, {2}, {3}};
    private static final int[] Y = {0, 0, 1, 1};

    /**
     * Three samples whose single feature is ±100. One step with learning rate 1 gives β = [0.5, −50], so the
     * logits become 5000.5, −4999.5 and −4999.5; the third sample (label 1) is then badly misclassified and
     * costs softplus(−4999.5) + 4999.5 = 4999.5. A second step gives β = [1.5, 50] and a loss of 10000.
     */
    private static final double[][] HUGE_LOGITS_X = {{-100}, {100}, {100}};
    private static final int[] HUGE_LOGITS_Y = {1, 0, 1};

    /** Deep-ML 106, second case: three features, learning rate 0.1. */
    private static final double[][] DEEP_ML_X = {
            {0.76743473, 1.57921282, -0.46947439}, {-0.23415337, 1.52302986, -0.23413696},
            {0.11092259, -0.54438272, -1.15099358}, {-0.60063869, 0.37569802, -0.29169375},
            {-1.91328024, 0.24196227, -1.72491783}, {-1.01283112, -0.56228753, 0.31424733},
            {-0.1382643, 0.49671415, 0.64768854}, {-0.46341769, 0.54256004, -0.46572975},
            {-1.4123037, -0.90802408, 1.46564877}, {0.0675282, -0.2257763, -1.42474819}};
    private static final int[] DEEP_ML_Y = {1, 1, 0, 0, 0, 0, 1, 1, 0, 0};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one step from β = 0 records the loss m·ln 2 and moves β by lr·X_bᵀ(y − ½)")
        void oneStep() {
            // At β = 0 every p is ½, so each sample costs ln 2 and p − y is ±½.
            // X_bᵀ(y − ½) = [−½ −½ +½ +½, (−1)(−½) + 0 + 2·½ + 3·½] = [0, 3], times lr = 0.1.
            LogisticRegression.Result result = LogisticRegression.train(X, Y, 0.1, 1);

            assertVectorClose("losses", result.losses(), new double[] {4 * LN2}, EXACT);
            assertVectorClose("coefficients (bias first)", result.coefficients(), new double[] {0, 0.3}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 106: four features, lr 0.001, 10 iterations")
        void deepMlFourFeatures() {
            double[][] x = {
                    {0.7674, -0.2341, -0.2341, 1.5792}, {-1.4123, 0.3142, -1.0128, -0.9080},
                    {-0.4657, 0.5425, -0.4694, -0.4634}, {-0.5622, -1.9132, 0.2419, -1.7249},
                    {-1.4247, -0.2257, 1.4656, 0.0675}, {1.8522, -0.2916, -0.6006, -0.6017},
                    {0.3756, 0.1109, -0.5443, -1.1509}, {0.1968, -1.9596, 0.2088, -1.3281},
                    {1.5230, -0.1382, 0.4967, 0.6476}, {-1.2208, -1.0577, -0.0134, 0.8225}};
            int[] y = {1, 0, 0, 0, 1, 1, 0, 0, 1, 0};

            LogisticRegression.Result result = LogisticRegression.train(x, y, 0.001, 10);

            assertVectorClose("coefficients (bias first)", result.coefficients(),
                    new double[] {-0.0097, 0.0286, 0.0150, 0.0135, 0.0316}, FOUR_DECIMALS);
            assertVectorClose("losses", result.losses(), new double[] {
                    6.9315, 6.9075, 6.8837, 6.8601, 6.8367, 6.8134, 6.7904, 6.7675, 6.7448, 6.7223}, FOUR_DECIMALS);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 106: three features, lr 0.1, 10 iterations")
        void deepMlThreeFeatures() {
            LogisticRegression.Result result = LogisticRegression.train(DEEP_ML_X, DEEP_ML_Y, 0.1, 10);

            assertVectorClose("coefficients (bias first)", result.coefficients(),
                    new double[] {-0.2509, 0.9325, 1.6218, 0.6336}, FOUR_DECIMALS);
            assertVectorClose("losses", result.losses(), new double[] {
                    6.9315, 5.5073, 4.6382, 4.0609, 3.6503, 3.3432, 3.1045, 2.9134, 2.7567, 2.6258}, FOUR_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the first loss is m·ln 2, whatever the data")
        void firstLossIsMTimesLn2() {
            qt().withExamples(200)
                    .forAll(datasets(30, 5, 10))
                    .checkAssert(data -> assertThat(LogisticRegression.train(data.x(), data.y(), 0.1, 1).losses()[0])
                            .as("the loss at β = 0 for m = %d samples", data.x().length)
                            .isCloseTo(data.x().length * LN2, within(EXACT)));
        }

        @Test
        @DisplayName("with a small learning rate (1e-4) on features in [−3, 3] the loss never goes up")
        void lossesNonIncreasing() {
            // The loss's curvature is at most λ_max(X_bᵀX_b)/4 ≤ 30·(1 + 4·9)/4 < 300 here, so any rate below
            // 2/300 decreases the loss at every step; 1e-4 is far inside that bound.
            qt().withExamples(100)
                    .forAll(datasets(30, 4, 3))
                    .checkAssert(data -> {
                        double[] losses = LogisticRegression.train(data.x(), data.y(), 1e-4, 50).losses();

                        for (int t = 1; t < losses.length; t++) {
                            assertThat(losses[t]).as("loss of iteration %d vs iteration %d: %s", t, t - 1,
                                    Arrays.toString(losses)).isLessThanOrEqualTo(losses[t - 1] + ROUNDING);
                        }
                    });
        }

        @Test
        @DisplayName("features scaled by 1e4 still give finite, non-negative losses and finite coefficients")
        void finiteForHugeFeatures() {
            qt().withExamples(200)
                    .forAll(datasets(20, 3, 1e4))
                    .checkAssert(data -> {
                        // A learning rate of 0.1 on features of 1e4 overshoots wildly: logits reach ±1e4 and beyond.
                        LogisticRegression.Result result = LogisticRegression.train(data.x(), data.y(), 0.1, 20);

                        assertAllFinite("losses", result.losses());
                        assertAllFinite("coefficients", result.coefficients());
                        assertThat(Arrays.stream(result.losses()).min().orElse(0))
                                .as("the smallest loss (a log loss is never negative)").isGreaterThanOrEqualTo(0);
                    });
        }

        @Test
        @DisplayName("on separable data the trained model classifies every training sample correctly")
        void separableDataIsLearned() {
            // Labels come from a hyperplane with margin ≥ 1, so a perfect separator exists; 300 steps of 0.01
            // are three times what the hardest of thousands of such draws needed.
            qt().withExamples(50)
                    .forAll(separableData())
                    .checkAssert(data -> {
                        LogisticRegression.Result result = LogisticRegression.train(data.x(), data.y(), 0.01, 300);

                        double[] losses = result.losses();
                        assertThat(losses[losses.length - 1]).as("last loss vs first").isLessThan(losses[0]);
                        for (int i = 0; i < data.x().length; i++) {
                            double p = sigmoid(logit(result.coefficients(), data.x()[i]));
                            assertThat(p > 0.5 ? 1 : 0)
                                    .as("predicted class of sample %d (p = %s, coefficients %s)", i, p,
                                            Arrays.toString(result.coefficients()))
                                    .isEqualTo(data.y()[i]);
                        }
                    });
        }

        @Test
        @DisplayName("x and y are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(100)
                    .forAll(datasets(20, 4, 10))
                    .checkAssert(data -> {
                        double[][] xCopy = deepCopy(data.x());
                        int[] yCopy = data.y().clone();

                        LogisticRegression.train(data.x(), data.y(), 0.1, 5);

                        assertThat(data.x()).as("x after the call").isDeepEqualTo(xCopy);
                        assertThat(data.y()).as("y after the call").containsExactly(yCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final LogisticRegressionOracle.Case[] NUMPY_CASES = LogisticRegressionOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches a NumPy replay of the same iteration")
        void matchesNumpyReplay(LogisticRegressionOracle.Case c) {
            LogisticRegression.Result result = LogisticRegression.train(c.x(), c.y(), c.learningRate(), c.iterations());

            assertVectorClose("coefficients for " + c.name(), result.coefficients(), c.coefficients(),
                    REPLAY * scale(c.coefficients()));
            assertVectorClose("losses for " + c.name(), result.losses(), c.losses(), REPLAY * scale(c.losses()));
        }

        @ParameterizedTest(name = "after {0} iterations")
        @ValueSource(ints = {0, 1, 4, 20, 60})
        @DisplayName("each step follows the gradient of the recorded loss (central differences)")
        void stepIsTheLossGradient(int t) {
            // β_t and β_{t+1} come from two runs; the step between them is −lr·∇L(β_t).
            double learningRate = 0.1;
            double[] before = LogisticRegression.train(DEEP_ML_X, DEEP_ML_Y, learningRate, t).coefficients();
            LogisticRegression.Result next = LogisticRegression.train(DEEP_ML_X, DEEP_ML_Y, learningRate, t + 1);
            double[] analytic = new double[before.length];
            for (int j = 0; j < before.length; j++) {
                analytic[j] = (before[j] - next.coefficients()[j]) / learningRate;
            }
            double[] numerical = GradientCheck.numericalGradient(beta -> logLoss(DEEP_ML_X, DEEP_ML_Y, beta), before);

            assertThat(next.losses()[t]).as("the loss recorded at iteration %d vs the log loss of that β", t)
                    .isCloseTo(logLoss(DEEP_ML_X, DEEP_ML_Y, before), within(EXACT));
            GradientCheck.assertGradientMatches("(β_t − β_{t+1}) / lr vs the central-difference gradient of the"
                    + " summed log loss", analytic, numerical, GRADIENT);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("zero iterations return n+1 zero coefficients and no losses")
        void zeroIterations() {
            LogisticRegression.Result result = LogisticRegression.train(DEEP_ML_X, DEEP_ML_Y, 0.1, 0);

            assertThat(result.coefficients()).as("coefficients").containsExactly(0, 0, 0, 0);
            assertThat(result.losses()).as("losses").isEmpty();
        }

        @Test
        @DisplayName("a single sample: its loss starts at ln 2 and only falls")
        void singleSample() {
            LogisticRegression.Result result = LogisticRegression.train(new double[][] {{2}}, new int[] {1}, 0.5, 3);

            assertThat(result.losses()[0]).as("first loss").isCloseTo(LN2, within(EXACT));
            assertThat(result.losses()).as("losses").isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(result.coefficients()[0]).as("bias").isPositive();
            assertThat(result.coefficients()[1]).as("weight").isPositive();
        }

        @Test
        @DisplayName("logits of exactly ±1e4 on the right side cost 0 and stop the updates")
        void extremeLogits() {
            // Step 1 from β = 0: X_bᵀ(p − y) = [½ − ½, 1·(−½) + (−1)·½] = [0, −1], so lr = 1e4 gives β = [0, 1e4]
            // and logits +1e4 (label 1) and −1e4 (label 0). Then p − y is exactly 0: no further movement.
            LogisticRegression.Result result =
                    LogisticRegression.train(new double[][] {{1}, {-1}}, new int[] {1, 0}, 1e4, 3);

            assertVectorClose("losses", result.losses(), new double[] {2 * LN2, 0, 0}, EXACT);
            assertVectorClose("coefficients", result.coefficients(), new double[] {0, 1e4}, EXACT);
        }

        @Test
        @DisplayName("null x or y is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "train(null, Y, 0.1, 1)",
                    () -> LogisticRegression.train(null, Y, 0.1, 1), "x");
            assertRejects(NullPointerException.class, "train(X, null, 0.1, 1)",
                    () -> LogisticRegression.train(X, null, 0.1, 1), "y");
        }

        @Test
        @DisplayName("an empty or ragged x is rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class, "train(new double[0][], new int[0], 0.1, 1)",
                    () -> LogisticRegression.train(new double[0][], new int[0], 0.1, 1), "x");
            assertRejects(IllegalArgumentException.class, "train({{1, 2}, {3}}, {0, 1}, 0.1, 1)",
                    () -> LogisticRegression.train(new double[][] {{1, 2}, {3}}, new int[] {0, 1}, 0.1, 1), "x");
        }

        @Test
        @DisplayName("y must have one label per row of x")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "train(X, {0, 1}, 0.1, 1)",
                    () -> LogisticRegression.train(X, new int[] {0, 1}, 0.1, 1), "y");
        }

        @ParameterizedTest(name = "label {0}")
        @ValueSource(ints = {-1, 2})
        @DisplayName("labels must be 0 or 1")
        void nonBinaryLabels(int label) {
            assertRejects(IllegalArgumentException.class, "train(X, {0, 1, " + label + ", 1}, 0.1, 1)",
                    () -> LogisticRegression.train(X, new int[] {0, 1, label, 1}, 0.1, 1), "y");
        }

        @ParameterizedTest(name = "learningRate = {0}")
        @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("learningRate must be finite and > 0")
        void badLearningRate(double learningRate) {
            assertRejects(IllegalArgumentException.class, "train(X, Y, " + learningRate + ", 1)",
                    () -> LogisticRegression.train(X, Y, learningRate, 1), "learningRate");
        }

        @Test
        @DisplayName("iterations must be ≥ 0")
        void negativeIterations() {
            assertRejects(IllegalArgumentException.class, "train(X, Y, 0.1, -1)",
                    () -> LogisticRegression.train(X, Y, 0.1, -1), "iterations");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("no bias column: β has n+1 entries and the bias comes first")
        void noBiasColumn() {
            // The only feature is always 0, so only the bias can learn that 3 of 4 labels are 1:
            // one step gives bias = lr·Σ(y − ½) = 0.1·1.
            double[][] x = {{0}, {0}, {0}, {0}};
            int[] y = {1, 1, 1, 0};

            double[] coefficients = LogisticRegression.train(x, y, 0.1, 1).coefficients();

            assertThat(coefficients)
                    .as("coefficients %s have %d entries for 1 feature: prepend a column of ones to x so that"
                            + " β = [bias, weight] has n+1 entries", Arrays.toString(coefficients), coefficients.length)
                    .hasSize(2);
            assertVectorClose("a feature that is always 0 cannot learn anything: only the bias (β[0], first) moves,"
                    + " to 0.1 after one step; is the bias column missing or appended last?",
                    coefficients, new double[] {0.1, 0}, EXACT);
        }

        @Test
        @DisplayName("mean instead of sum: both the loss and the gradient are sums over the samples")
        void meanInsteadOfSum() {
            LogisticRegression.Result result = LogisticRegression.train(X, Y, 0.1, 1);

            assertThat(result.losses()[0])
                    .as("the first loss on 4 samples is %s: it must be the sum 4·ln 2 = 2.7726, not the mean"
                            + " ln 2 = 0.6931; do not divide the loss by m", result.losses()[0])
                    .isCloseTo(4 * LN2, within(EXACT));
            assertVectorClose("one step must move β by lr·X_bᵀ(y − p) = [0, 0.3]; [0, 0.075] means the gradient"
                    + " was divided by m: this kata's gradient is the sum X_bᵀ(p − y), not the mean",
                    result.coefficients(), new double[] {0, 0.3}, EXACT);
        }

        @Test
        @DisplayName("loss recorded after the update: each loss belongs to the β before its step")
        void lossRecordedAfterUpdate() {
            LogisticRegression.Result result = LogisticRegression.train(X, Y, 0.1, 2);
            double[] afterOneStep = LogisticRegression.train(X, Y, 0.1, 1).coefficients();

            assertThat(result.losses())
                    .as("losses %s: there is one loss per iteration", Arrays.toString(result.losses()))
                    .hasSize(2);
            assertVectorClose("losses[0] must be the loss at β = 0 (4·ln 2) and losses[1] the loss at the β after one"
                    + " step; compute the loss with this iteration's β, then update", result.losses(),
                    new double[] {4 * LN2, logLoss(X, Y, afterOneStep)}, EXACT);
        }

        @Test
        @DisplayName("naive ln σ(z): a loss with logits of ±5000 is finite (4999.5), not Infinity or NaN")
        void naiveLogLoss() {
            LogisticRegression.Result result = LogisticRegression.train(HUGE_LOGITS_X, HUGE_LOGITS_Y, 1, 3);

            assertVectorClose("losses with logits of about ±5000: ln σ(−4999.5) underflows to ln 0 = −∞ and"
                    + " 0·ln(1 − σ(5000.5)) is 0·(−∞) = NaN, and clipping p only gives a wrong finite value;"
                    + " compute each term from the logit as softplus(z) − y·z with"
                    + " softplus(z) = max(z, 0) + ln(1 + e^(−|z|))",
                    result.losses(), new double[] {3 * LN2, 4999.5, 10_000}, EXACT);
        }

        @Test
        @DisplayName("sigmoid overflow: σ(5000.5) is 1, not e^z/(1 + e^z) = ∞/∞ = NaN")
        void sigmoidOverflow() {
            // After step 1 the logits are 5000.5, −4999.5, −4999.5, so p = [1, 0, 0] and p − y = [0, 0, −1]:
            // step 2 moves β from [0.5, −50] by +1·[1, 100].
            double[] coefficients = LogisticRegression.train(HUGE_LOGITS_X, HUGE_LOGITS_Y, 1, 2).coefficients();

            assertVectorClose("coefficients after a step with logits of about ±5000: e^5000.5 overflows to ∞;"
                    + " evaluate σ(z) as 1/(1 + e^(−z)) for z ≥ 0 and e^z/(1 + e^z) for z < 0, so e^(…) ≤ 1",
                    coefficients, new double[] {1.5, 50}, EXACT);
        }
    }

    /** A feature matrix and one 0/1 label per row. */
    private record Dataset(double[][] x, int[] y) {
        @Override
        public String toString() {
            return "x = " + Arrays.deepToString(x) + ", y = " + Arrays.toString(y);
        }
    }

    /** 1..maxRows samples of 1..maxFeatures features in [−scale, scale], with free 0/1 labels. */
    private static Gen<Dataset> datasets(int maxRows, int maxFeatures, double scale) {
        Gen<double[][]> features = Gens.matrices(1, maxRows, 1, maxFeatures, -scale, scale);
        Gen<Dataset> gen = in -> {
            double[][] x = features.generate(in);
            return new Dataset(x, Gens.labels(x.length, 2).generate(in));
        };
        return gen.describedAs(Dataset::toString);
    }

    /**
     * Linearly separable data with margin ≥ 1: 2..30 samples of 1..3 features in [−3, 3], labelled by the side of
     * a hyperplane w·x + b = 0 (w a unit vector, b in [−1, 1]); samples closer than 1 to it are pushed out to 1.
     */
    private static Gen<Dataset> separableData() {
        Gen<double[][]> features = Gens.matrices(2, 30, 1, 3, -3, 3);
        Gen<Double> values = Gens.values(-1, 1);
        Gen<Dataset> gen = in -> {
            double[][] x = features.generate(in);
            int n = x[0].length;
            double[] w = new double[n];
            double norm;
            do {
                for (int j = 0; j < n; j++) {
                    w[j] = values.generate(in);
                }
                norm = Math.sqrt(Arrays.stream(w).map(v -> v * v).sum());
            } while (norm < 0.1);
            for (int j = 0; j < n; j++) {
                w[j] /= norm;
            }
            double b = values.generate(in);
            int[] y = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                double s = b;
                for (int j = 0; j < n; j++) {
                    s += w[j] * x[i][j];
                }
                double side = s >= 0 ? 1 : -1;
                if (Math.abs(s) < 1) {
                    for (int j = 0; j < n; j++) {
                        x[i][j] += (side - s) * w[j];
                    }
                }
                y[i] = side > 0 ? 1 : 0;
            }
            return new Dataset(x, y);
        };
        return gen.describedAs(Dataset::toString);
    }

    /** The summed log loss −Σ [y ln σ(z) + (1 − y) ln(1 − σ(z))], written the textbook way (fine for |z| ≲ 30). */
    private static double logLoss(double[][] x, int[] y, double[] beta) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double p = sigmoid(logit(beta, x[i]));
            sum -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum;
    }

    /** z = β₀ + Σⱼ βⱼ₊₁·xⱼ. */
    private static double logit(double[] beta, double[] row) {
        double z = beta[0];
        for (int j = 0; j < row.length; j++) {
            z += beta[j + 1] * row[j];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** max(1, max |v|): turns a relative tolerance into an absolute one. */
    private static double scale(double[] v) {
        return Math.max(1, Arrays.stream(v).map(Math::abs).max().orElse(0));
    }
}
