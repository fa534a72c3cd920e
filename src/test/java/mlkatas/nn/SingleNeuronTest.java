package mlkatas.nn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
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

@DisplayName("4.1 SingleNeuron: a sigmoid neuron trained by backpropagation")
class SingleNeuronTest {

    /** The spec quotes Deep-ML's examples to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** One epoch on three samples is a handful of roundings: far below any real mistake. */
    private static final double EXACT = 1e-12;
    /** Replaying the same epochs in PyTorch float64: only summation order differs. */
    private static final double REPLAY = 1e-9;
    /**
     * Gradient check: cs231n calls a relative error below 1e-7 right and above 1e-2 wrong; 1e-5 leaves room for
     * central differences (error O(h²) ≈ 1e-10) and still rejects every wrong formula by orders of magnitude.
     */
    private static final double GRADIENT_RELATIVE = 1e-5;
    /**
     * Entries whose absolute error is below this pass regardless: the central difference of an MSE near 1
     * carries rounding noise of ~1e-11, which makes the relative error of a gradient that is itself ~1e-9
     * meaningless.
     */
    private static final double GRADIENT_ABSOLUTE = 1e-9;
    /** Lets the MSE curve stay "non-increasing" when it flattens out to rounding noise. */
    private static final double ROUNDING_SLACK = 1e-15;

    private static final double[][] FEATURES = {{1, 2}, {2, 1}, {-1, -2}};
    private static final double[] LABELS = {1, 0, 0};
    private static final double[] WEIGHTS = {0.1, -0.2};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("zero epochs return the initial parameters and an empty history")
        void zeroEpochs() {
            SingleNeuron.Result result = SingleNeuron.train(FEATURES, LABELS, WEIGHTS, 0.5, 0.1, 0);

            assertVectorClose("weights after 0 epochs", result.weights(), WEIGHTS, 0);
            assertThat(result.bias()).as("bias after 0 epochs").isEqualTo(0.5);
            assertThat(result.mseHistory()).as("MSE history after 0 epochs").isEmpty();
        }

