package mlkatas.nn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("4.3 BatchNorm: batch normalisation of BCHW image batches")
class BatchNormTest {

    /** The spec quotes Deep-ML's outputs to 8 decimals. */
    private static final double EIGHT_DECIMALS = 1e-8;
    /** Hand-computed examples: a handful of roundings. */
    private static final double EXACT = 1e-12;
    /** PyTorch float64 computes the same formulas; only summation order differs. */
    private static final double REPLAY = 1e-9;
    /**
     * Properties on values in [−10, 10]: normalised outputs are at most √n ≈ 10 in size and √(σ² + ε) ≥ 0.003,
     * so rounding stays below ~1e-12; 1e-9 is honest for every draw and far below any real mistake.
     */
    private static final double PROPERTY = 1e-9;
    private static final double EPS = 1e-5;

    /** NumPy's np.random.seed(42); np.random.randn(2, 2, 2, 2), from Deep-ML's example. */
    private static final double[][][][] SEED_42 = {
            {{{0.4967141530112327, -0.13826430117118466}, {0.6476885381006925, 1.5230298564080254}},
                    {{-0.23415337472333597, -0.23413695694918055}, {1.5792128155073915, 0.7674347291529088}}},
            {{{-0.4694743859349521, 0.5425600435859647}, {-0.46341769281246226, -0.46572975357025687}},
                    {{0.24196227156603412, -1.913280244657798}, {-1.7249178325130328, -0.5622875292409727}}}};

