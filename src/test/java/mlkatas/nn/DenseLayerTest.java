package mlkatas.nn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
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

@DisplayName("4.2 DenseLayer: a fully connected layer with forward, backward and SGD")
class DenseLayerTest {

    /** Hand-computed examples: a few products and sums of short decimals. */
    private static final double EXACT = 1e-12;
    /** Replaying nn.Linear in PyTorch float64: only summation order differs. */
    private static final double REPLAY = 1e-9;
    /**
     * Gradient check: cs231n calls a relative error below 1e-7 right; the loss is linear in X and W, so central
     * differences are exact up to rounding and 1e-6 is generous while every wrong formula is off by O(1).
     */
    private static final double GRADIENT_RELATIVE = 1e-6;
    /**
     * Entries whose absolute error is below this pass regardless: the central difference of a loss of size ~10
     * carries rounding noise of ~1e-10, which makes the relative error of a near-zero gradient meaningless.
     */
    private static final double GRADIENT_ABSOLUTE = 1e-8;

    private static final double[][] W = {{0.1, 0.2, 0.3}, {-0.1, 0.0, 0.4}};
    private static final double[] B = {0, 0, 0};
    private static final double[][] X = {{1, 2}};
    private static final double[][] G = {{0.1, 0.2, 0.3}};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("a layer with 2 inputs and 3 units has 2·3 weights + 3 biases = 9 parameters")
        void parameterCount() {
            assertThat(new DenseLayer(W, B).parameterCount()).as("parameterCount").isEqualTo(9);
        }