        @Test
        @Order(2)
        @DisplayName("one epoch on one sample: p = σ(0) = ½, δ = 2·(½ − 1)·½·½ = −¼")
        void oneEpochOneSample() {
            // x = [2], y = 1, w = 0, b = 0: mse = (½ − 1)² = ¼; w ← 0 − 1·(2·(−¼)) = ½; b ← 0 − 1·(−¼) = ¼.
            SingleNeuron.Result result = SingleNeuron.train(new double[][] {{2}}, new double[] {1},
                    new double[] {0}, 0, 1.0, 1);

            assertThat(result.mseHistory()).as("MSE before the update").containsExactly(new double[] {0.25},
                    within(EXACT));
            assertVectorClose("weights", result.weights(), new double[] {0.5}, EXACT);
            assertThat(result.bias()).as("bias").isCloseTo(0.25, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: three samples, lr 0.1, 2 epochs → w [0.1036, −0.1425], b −0.0167")
        void deepMlFirstExample() {
            SingleNeuron.Result result = SingleNeuron.train(FEATURES, LABELS, WEIGHTS, 0, 0.1, 2);

            assertVectorClose("weights", result.weights(), new double[] {0.1036, -0.1425}, FOUR_DECIMALS);
            assertThat(result.bias()).as("bias").isCloseTo(-0.0167, within(FOUR_DECIMALS));
            assertVectorClose("MSE history", result.mseHistory(), new double[] {0.3033, 0.2942}, FOUR_DECIMALS);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML: three samples, lr 0.1, 3 epochs → w [0.4892, −0.2301], b 0.0029")
        void deepMlSecondExample() {
            SingleNeuron.Result result = SingleNeuron.train(new double[][] {{1, 2}, {2, 3}, {3, 1}},
                    new double[] {1, 0, 1}, new double[] {0.5, -0.2}, 0, 0.1, 3);

            assertVectorClose("weights", result.weights(), new double[] {0.4892, -0.2301}, FOUR_DECIMALS);
            assertThat(result.bias()).as("bias").isCloseTo(0.0029, within(FOUR_DECIMALS));
            assertVectorClose("MSE history", result.mseHistory(), new double[] {0.21, 0.2087, 0.2076},
                    FOUR_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("one update moves the parameters along the negative numerical gradient of the MSE")
        void updateFollowsNumericalGradient() {
            qt().withExamples(50)
                    .forAll(problems(), Gens.values(-1, 1))
                    .checkAssert((problem, bias) -> {
                        double[] weights = problem.weights();
                        // learningRate 1: the parameter change is the gradient itself, with no rescaling error.
                        SingleNeuron.Result result = SingleNeuron.train(problem.features(), problem.labels(),
                                weights, bias, 1.0, 1);

                        double[] analytic = new double[weights.length + 1];
                        for (int j = 0; j < weights.length; j++) {
                            analytic[j] = weights[j] - result.weights()[j];
                        }
                        analytic[weights.length] = bias - result.bias();
                        double[] parameters = Arrays.copyOf(weights, weights.length + 1);
                        parameters[weights.length] = bias;
                        double[] numerical = GradientCheck.numericalGradient(
                                theta -> mse(problem.features(), problem.labels(), theta), parameters);

                        assertGradientClose("the update (w, b) − (w', b') vs the central-difference gradient of"
                                + " the MSE", analytic, numerical);
                    });
        }

        @Test
        @DisplayName("with a small learning rate the MSE never goes up")
        void mseNonIncreasing() {
            // With features in [−2, 2] and at most 4 of them, the MSE's curvature is below ~6, so any
            // learning rate under 2/6 descends; 0.05 is far inside that.
            qt().withExamples(100)
                    .forAll(problems(), Gens.values(-1, 1))
                    .checkAssert((problem, bias) -> {
                        double[] history = SingleNeuron.train(problem.features(), problem.labels(),
                                problem.weights(), bias, 0.05, 30).mseHistory();

                        for (int epoch = 1; epoch < history.length; epoch++) {
                            assertThat(history[epoch]).as("MSE at epoch %d vs epoch %d: %s", epoch, epoch - 1,
                                    Arrays.toString(history)).isLessThanOrEqualTo(history[epoch - 1] + ROUNDING_SLACK);
                        }
                    });
        }

        @Test
        @DisplayName("features, labels and initial weights are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(100)
                    .forAll(problems(), Gens.values(-1, 1))
                    .checkAssert((problem, bias) -> {
                        double[][] featuresCopy = deepCopy(problem.features());
                        double[] labelsCopy = problem.labels().clone();
                        double[] weightsCopy = problem.weights().clone();

                        SingleNeuron.Result result = SingleNeuron.train(problem.features(), problem.labels(),
                                problem.weights(), bias, 0.5, 3);

                        assertThat(problem.features()).as("features after the call").isDeepEqualTo(featuresCopy);
                        assertThat(problem.labels()).as("labels after the call").containsExactly(labelsCopy);
                        assertThat(problem.weights()).as("initialWeights after the call")
                                .containsExactly(weightsCopy);
                        assertThat(result.weights()).as("the returned weights must be a new array")
                                .isNotSameAs(problem.weights());
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final SingleNeuronOracle.Case[] TORCH_CASES = SingleNeuronOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("matches a PyTorch autograd + SGD replay")
        void matchesTorchReplay(SingleNeuronOracle.Case c) {
            SingleNeuron.Result result = SingleNeuron.train(c.features(), c.labels(), c.initialWeights(),
                    c.initialBias(), c.learningRate(), c.epochs());

            assertVectorClose("MSE history for " + c.name(), result.mseHistory(), c.mseHistory(), REPLAY);
            assertVectorClose("weights for " + c.name(), result.weights(), c.weights(), REPLAY);
            assertThat(result.bias()).as("bias for %s", c.name()).isCloseTo(c.bias(), within(REPLAY));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("soft labels and targets outside [0, 1] are allowed")
        void realTargets() {
            // One sample x = [0], w = 0, b = 0: p = ½ forever, so mse = (½ − y)² each epoch.
            SingleNeuron.Result result = SingleNeuron.train(new double[][] {{0}}, new double[] {2.5},
                    new double[] {0}, 0, 1e-9, 2);

            assertThat(result.mseHistory()[0]).as("MSE for target 2.5 with p = ½").isCloseTo(4.0, within(EXACT));
        }

        @Test
        @DisplayName("zero epochs still return a new weights array, not initialWeights itself")
        void zeroEpochsNewArray() {
            double[] initial = WEIGHTS.clone();

            SingleNeuron.Result result = SingleNeuron.train(FEATURES, LABELS, initial, 0.5, 0.1, 0);

            assertThat(result.weights()).as("the weights after 0 epochs are the caller's initialWeights array:"
                    + " return a copy on every path, also when no update runs").isNotSameAs(initial);
        }

        @Test
        @DisplayName("null features, labels or initialWeights are rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "train(null, LABELS, WEIGHTS, 0, 0.1, 1)",
                    () -> SingleNeuron.train(null, LABELS, WEIGHTS, 0, 0.1, 1), "features");
            assertRejects(NullPointerException.class, "train(FEATURES, null, WEIGHTS, 0, 0.1, 1)",
                    () -> SingleNeuron.train(FEATURES, null, WEIGHTS, 0, 0.1, 1), "labels");
            assertRejects(NullPointerException.class, "train(FEATURES, LABELS, null, 0, 0.1, 1)",
                    () -> SingleNeuron.train(FEATURES, LABELS, null, 0, 0.1, 1), "initialWeights");
        }

        @Test
        @DisplayName("empty or ragged features are rejected")
        void badFeatures() {
            assertRejects(IllegalArgumentException.class, "train(new double[0][], new double[0], WEIGHTS, 0, 0.1, 1)",
                    () -> SingleNeuron.train(new double[0][], new double[0], WEIGHTS, 0, 0.1, 1), "features");
            assertRejects(IllegalArgumentException.class, "train({{1, 2}, {1}}, {1, 0}, WEIGHTS, 0, 0.1, 1)",
                    () -> SingleNeuron.train(new double[][] {{1, 2}, {1}}, new double[] {1, 0}, WEIGHTS, 0, 0.1, 1),
                    "features");
        }

        @Test
        @DisplayName("labels need one finite target per row")
        void badLabels() {
            assertRejects(IllegalArgumentException.class, "train(FEATURES, {1, 0}, WEIGHTS, 0, 0.1, 1)",
                    () -> SingleNeuron.train(FEATURES, new double[] {1, 0}, WEIGHTS, 0, 0.1, 1), "labels");
            assertRejects(IllegalArgumentException.class, "train(FEATURES, {1, NaN, 0}, WEIGHTS, 0, 0.1, 1)",
                    () -> SingleNeuron.train(FEATURES, new double[] {1, Double.NaN, 0}, WEIGHTS, 0, 0.1, 1), "labels");
        }

        @Test
        @DisplayName("initialWeights needs one weight per feature, initialBias must be finite")
        void badInitialParameters() {
            assertRejects(IllegalArgumentException.class, "train(FEATURES, LABELS, {0.1}, 0, 0.1, 1)",
                    () -> SingleNeuron.train(FEATURES, LABELS, new double[] {0.1}, 0, 0.1, 1), "initialWeights");
            assertRejects(IllegalArgumentException.class, "train(FEATURES, LABELS, WEIGHTS, NaN, 0.1, 1)",
                    () -> SingleNeuron.train(FEATURES, LABELS, WEIGHTS, Double.NaN, 0.1, 1), "initialBias");
        }

        @ParameterizedTest(name = "learningRate = {0}")
        @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("learningRate must be finite and > 0")
        void badLearningRate(double learningRate) {
            assertRejects(IllegalArgumentException.class,
                    "train(FEATURES, LABELS, WEIGHTS, 0, " + learningRate + ", 1)",
                    () -> SingleNeuron.train(FEATURES, LABELS, WEIGHTS, 0, learningRate, 1), "learningRate");
        }

        @Test
        @DisplayName("epochs must be ≥ 0")
        void negativeEpochs() {
            assertRejects(IllegalArgumentException.class, "train(FEATURES, LABELS, WEIGHTS, 0, 0.1, -1)",
                    () -> SingleNeuron.train(FEATURES, LABELS, WEIGHTS, 0, 0.1, -1), "epochs");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("missing σ' factor: the gradient of the MSE goes through the sigmoid")
        void missingSigmoidDerivative() {
            // x = [2], y = 1, w = b = 0: p = ½ and σ'(0) = ¼. With σ' the step is w = ½; without it, w = 2.
            SingleNeuron.Result result = SingleNeuron.train(new double[][] {{2}}, new double[] {1},
                    new double[] {0}, 0, 1.0, 1);

            assertThat(result.weights()[0])
                    .as("w after one step is %s instead of 0.5: the chain rule needs σ'(z) = p·(1 − p); use"
                            + " δ = (2/m)·(p − y)·p·(1 − p), not (2/m)·(p − y)", result.weights()[0])
                    .isCloseTo(0.5, within(EXACT));
        }

        @Test
        @DisplayName("MSE recorded after the update: the first entry is the loss of the initial parameters")
        void mseRecordedAfterUpdate() {
            double initialMse = mse(FEATURES, LABELS, new double[] {0.1, -0.2, 0});

            double[] history = SingleNeuron.train(FEATURES, LABELS, WEIGHTS, 0, 0.1, 2).mseHistory();

            assertThat(history[0])
                    .as("mseHistory[0] is %s but the MSE of the initial parameters is %s: record each epoch's MSE"
                            + " from the p computed before the update", history[0], initialMse)
                    .isCloseTo(initialMse, within(EXACT));
        }

        @Test
        @DisplayName("initial weights mutated: training works on a copy")
        void initialWeightsMutated() {
            double[] initial = WEIGHTS.clone();

            SingleNeuron.train(FEATURES, LABELS, initial, 0, 0.1, 2);

            assertThat(initial)
                    .as("initialWeights changed to %s: the caller's array belongs to the caller; clone it before"
                            + " updating", Arrays.toString(initial))
                    .containsExactly(WEIGHTS);
        }

        @Test
        @DisplayName("mean of the errors without the factor 2: d/dp (p − y)² = 2·(p − y)")
        void missingFactorTwo() {
            // Same one-sample step as above: δ = 2·(½ − 1)·¼ = −¼, so b moves by +¼ (by +⅛ without the 2).
            SingleNeuron.Result result = SingleNeuron.train(new double[][] {{2}}, new double[] {1},
                    new double[] {0}, 0, 1.0, 1);

            assertThat(result.bias())
                    .as("b after one step is %s instead of 0.25: the derivative of (p − y)² is 2·(p − y); the"
                            + " factor 2 does not cancel here because the loss is the plain MSE", result.bias())
                    .isCloseTo(0.25, within(EXACT));
        }
    }

    /** A training problem: features in [−2, 2] (1–4 columns, 1–8 rows), soft labels, weights in [−1, 1]. */
    record Problem(double[][] features, double[] labels, double[] weights) {
        @Override
        public String toString() {
            return "features " + Arrays.deepToString(features) + ", labels " + Arrays.toString(labels)
                    + ", weights " + Arrays.toString(weights);
        }
    }

    private static Gen<Problem> problems() {
        Gen<double[][]> features = Gens.matrices(1, 8, 1, 4, -2, 2);
        Gen<Double> entries = Gens.values(0, 1);
        Gen<Double> weightEntries = Gens.values(-1, 1);
        return in -> {
            double[][] x = features.generate(in);
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = entries.generate(in);
            }
            double[] w = new double[x[0].length];
            for (int j = 0; j < w.length; j++) {
                w[j] = weightEntries.generate(in);
            }
            return new Problem(x, y, w);
        };
    }

    /** MSE of σ(Xw + b) against y, with θ = (w..., b). */
    private static double mse(double[][] x, double[] y, double[] theta) {
        int n = x[0].length;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = theta[n];
            for (int j = 0; j < n; j++) {
                z += x[i][j] * theta[j];
            }
            double p = 1 / (1 + Math.exp(-z));
            sum += (p - y[i]) * (p - y[i]);
        }
        return sum / x.length;
    }

    /**
     * GradientCheck's relative error, but an entry also passes when its absolute error is at rounding level
     * (see {@link #GRADIENT_ABSOLUTE}).
     */
    private static void assertGradientClose(String what, double[] analytic, double[] numerical) {
        GradientCheck.assertGradientMatches(what + " (the last entry is the bias)", analytic, numerical,
                GRADIENT_RELATIVE, GRADIENT_ABSOLUTE);
    }
}