    /** NumPy's np.random.seed(101); np.random.randn(2, 2, 2, 2). */
    private static final double[][][][] SEED_101 = {
            {{{2.706849839399938, 0.6281327087844596}, {0.9079694464765431, 0.5038257538223936}},
                    {{0.6511179479432686, -0.31931804459303326}, {-0.8480769834036315, 0.6059653494949336}}},
            {{{-2.018168244037392, 0.7401220570561068}, {0.5288134940893595, -0.5890005332865824}},
                    {{0.18869530944922425, -0.758872056210466}, {-0.9332372163009188, 0.9550565092637361}}}};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one channel holding 0 and 2: mean 1, variance 1 → ±1/√(1 + ε)")
        void twoValues() {
            double[][][][] y = BatchNorm.forward(tensor(0, 2), new double[] {1}, new double[] {0}, EPS);

            double expected = 1 / Math.sqrt(1 + EPS);
            assertTensorClose("normalised [0, 2]", y, tensor(-expected, expected), EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("each channel is normalised with its own statistics, γ scales and β shifts it")
        void channelsAreIndependent() {
            // Channel 0 holds 0 and 2 (mean 1, variance 1); channel 1 holds 10 and 30 (mean 20, variance 100).
            double[][][][] x = {{{{0, 2}}, {{10, 30}}}};

            double[][][][] y = BatchNorm.forward(x, new double[] {1, 2}, new double[] {0, 5}, EPS);

            double zero = 1 / Math.sqrt(1 + EPS);
            double one = 10 / Math.sqrt(100 + EPS);
            assertTensorClose("two channels", y, new double[][][][] {{{{-zero, zero}}, {{5 - 2 * one, 5 + 2 * one}}}},
                    EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: randn(2, 2, 2, 2) with seed 42, γ = 1, β = 0, ε = 1e-5")
        void deepMlSeed42() {
            double[][][][] y = BatchNorm.forward(SEED_42, new double[] {1, 1}, new double[] {0, 0}, EPS);

            assertTensorClose("Deep-ML seed 42", y, new double[][][][] {
                    {{{0.42859934, -0.51776438}, {0.65360963, 1.95820707}},
                            {{0.02353721, 0.02355215}, {1.67355207, 0.93490043}}},
                    {{{-1.01139563, 0.49692747}, {-1.00236882, -1.00581468}},
                            {{0.45676349, -1.50433085}, {-1.33293647, -0.27503802}}}}, EIGHT_DECIMALS);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML: randn(2, 2, 2, 2) with seed 101, γ = 0.5, β = 1")
        void deepMlSeed101() {
            double[][][][] y = BatchNorm.forward(SEED_101, new double[] {0.5, 0.5}, new double[] {1, 1}, EPS);

            assertTensorClose("Deep-ML seed 101", y, new double[][][][] {
                    {{{1.90886582, 1.08052048}, {1.19203227, 1.03098556}},
                            {{1.50216466, 0.81430022}, {0.43950531, 1.4701596}}},
                    {{{0.02599939, 1.12514697}, {1.04094289, 0.59550661}},
                            {{1.17439025, 0.50273554}, {0.37914203, 1.71760239}}}}, EIGHT_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("with γ = 1, β = 0 every channel has mean 0 and variance σ²/(σ² + ε)")
        void standardisedChannels() {
            qt().withExamples(100)
                    .forAll(Gens.tensors4(1, 3, -10, 10))
                    .checkAssert(x -> {
                        int channels = x[0].length;
                        double[][][][] y = BatchNorm.forward(x, filled(channels, 1), filled(channels, 0), EPS);

                        for (int c = 0; c < channels; c++) {
                            double inputVariance = populationVariance(channel(x, c));
                            double[] out = channel(y, c);
                            assertThat(mean(out)).as("mean of output channel %d", c).isCloseTo(0, within(PROPERTY));
                            assertThat(populationVariance(out)).as("variance of output channel %d", c)
                                    .isCloseTo(inputVariance / (inputVariance + EPS), within(PROPERTY));
                        }
                    });
        }

        @Test
        @DisplayName("adding a constant to one channel changes nothing")
        void shiftInvariance() {
            qt().withExamples(50)
                    .forAll(problems(), Gens.values(-100, 100), integers().between(0, 2))
                    .checkAssert((p, shift, channel) -> {
                        int c = channel % p.x()[0].length;
                        double[][][][] shifted = deepCopy(p.x());
                        for (double[][][] sample : shifted) {
                            for (double[] row : sample[c]) {
                                for (int w = 0; w < row.length; w++) {
                                    row[w] += shift;
                                }
                            }
                        }

                        assertTensorClose("output after adding " + shift + " to channel " + c,
                                BatchNorm.forward(shifted, p.gamma(), p.beta(), EPS),
                                BatchNorm.forward(p.x(), p.gamma(), p.beta(), EPS), PROPERTY);
                    });
        }

        @Test
        @DisplayName("γ and β act per channel: y = γ_c·(normalised x) + β_c")
        void affinePerChannel() {
            qt().withExamples(100)
                    .forAll(problems())
                    .checkAssert(p -> {
                        int channels = p.gamma().length;
                        double[][][][] standard = BatchNorm.forward(p.x(), filled(channels, 1), filled(channels, 0),
                                EPS);
                        double[][][][] expected = deepCopy(standard);
                        for (double[][][] sample : expected) {
                            for (int c = 0; c < channels; c++) {
                                for (double[] row : sample[c]) {
                                    for (int w = 0; w < row.length; w++) {
                                        row[w] = p.gamma()[c] * row[w] + p.beta()[c];
                                    }
                                }
                            }
                        }

                        assertTensorClose("output with γ " + Arrays.toString(p.gamma()) + ", β "
                                + Arrays.toString(p.beta()), BatchNorm.forward(p.x(), p.gamma(), p.beta(), EPS),
                                expected, PROPERTY);
                    });
        }

        @Test
        @DisplayName("x, gamma and beta are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(100)
                    .forAll(problems())
                    .checkAssert(p -> {
                        double[][][][] x = deepCopy(p.x());
                        double[] gamma = p.gamma().clone();
                        double[] beta = p.beta().clone();

                        double[][][][] y = BatchNorm.forward(p.x(), p.gamma(), p.beta(), EPS);

                        assertThat(p.x()).as("x after the call").isDeepEqualTo(x);
                        assertThat(p.gamma()).as("gamma after the call").containsExactly(gamma);
                        assertThat(p.beta()).as("beta after the call").containsExactly(beta);
                        assertThat(y).as("the result must be a new tensor").isNotSameAs(p.x());
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final BatchNormOracle.ForwardCase[] TORCH_CASES = BatchNormOracle.FORWARD_CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("matches PyTorch F.batch_norm(training=True)")
        void matchesTorchBatchNorm(BatchNormOracle.ForwardCase c) {
            double[][][][] y = BatchNorm.forward(c.x(), c.gamma(), c.beta(), c.epsilon());

            assertTensorClose("batch norm of " + c.name(), y, c.y(), REPLAY);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a constant channel becomes β (its variance is 0, so ε keeps the division finite)")
        void constantChannel() {
            double[][][][] y = BatchNorm.forward(tensor(3, 3, 3), new double[] {2}, new double[] {0.5}, EPS);

            assertTensorClose("constant channel", y, tensor(0.5, 0.5, 0.5), EXACT);
        }

        @Test
        @DisplayName("a single value per channel (1×C×1×1) becomes β")
        void singleValue() {
            double[][][][] y = BatchNorm.forward(new double[][][][] {{{{7}}, {{-3}}}}, new double[] {1, 1},
                    new double[] {0.25, -1}, EPS);

            assertTensorClose("1×2×1×1", y, new double[][][][] {{{{0.25}}, {{-1}}}}, EXACT);
        }

        @Test
        @DisplayName("null x, gamma or beta is rejected with a NullPointerException naming it")
        void nulls() {
            double[] one = {1};
            assertRejects(NullPointerException.class, "forward(null, one, one, EPS)",
                    () -> BatchNorm.forward(null, one, one, EPS), "x");
            assertRejects(NullPointerException.class, "forward(tensor(1, 2), null, one, EPS)",
                    () -> BatchNorm.forward(tensor(1, 2), null, one, EPS), "gamma");
            assertRejects(NullPointerException.class, "forward(tensor(1, 2), one, null, EPS)",
                    () -> BatchNorm.forward(tensor(1, 2), one, null, EPS), "beta");
        }

        @Test
        @DisplayName("an empty or ragged x is rejected")
        void badShapes() {
            double[] one = {1};
            assertRejects(IllegalArgumentException.class, "forward(new double[0][][][], one, one, EPS)",
                    () -> BatchNorm.forward(new double[0][][][], one, one, EPS), "x");
            assertRejects(IllegalArgumentException.class, "forward({{{{}}}}, one, one, EPS)",
                    () -> BatchNorm.forward(new double[][][][] {{{{}}}}, one, one, EPS), "x");
            assertRejects(IllegalArgumentException.class, "forward({{{{1, 2}}}, {{{1}}}}, one, one, EPS)",
                    () -> BatchNorm.forward(new double[][][][] {{{{1, 2}}}, {{{1}}}}, one, one, EPS), "x");
            assertRejects(IllegalArgumentException.class, "forward({{{{1}}, {{1}}}, {{{1}}}}, {1, 1}, {0, 0}, EPS)",
                    () -> BatchNorm.forward(new double[][][][] {{{{1}}, {{1}}}, {{{1}}}},
                            new double[] {1, 1}, new double[] {0, 0}, EPS),
                    "x");
        }

        @Test
        @DisplayName("no channels, no rows, or rows of another height in a later sample are rejected")
        void emptyOrRaggedInnerExtents() {
            double[] one = {1};
            assertRejects(IllegalArgumentException.class, "forward({{}}, new double[0], new double[0], EPS)",
                    () -> BatchNorm.forward(new double[][][][] {{}}, new double[0], new double[0], EPS), "x");
            assertRejects(IllegalArgumentException.class, "forward({{{}}}, one, one, EPS)",
                    () -> BatchNorm.forward(new double[][][][] {{{}}}, one, one, EPS), "x");
            assertRejects(IllegalArgumentException.class, "forward({{{{1}, {2}}}, {{{1}}}}, one, one, EPS)",
                    () -> BatchNorm.forward(new double[][][][] {{{{1}, {2}}}, {{{1}}}}, one, one, EPS), "x");
        }

        @Test
        @DisplayName("a null part of x is rejected with a NullPointerException naming it by its index")
        void nullPartOfX() {
            assertRejects(NullPointerException.class, "forward({{{{1}}, null}}, {1, 1}, {0, 0}, EPS)",
                    () -> BatchNorm.forward(new double[][][][] {{{{1}}, null}}, new double[] {1, 1},
                            new double[] {0, 0}, EPS),
                    "x[0][1]");
        }

        @Test
        @DisplayName("gamma and beta must be finite")
        void nonFiniteAffine() {
            assertRejects(IllegalArgumentException.class, "forward(tensor(1, 2), {NaN}, {0}, EPS)",
                    () -> BatchNorm.forward(tensor(1, 2), new double[] {Double.NaN}, new double[] {0}, EPS), "gamma");
            assertRejects(IllegalArgumentException.class, "forward(tensor(1, 2), {1}, {Infinity}, EPS)",
                    () -> BatchNorm.forward(tensor(1, 2), new double[] {1}, new double[] {Double.POSITIVE_INFINITY},
                            EPS),
                    "beta");
        }

        @Test
        @DisplayName("gamma and beta need one entry per channel")
        void badAffine() {
            assertRejects(IllegalArgumentException.class, "forward(tensor(1, 2), {1, 1}, {0}, EPS)",
                    () -> BatchNorm.forward(tensor(1, 2), new double[] {1, 1}, new double[] {0}, EPS), "gamma");
            assertRejects(IllegalArgumentException.class, "forward(tensor(1, 2), {1}, new double[0], EPS)",
                    () -> BatchNorm.forward(tensor(1, 2), new double[] {1}, new double[0], EPS), "beta");
        }

        @ParameterizedTest(name = "epsilon = {0}")
        @ValueSource(doubles = {0.0, -1e-5, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("epsilon must be finite and > 0")
        void badEpsilon(double epsilon) {
            assertRejects(IllegalArgumentException.class, "forward(tensor(1, 2), {1}, {0}, " + epsilon + ")",
                    () -> BatchNorm.forward(tensor(1, 2), new double[] {1}, new double[] {0}, epsilon), "epsilon");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("statistics per sample: the batch axis is part of every channel's statistics")
        void statisticsPerSample() {
            // One channel, two samples [0, 2] and [10, 12]: the batch mean is 6 and the variance 26, so the
            // second sample is entirely above the mean. Per-sample statistics would give ±1 in each sample.
            double[][][][] x = {{{{0, 2}}}, {{{10, 12}}}};

            double[][][][] y = BatchNorm.forward(x, new double[] {1}, new double[] {0}, EPS);

            double s = Math.sqrt(26 + EPS);
            assertTensorClose("each sample was normalised on its own: batch norm takes the mean and variance of a"
                    + " channel over the batch, height and width together (axes 0, 2, 3)", y,
                    new double[][][][] {{{{-6 / s, -4 / s}}}, {{{4 / s, 6 / s}}}}, EXACT);
        }

        @Test
        @DisplayName("statistics over channels: each channel has its own mean and variance")
        void statisticsOverChannels() {
            // Channel 0 holds 0 and 2, channel 1 holds 100 and 300: each alone normalises to ±1.
            double[][][][] x = {{{{0, 2}}, {{100, 300}}}};

            double[][][][] y = BatchNorm.forward(x, new double[] {1, 1}, new double[] {0, 0}, EPS);

            double zero = 1 / Math.sqrt(1 + EPS);
            double one = 100 / Math.sqrt(10_000 + EPS);
            assertTensorClose("channels were mixed into one set of statistics: compute μ_c and σ²_c separately"
                    + " for every channel c, over (B, H, W)", y, new double[][][][] {{{{-zero, zero}}, {{-one, one}}}},
                    EXACT);
        }

        @Test
        @DisplayName("unbiased variance: normalise with the population variance (divide by n)")
        void unbiasedVariance() {
            // [0, 2]: population variance 1 → ±1/√(1 + ε); the unbiased variance 2 would give ±0.707.
            double[][][][] y = BatchNorm.forward(tensor(0, 2), new double[] {1}, new double[] {0}, EPS);

            double expected = 1 / Math.sqrt(1 + EPS);
            assertTensorClose("normalised with the unbiased variance (÷ (n − 1)): batch norm's forward pass uses the"
                    + " population variance (÷ n), as PyTorch and Deep-ML do", y, tensor(-expected, expected), EXACT);
        }

        @Test
        @DisplayName("ε outside the square root: divide by √(σ² + ε), not √σ² + ε")
        void epsilonOutsideSquareRoot() {
            // [0, 2] with a large ε = 0.5: 1/√1.5 = 0.8165, whereas 1/(√1 + 0.5) = 0.6667.
            double[][][][] y = BatchNorm.forward(tensor(0, 2), new double[] {1}, new double[] {0}, 0.5);

            double expected = 1 / Math.sqrt(1.5);
            assertTensorClose("ε was added outside the square root: the denominator is √(σ² + ε), which is what"
                    + " makes ε a variance floor", y, tensor(-expected, expected), EXACT);
        }
    }

    @Nested
    @Tag("partB")
    @Order(6)
    @DisplayName("Part B: a layer with running statistics and train/eval modes")
    class PartB {

        static final BatchNormOracle.LayerCase[] TORCH_LAYER_CASES = BatchNormOracle.LAYER_CASES;

        @Test
        @Order(1)
        @DisplayName("a new layer's running mean is 0 and running variance 1")
        void initialRunningStatistics() {
            BatchNorm.Layer layer = new BatchNorm.Layer(3);

            assertThat(layer.runningMean()).as("initial running mean").containsExactly(0, 0, 0);
            assertThat(layer.runningVariance()).as("initial running variance").containsExactly(1, 1, 1);
        }

        @Test
        @Order(2)
        @DisplayName("a training step normalises with batch statistics and moves the running ones 10% towards them")
        void trainingStep() {
            // [0, 2]: batch mean 1, population variance 1 (for the output), unbiased variance 2 (for the running
            // statistics): runningMean = 0.9·0 + 0.1·1 = 0.1, runningVariance = 0.9·1 + 0.1·2 = 1.1.
            BatchNorm.Layer layer = new BatchNorm.Layer(1);

            double[][][][] y = layer.forward(tensor(0, 2), true);

            double expected = 1 / Math.sqrt(1 + EPS);
            assertTensorClose("training output", y, tensor(-expected, expected), EXACT);
            assertThat(layer.runningMean()).as("running mean").containsExactly(new double[] {0.1}, within(EXACT));
            assertThat(layer.runningVariance()).as("running variance")
                    .containsExactly(new double[] {1.1}, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("inference normalises with the running statistics and leaves them unchanged")
        void inference() {
            BatchNorm.Layer layer = new BatchNorm.Layer(new double[] {2}, new double[] {0.5}, EPS, 0.1);
            layer.forward(tensor(0, 2), true);

            double[][][][] y = layer.forward(tensor(1.1, 0.1), false);

            double scale = 2 / Math.sqrt(1.1 + EPS);
            assertTensorClose("inference output γ·(x − 0.1)/√(1.1 + ε) + β", y,
                    tensor(scale * 1.0 + 0.5, 0.5), EXACT);
            assertThat(layer.runningMean()).as("running mean after inference").containsExactly(new double[] {0.1},
                    within(EXACT));
            assertThat(layer.runningVariance()).as("running variance after inference")
                    .containsExactly(new double[] {1.1}, within(EXACT));
        }

        @Test
        @Order(4)
        @DisplayName("in training the output equals BatchNorm.forward with the layer's γ, β and ε")
        void trainingMatchesFunctionalForward() {
            qt().withExamples(100)
                    .forAll(problems().assuming(p -> valuesPerChannel(p.x()) >= 2))
                    .checkAssert(p -> {
                        BatchNorm.Layer layer = new BatchNorm.Layer(p.gamma(), p.beta(), EPS, 0.1);

                        assertTensorClose("training output vs BatchNorm.forward", layer.forward(p.x(), true),
                                BatchNorm.forward(p.x(), p.gamma(), p.beta(), EPS), PROPERTY);
                    });
        }

        @Test
        @Order(5)
        @DisplayName("in inference every sample is normalised on its own: the batch around it does not matter")
        void inferenceIsPerSample() {
            qt().withExamples(100)
                    .forAll(problems().assuming(p -> valuesPerChannel(p.x()) >= 2))
                    .checkAssert(p -> {
                        BatchNorm.Layer layer = new BatchNorm.Layer(p.gamma(), p.beta(), EPS, 0.1);
                        layer.forward(p.x(), true);

                        double[][][][] batch = layer.forward(p.x(), false);
                        for (int b = 0; b < p.x().length; b++) {
                            double[][][][] alone = layer.forward(new double[][][][] {p.x()[b]}, false);
                            assertTensorClose("sample " + b + " in inference, alone vs in its batch", alone,
                                    new double[][][][] {batch[b]}, EXACT);
                        }
                    });
        }

        @Test
        @Order(6)
        @DisplayName("runningMean() and runningVariance() return copies")
        void runningStatisticsAreCopies() {
            BatchNorm.Layer layer = new BatchNorm.Layer(1);
            layer.runningMean()[0] = 5;
            layer.runningVariance()[0] = 5;

            assertThat(layer.runningMean()).as("running mean after changing a returned copy").containsExactly(0);
            assertThat(layer.runningVariance()).as("running variance after changing a returned copy")
                    .containsExactly(1);
        }

        @ParameterizedTest(name = "{0}")
        @Order(7)
        @FieldSource("TORCH_LAYER_CASES")
        @DisplayName("matches PyTorch nn.BatchNorm2d step by step (outputs and running statistics)")
        void matchesTorchBatchNorm2d(BatchNormOracle.LayerCase c) {
            BatchNorm.Layer layer = new BatchNorm.Layer(c.gamma(), c.beta(), c.epsilon(), c.momentum());
            for (int i = 0; i < c.steps().length; i++) {
                BatchNormOracle.Step step = c.steps()[i];
                String what = String.format("%s, step %d (%s)", c.name(), i, step.training() ? "training" : "eval");

                assertTensorClose("output of " + what, layer.forward(step.x(), step.training()), step.y(), REPLAY);
                assertVectorClose("running mean after " + what, layer.runningMean(), step.runningMean(), REPLAY);
                assertVectorClose("running variance after " + what, layer.runningVariance(),
                        step.runningVariance(), REPLAY);
            }
        }

        @Test
        @Order(8)
        @DisplayName("bad layer arguments are rejected with messages naming them")
        void badLayerArguments() {
            double[] one = {1};
            assertRejects(IllegalArgumentException.class, "new Layer(0)",
                    () -> new BatchNorm.Layer(0), "channels");
            assertRejects(NullPointerException.class, "new Layer(null, one, EPS, 0.1)",
                    () -> new BatchNorm.Layer(null, one, EPS, 0.1), "gamma");
            assertRejects(IllegalArgumentException.class, "new Layer(one, new double[2], EPS, 0.1)",
                    () -> new BatchNorm.Layer(one, new double[2], EPS, 0.1), "beta");
            assertRejects(IllegalArgumentException.class, "new Layer(one, one, 0, 0.1)",
                    () -> new BatchNorm.Layer(one, one, 0, 0.1), "epsilon");
            for (double momentum : new double[] {-0.1, 1.5, Double.NaN}) {
                assertRejects(IllegalArgumentException.class, "new Layer(one, one, EPS, " + momentum + ")",
                        () -> new BatchNorm.Layer(one, one, EPS, momentum), "momentum");
            }
        }

        @Test
        @Order(9)
        @DisplayName("x must have the layer's channels, and training needs at least 2 values per channel")
        void badLayerInput() {
            BatchNorm.Layer layer = new BatchNorm.Layer(2);

            assertRejects(IllegalArgumentException.class, "layer.forward(tensor(1, 2), true)",
                    () -> layer.forward(tensor(1, 2), true), "x");
            assertRejects(IllegalArgumentException.class, "layer.forward({{{{1}}, {{2}}}}, true)",
                    () -> layer.forward(new double[][][][] {{{{1}}, {{2}}}}, true), "x");
            assertRejects(NullPointerException.class, "layer.forward(null, false)",
                    () -> layer.forward(null, false), "x");
        }

        @Test
        @Order(10)
        @DisplayName("mistake: running variance must be the unbiased batch variance, as in PyTorch")
        void runningVarianceUnbiased() {
            BatchNorm.Layer layer = new BatchNorm.Layer(1);

            layer.forward(tensor(0, 2), true);

            assertThat(layer.runningVariance()[0])
                    .as("running variance after one step on [0, 2] is %s, not 0.9·1 + 0.1·2 = 1.1: the running"
                            + " variance takes the unbiased batch variance (÷ (n − 1)), while the output uses the"
                            + " population variance (÷ n)", layer.runningVariance()[0])
                    .isCloseTo(1.1, within(EXACT));
        }

        @Test
        @Order(11)
        @DisplayName("mistake: momentum weights the new batch, (1 − momentum) the old running value")
        void momentumWeighsTheNewBatch() {
            BatchNorm.Layer layer = new BatchNorm.Layer(1);

            layer.forward(tensor(9, 11), true);

            assertThat(layer.runningMean()[0])
                    .as("running mean after one step on a batch with mean 10 is %s, not 0.9·0 + 0.1·10 = 1: in"
                            + " PyTorch's convention momentum is the weight of the NEW batch statistic",
                            layer.runningMean()[0])
                    .isCloseTo(1.0, within(EXACT));
        }

        @Test
        @Order(12)
        @DisplayName("mistake: inference must use the running statistics, not the batch's")
        void inferenceUsesRunningStatistics() {
            BatchNorm.Layer layer = new BatchNorm.Layer(1);

            double[][][][] y = layer.forward(tensor(0, 2), false);

            double scale = 1 / Math.sqrt(1 + EPS);
            assertTensorClose("inference on a fresh layer must compute (x − 0)/√(1 + ε): in eval mode batch norm"
                    + " uses the running mean and variance, so an output never depends on the rest of the batch",
                    y, tensor(0, 2 * scale), EXACT);
        }

        @Test
        @Order(13)
        @DisplayName("momentum 0 freezes the running statistics")
        void momentumZeroFreezesRunningStatistics() {
            BatchNorm.Layer layer = new BatchNorm.Layer(new double[] {1}, new double[] {0}, EPS, 0);

            layer.forward(tensor(9, 11), true);

            assertThat(layer.runningMean()).as("running mean after a training step with momentum 0")
                    .containsExactly(0);
            assertThat(layer.runningVariance()).as("running variance after a training step with momentum 0")
                    .containsExactly(1);
        }

        @Test
        @Order(14)
        @DisplayName("the layer keeps its own copies of gamma and beta")
        void layerCopiesGammaAndBeta() {
            double[] gamma = {2};
            double[] beta = {0.5};
            BatchNorm.Layer layer = new BatchNorm.Layer(gamma, beta, EPS, 0.1);
            gamma[0] = 100;
            beta[0] = 100;

            double[][][][] y = layer.forward(tensor(0, 2), true);

            double expected = 2 / Math.sqrt(1 + EPS);
            assertTensorClose("training output after the caller changed the gamma and beta it passed in: copy them"
                    + " in the constructor", y, tensor(0.5 - expected, 0.5 + expected), EXACT);
        }

        @Test
        @Order(15)
        @DisplayName("forward leaves x unchanged and returns a new tensor, in training and in inference")
        void layerLeavesXUnchanged() {
            qt().withExamples(100)
                    .forAll(problems().assuming(p -> valuesPerChannel(p.x()) >= 2), booleans().all())
                    .checkAssert((p, training) -> {
                        BatchNorm.Layer layer = new BatchNorm.Layer(p.gamma(), p.beta(), EPS, 0.1);
                        double[][][][] x = deepCopy(p.x());

                        double[][][][] y = layer.forward(p.x(), training);

                        assertThat(p.x()).as("x after forward(x, %s)", training).isDeepEqualTo(x);
                        assertThat(y).as("the result of forward(x, %s) must be a new tensor", training)
                                .isNotSameAs(p.x());
                    });
        }

        @Test
        @Order(16)
        @DisplayName("an empty gamma, a null beta, a NaN γ and a NaN, infinite or negative ε are rejected")
        void moreBadLayerArguments() {
            double[] one = {1};
            assertRejects(IllegalArgumentException.class, "new Layer(new double[0], new double[0], EPS, 0.1)",
                    () -> new BatchNorm.Layer(new double[0], new double[0], EPS, 0.1), "gamma");
            assertRejects(NullPointerException.class, "new Layer(one, null, EPS, 0.1)",
                    () -> new BatchNorm.Layer(one, null, EPS, 0.1), "beta");
            assertRejects(IllegalArgumentException.class, "new Layer({NaN}, one, EPS, 0.1)",
                    () -> new BatchNorm.Layer(new double[] {Double.NaN}, one, EPS, 0.1), "gamma");
            for (double epsilon : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e-5}) {
                assertRejects(IllegalArgumentException.class, "new Layer(one, one, " + epsilon + ", 0.1)",
                        () -> new BatchNorm.Layer(one, one, epsilon, 0.1), "epsilon");
            }
        }
    }

    /** A batch-norm problem: x with extents in [1, 3] and entries in [−10, 10], γ and β in [−3, 3]. */
    record Problem(double[][][][] x, double[] gamma, double[] beta) {
        @Override
        public String toString() {
            return "x " + Arrays.deepToString(x) + ", γ " + Arrays.toString(gamma) + ", β " + Arrays.toString(beta);
        }
    }

    private static Gen<Problem> problems() {
        Gen<double[][][][]> tensors = Gens.tensors4(1, 3, -10, 10);
        Gen<Double> affine = Gens.values(-3, 3);
        return in -> {
            double[][][][] x = tensors.generate(in);
            double[] gamma = new double[x[0].length];
            double[] beta = new double[x[0].length];
            for (int c = 0; c < gamma.length; c++) {
                gamma[c] = affine.generate(in);
                beta[c] = affine.generate(in);
            }
            return new Problem(x, gamma, beta);
        };
    }

    /** A 1×1×1×n tensor: one sample, one channel, one row. */
    private static double[][][][] tensor(double... row) {
        return new double[][][][] {{{row}}};
    }

    private static double[] filled(int length, double value) {
        double[] v = new double[length];
        Arrays.fill(v, value);
        return v;
    }

    private static int valuesPerChannel(double[][][][] x) {
        return x.length * x[0][0].length * x[0][0][0].length;
    }

    /** All values of channel c, over batch, height and width. */
    private static double[] channel(double[][][][] x, int c) {
        return Arrays.stream(x).flatMap(sample -> Arrays.stream(sample[c])).flatMapToDouble(Arrays::stream)
                .toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }

    private static double populationVariance(double[] v) {
        double m = mean(v);
        return Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / v.length;
    }

    /** Compares two B×C×H×W tensors plane by plane, naming the first plane that differs. */
    private static void assertTensorClose(String what, double[][][][] actual, double[][][][] expected,
                                          double tolerance) {
        assertThat(actual).as("%s: the result must not be null", what).isNotNull();
        assertThat(actual.length).as("%s: batch size", what).isEqualTo(expected.length);
        for (int b = 0; b < expected.length; b++) {
            assertThat(actual[b].length).as("%s: channels of sample %d", what, b).isEqualTo(expected[b].length);
            for (int c = 0; c < expected[b].length; c++) {
                assertMatrixClose(String.format("%s%n(sample %d, channel %d)", what, b, c), actual[b][c],
                        expected[b][c], tolerance);
            }
        }
    }
}