        @Test
        @Order(2)
        @DisplayName("forward [[1, 2]] → [[−0.1, 0.2, 1.1]]")
        void forward() {
            // Column j of the output is 1·W[0][j] + 2·W[1][j] + b[j].
            double[][] output = new DenseLayer(W, B).forward(X);

            assertMatrixClose("forward(x)", output, new double[][] {{-0.1, 0.2, 1.1}}, EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("the bias is added to every row of the batch")
        void biasOnEveryRow() {
            DenseLayer layer = new DenseLayer(W, new double[] {1, 2, 3});

            double[][] output = layer.forward(new double[][] {{1, 2}, {0, 0}});

            assertMatrixClose("forward of two rows", output, new double[][] {{0.9, 2.2, 4.1}, {1, 2, 3}}, EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("backward with G = [[0.1, 0.2, 0.3]] returns dX = G·Wᵀ = [[0.14, 0.11]]")
        void backwardReturnsInputGradient() {
            DenseLayer layer = new DenseLayer(W, B);
            layer.forward(X);

            double[][] inputGradient = layer.backward(G, 0.01);

            assertMatrixClose("dX", inputGradient, new double[][] {{0.14, 0.11}}, EXACT);
        }

        @Test
        @Order(5)
        @DisplayName("backward takes one SGD step: W ← W − 0.01·XᵀG, b ← b − 0.01·G")
        void backwardUpdatesParameters() {
            // XᵀG = [[0.1, 0.2, 0.3], [0.2, 0.4, 0.6]] and db = G.
            DenseLayer layer = new DenseLayer(W, B);
            layer.forward(X);

            layer.backward(G, 0.01);

            assertMatrixClose("W after the step", layer.weights(),
                    new double[][] {{0.099, 0.198, 0.297}, {-0.102, -0.004, 0.394}}, EXACT);
            assertVectorClose("b after the step", layer.bias(), new double[] {-0.001, -0.002, -0.003}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("parameterCount is inputSize·units + units")
        void parameterCountFormula() {
            qt().withExamples(100)
                    .forAll(integers().between(1, 30), integers().between(1, 30), longs().all())
                    .checkAssert((inputSize, units, seed) -> assertThat(
                            new DenseLayer(inputSize, units, new SplittableRandom(seed)).parameterCount())
                            .as("parameterCount of a %d→%d layer", inputSize, units)
                            .isEqualTo(inputSize * units + units));
        }

        @Test
        @DisplayName("random weights lie within ±1/√inputSize, the bias starts at zero, shapes are right")
        void initialisation() {
            qt().withExamples(100)
                    .forAll(integers().between(1, 30), integers().between(1, 10), longs().all())
                    .checkAssert((inputSize, units, seed) -> {
                        DenseLayer layer = new DenseLayer(inputSize, units, new SplittableRandom(seed));
                        double limit = 1 / Math.sqrt(inputSize);

                        double[][] weights = layer.weights();
                        assertThat(weights).as("weights must be inputSize×units").hasDimensions(inputSize, units);
                        for (double[] row : weights) {
                            for (double w : row) {
                                assertThat(Math.abs(w)).as("|w| for inputSize %d", inputSize)
                                        .isLessThanOrEqualTo(limit);
                            }
                        }
                        assertThat(layer.bias()).as("initial bias").hasSize(units).containsOnly(0.0);
                    });
        }

        @Test
        @DisplayName("random weights are spread over the range, not constant (the same seed gives the same layer)")
        void initialisationIsRandomAndSeeded() {
            qt().withExamples(20)
                    .forAll(longs().all())
                    .checkAssert(seed -> {
                        double[][] first = new DenseLayer(16, 16, new SplittableRandom(seed)).weights();
                        double[][] second = new DenseLayer(16, 16, new SplittableRandom(seed)).weights();
                        assertThat(second).as("two layers built with the same seed").isDeepEqualTo(first);
                        // 256 draws from U(−¼, ¼): the chance that all land in one half is 2^−255.
                        long positives = Arrays.stream(first).flatMapToDouble(Arrays::stream).filter(w -> w > 0)
                                .count();
                        assertThat(positives).as("positive weights among 256 uniform draws").isBetween(1L, 255L);
                    });
        }

        @Test
        @DisplayName("dX matches the central-difference gradient of L = Σ G⊙forward(X)")
        void inputGradientMatchesNumerical() {
            qt().withExamples(50)
                    .forAll(problems())
                    .checkAssert(p -> {
                        DenseLayer layer = new DenseLayer(p.weights(), p.bias());
                        layer.forward(p.input());
                        double[][] analytic = layer.backward(p.outputGradient(), 1.0);

                        double[][] numerical = GradientCheck.numericalGradient(
                                x -> loss(new DenseLayer(p.weights(), p.bias()).forward(x), p.outputGradient()),
                                p.input());

                        assertGradientClose("dX vs central differences", analytic, numerical);
                    });
        }

        @Test
        @DisplayName("the SGD step moves W by −lr·dW and b by −lr·db, the central-difference gradients")
        void parameterStepMatchesNumerical() {
            qt().withExamples(50)
                    .forAll(problems())
                    .checkAssert(p -> {
                        DenseLayer layer = new DenseLayer(p.weights(), p.bias());
                        layer.forward(p.input());
                        // learningRate 1: the parameter change is the gradient itself.
                        layer.backward(p.outputGradient(), 1.0);
                        double[][] weightStep = minus(p.weights(), layer.weights());
                        double[] biasStep = minus(new double[][] {p.bias()}, new double[][] {layer.bias()})[0];

                        double[][] numericalWeights = GradientCheck.numericalGradient(
                                w -> loss(new DenseLayer(w, p.bias()).forward(p.input()), p.outputGradient()),
                                p.weights());
                        double[] numericalBias = GradientCheck.numericalGradient(
                                b -> loss(new DenseLayer(p.weights(), b).forward(p.input()), p.outputGradient()),
                                p.bias());

                        assertGradientClose("W − W' vs the central-difference dW", weightStep, numericalWeights);
                        assertGradientClose("b − b' vs the central-difference db", new double[][] {biasStep},
                                new double[][] {numericalBias});
                    });
        }

        @Test
        @DisplayName("dX uses the weights before the update, whatever the learning rate")
        void inputGradientUsesOldWeights() {
            qt().withExamples(50)
                    .forAll(problems(), Gens.values(0.1, 10))
                    .checkAssert((p, learningRate) -> {
                        DenseLayer layer = new DenseLayer(p.weights(), p.bias());
                        layer.forward(p.input());

                        double[][] inputGradient = layer.backward(p.outputGradient(), learningRate);

                        assertMatrixClose("dX must be G·Wᵀ with the old W", inputGradient,
                                multiplyTransposed(p.outputGradient(), p.weights()), 1e-12);
                    });
        }

        @Test
        @DisplayName("forward and backward leave their arguments unchanged and return new arrays")
        void inputsUnchanged() {
            qt().withExamples(50)
                    .forAll(problems())
                    .checkAssert(p -> {
                        double[][] input = deepCopy(p.input());
                        double[][] gradient = deepCopy(p.outputGradient());
                        DenseLayer layer = new DenseLayer(p.weights(), p.bias());

                        layer.forward(p.input());
                        double[][] dX = layer.backward(p.outputGradient(), 0.5);

                        assertThat(p.input()).as("input after forward/backward").isDeepEqualTo(input);
                        assertThat(p.outputGradient()).as("outputGradient after backward").isDeepEqualTo(gradient);
                        assertThat(dX).as("dX must be a new array").isNotSameAs(p.outputGradient());
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final DenseLayerOracle.Case[] TORCH_CASES = DenseLayerOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("matches PyTorch nn.Linear: forward, backward and one SGD step")
        void matchesTorchLinear(DenseLayerOracle.Case c) {
            DenseLayer layer = new DenseLayer(c.weights(), c.bias());

            assertMatrixClose("forward for " + c.name(), layer.forward(c.input()), c.output(), REPLAY);
            assertMatrixClose("dX for " + c.name(), layer.backward(c.outputGradient(), c.learningRate()),
                    c.inputGradient(), REPLAY);
            assertMatrixClose("W after the step for " + c.name(), layer.weights(), c.updatedWeights(), REPLAY);
            assertVectorClose("b after the step for " + c.name(), layer.bias(), c.updatedBias(), REPLAY);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("backward before any forward is an IllegalStateException")
        void backwardBeforeForward() {
            DenseLayer layer = new DenseLayer(W, B);

            assertRejects(IllegalStateException.class, "layer.backward(G, 0.1)",
                    () -> layer.backward(G, 0.1), "forward");
        }

        @Test
        @DisplayName("backward uses the input as it was at forward time, even if the caller reuses the array")
        void cachedInputIsACopy() {
            DenseLayer layer = new DenseLayer(W, B);
            double[][] buffer = {{1, 2}};
            layer.forward(buffer);
            buffer[0][0] = 100;

            layer.backward(G, 1.0);

            // dW = [[1], [2]]·G = [[0.1, 0.2, 0.3], [0.2, 0.4, 0.6]], not [[10, 20, 30], ...].
            assertMatrixClose("W after a step with the forward-time input (keep a copy of it, not the caller's"
                    + " array)", layer.weights(), new double[][] {{0, 0, 0}, {-0.3, -0.4, -0.2}}, EXACT);
        }

        @Test
        @DisplayName("null arguments are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "new DenseLayer(2, 3, null)",
                    () -> new DenseLayer(2, 3, null), "random");
            assertRejects(NullPointerException.class, "new DenseLayer(null, B)",
                    () -> new DenseLayer(null, B), "weights");
            assertRejects(NullPointerException.class, "new DenseLayer(W, null)",
                    () -> new DenseLayer(W, null), "bias");
            DenseLayer layer = new DenseLayer(W, B);
            assertRejects(NullPointerException.class, "layer.forward(null)",
                    () -> layer.forward(null), "input");
            layer.forward(X);
            assertRejects(NullPointerException.class, "layer.backward(null, 0.1)",
                    () -> layer.backward(null, 0.1), "outputGradient");
        }

        @Test
        @DisplayName("inputSize and units must be ≥ 1")
        void badSizes() {
            assertRejects(IllegalArgumentException.class, "new DenseLayer(0, 3, new SplittableRandom(42))",
                    () -> new DenseLayer(0, 3, new SplittableRandom(42)), "inputSize");
            assertRejects(IllegalArgumentException.class, "new DenseLayer(2, 0, new SplittableRandom(42))",
                    () -> new DenseLayer(2, 0, new SplittableRandom(42)), "units");
        }

        @Test
        @DisplayName("weights must be a non-empty rectangular finite matrix and bias must have one entry per unit")
        void badParameters() {
            assertRejects(IllegalArgumentException.class, "new DenseLayer(new double[0][], B)",
                    () -> new DenseLayer(new double[0][], B), "weights");
            assertRejects(IllegalArgumentException.class, "new DenseLayer({{1, 2, 3}, {1, 2}}, B)",
                    () -> new DenseLayer(new double[][] {{1, 2, 3}, {1, 2}}, B), "weights");
            assertRejects(IllegalArgumentException.class, "new DenseLayer({{1, NaN, 3}, {1, 2, 3}}, B)",
                    () -> new DenseLayer(new double[][] {{1, Double.NaN, 3}, {1, 2, 3}}, B), "weights");
            assertRejects(IllegalArgumentException.class, "new DenseLayer(W, {0, 0})",
                    () -> new DenseLayer(W, new double[] {0, 0}), "bias");
        }

        @ParameterizedTest(name = "bias entry {0}")
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("bias must be finite")
        void nonFiniteBias(double bad) {
            assertRejects(IllegalArgumentException.class, "new DenseLayer(W, {0, " + bad + ", 0})",
                    () -> new DenseLayer(W, new double[] {0, bad, 0}), "bias");
        }

        @Test
        @DisplayName("input must have inputSize columns")
        void badInput() {
            DenseLayer layer = new DenseLayer(W, B);

            assertRejects(IllegalArgumentException.class, "layer.forward({{1, 2, 3}})",
                    () -> layer.forward(new double[][] {{1, 2, 3}}), "input");
            assertRejects(IllegalArgumentException.class, "layer.forward(new double[0][])",
                    () -> layer.forward(new double[0][]), "input");
        }

        @Test
        @DisplayName("a ragged input is rejected, even when its first row has inputSize columns")
        void raggedInput() {
            DenseLayer layer = new DenseLayer(W, B);

            assertRejects(IllegalArgumentException.class, "layer.forward({{1, 2}, {1}})",
                    () -> layer.forward(new double[][] {{1, 2}, {1}}), "input");
        }

        @Test
        @DisplayName("a ragged outputGradient is rejected, even when its first row has units columns")
        void raggedOutputGradient() {
            DenseLayer layer = new DenseLayer(W, B);
            layer.forward(new double[][] {{1, 2}, {3, 4}});

            assertRejects(IllegalArgumentException.class, "layer.backward({{0.1, 0.2, 0.3}, {0.1, 0.2}}, 0.1)",
                    () -> layer.backward(new double[][] {{0.1, 0.2, 0.3}, {0.1, 0.2}}, 0.1), "outputGradient");
        }

        @Test
        @DisplayName("every forward returns a new matrix: a second forward leaves the first result as it was")
        void forwardReturnsANewMatrixEachTime() {
            DenseLayer layer = new DenseLayer(W, B);
            double[][] first = layer.forward(X);

            layer.forward(new double[][] {{5, 5}});

            assertMatrixClose("the first forward's result after a second forward (return a new matrix from every"
                    + " call, not a buffer the layer reuses)", first, new double[][] {{-0.1, 0.2, 1.1}}, EXACT);
        }

        @Test
        @DisplayName("outputGradient must be batch×units for the last forward's batch")
        void badOutputGradient() {
            DenseLayer layer = new DenseLayer(W, B);
            layer.forward(X);

            assertRejects(IllegalArgumentException.class, "layer.backward({{1, 2}}, 0.1)",
                    () -> layer.backward(new double[][] {{1, 2}}, 0.1), "outputGradient");
            assertRejects(IllegalArgumentException.class, "layer.backward({{1, 2, 3}, {1, 2, 3}}, 0.1)",
                    () -> layer.backward(new double[][] {{1, 2, 3}, {1, 2, 3}}, 0.1), "outputGradient");
        }

        @ParameterizedTest(name = "learningRate = {0}")
        @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("learningRate must be finite and > 0")
        void badLearningRate(double learningRate) {
            DenseLayer layer = new DenseLayer(W, B);
            layer.forward(X);

            assertRejects(IllegalArgumentException.class, "layer.backward(G, " + learningRate + ")",
                    () -> layer.backward(G, learningRate), "learningRate");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("dX computed with the updated weights: backpropagate through the W the forward pass used")
        void inputGradientWithUpdatedWeights() {
            // With lr 1 the step is large: W' = W − XᵀG = [[0, 0, 0], [−0.3, −0.4, −0.2]], and G·W'ᵀ = [[0, −0.17]].
            DenseLayer layer = new DenseLayer(W, B);
            layer.forward(X);

            double[][] inputGradient = layer.backward(G, 1.0);

            assertMatrixClose("dX was computed after the SGD step: the forward pass used the old W, so compute"
                    + " dX = G·Wᵀ before updating W", inputGradient, new double[][] {{0.14, 0.11}}, EXACT);
        }

        @Test
        @DisplayName("db not summed over the batch: each sample contributes its own gradient")
        void biasGradientNotSummed() {
            // G = [[1, 2, 3], [3, 4, 5]] for a batch of two: db = [4, 6, 8] (the mean would be [2, 3, 4]).
            DenseLayer layer = new DenseLayer(W, B);
            layer.forward(new double[][] {{1, 2}, {0, 1}});

            layer.backward(new double[][] {{1, 2, 3}, {3, 4, 5}}, 1.0);

            assertVectorClose("b after one step with lr 1: db must be the column sums of G over the batch (the"
                    + " loss sums over samples, and so does dW = XᵀG), not their mean or one row", layer.bias(),
                    new double[] {-4, -6, -8}, EXACT);
        }

        @Test
        @DisplayName("weights aliased to callers: the layer owns copies of its parameters")
        void weightsAliasedToCallers() {
            double[][] weights = deepCopy(W);
            double[] bias = B.clone();
            DenseLayer layer = new DenseLayer(weights, bias);
            weights[0][0] = 100;
            bias[0] = 100;
            layer.weights()[1][2] = 100;
            layer.bias()[2] = 100;

            assertMatrixClose("forward after the caller changed arrays it passed in or got back: copy weights and"
                    + " bias in the constructor and return copies from weights() and bias()", layer.forward(X),
                    new double[][] {{-0.1, 0.2, 1.1}}, EXACT);
        }
    }

    /** One layer problem: weights inputSize×units, bias, input batch×inputSize, G batch×units (sizes 1–4). */
    record Problem(double[][] weights, double[] bias, double[][] input, double[][] outputGradient) {
        @Override
        public String toString() {
            return "W " + Arrays.deepToString(weights) + ", b " + Arrays.toString(bias) + ", X "
                    + Arrays.deepToString(input) + ", G " + Arrays.deepToString(outputGradient);
        }
    }

    private static Gen<Problem> problems() {
        Gen<Integer> sizes = integers().between(1, 4);
        Gen<Double> entries = Gens.values(-2, 2);
        return in -> {
            int inputSize = sizes.generate(in);
            int units = sizes.generate(in);
            int batch = sizes.generate(in);
            return new Problem(fill(inputSize, units, entries, in), fill(1, units, entries, in)[0],
                    fill(batch, inputSize, entries, in), fill(batch, units, entries, in));
        };
    }

    private static double[][] fill(int rows, int cols, Gen<Double> entries,
                                   org.quicktheories.core.RandomnessSource in) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = entries.generate(in);
            }
        }
        return m;
    }

    /** L = Σ G⊙Y: its gradient with respect to the output Y is exactly G. */
    private static double loss(double[][] output, double[][] g) {
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[i].length; j++) {
                sum += g[i][j] * output[i][j];
            }
        }
        return sum;
    }

    /** G·Wᵀ. */
    private static double[][] multiplyTransposed(double[][] g, double[][] w) {
        double[][] result = new double[g.length][w.length];
        for (int i = 0; i < g.length; i++) {
            for (int k = 0; k < w.length; k++) {
                for (int j = 0; j < w[k].length; j++) {
                    result[i][k] += g[i][j] * w[k][j];
                }
            }
        }
        return result;
    }

    private static double[][] minus(double[][] a, double[][] b) {
        double[][] d = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            d[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                d[i][j] = a[i][j] - b[i][j];
            }
        }
        return d;
    }

    /**
     * GradientCheck's relative error, but an entry also passes when its absolute error is at rounding level
     * (see {@link #GRADIENT_ABSOLUTE}).
     */
    private static void assertGradientClose(String what, double[][] analytic, double[][] numerical) {
        GradientCheck.assertGradientMatches(what, analytic, numerical, GRADIENT_RELATIVE, GRADIENT_ABSOLUTE);
    }
}
