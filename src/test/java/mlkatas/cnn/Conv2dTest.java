package mlkatas.cnn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("6.1 Conv2d: 2-D convolution (cross-correlation) with padding and stride")
class Conv2dTest {

    /** Sums of a few products of small integers or one-decimal numbers: exact up to a few ulps. */
    private static final double EXACT = 1e-12;
    /**
     * Linearity and shift checks compare sums of up to 25 products of entries in [−10, 10] (values up to
     * ~2500) computed in different orders: rounding is below 1e-11.
     */
    private static final double ROUNDING = 1e-9;
    /** PyTorch sums the same products in another order; entries are at most ~100 in size. */
    private static final double REPLAY = 1e-10;

    /** The 5×5 input 1..25 of Deep-ML's examples. */
    private static final double[][] ONE_TO_25 = {
        {1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {11, 12, 13, 14, 15}, {16, 17, 18, 19, 20}, {21, 22, 23, 24, 25}};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("a kernel the size of the input gives one number: the dot product, kernel not flipped")
        void kernelAsLargeAsInput() {
            double[][] out = Conv2d.conv2d(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0, 1}, {0, 0}}, 0, 1);

            // 1·0 + 2·1 + 3·0 + 4·0 = 2 (a flipped kernel would pick the 3).
            assertMatrixClose("output", out, new double[][] {{2}}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML: 5×5 input 1..25, kernel [[1, 2], [3, −1]], padding 0, stride 1 → 4×4")
        void deepMlNoPadding() {
            double[][] out = Conv2d.conv2d(ONE_TO_25, new double[][] {{1, 2}, {3, -1}}, 0, 1);

            // Top-left: 1·1 + 2·2 + 3·6 − 1·7 = 16.
            assertMatrixClose("output", out, new double[][] {
                {16, 21, 26, 31}, {41, 46, 51, 56}, {66, 71, 76, 81}, {91, 96, 101, 106}}, EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("zero padding 1 keeps a 3×3 input 3×3: a 3×3 kernel of ones counts neighbours")
        void samePadding() {
            double[][] ones = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};

            double[][] out = Conv2d.conv2d(ones, ones, 1, 1);

            assertMatrixClose("output", out, new double[][] {{4, 6, 4}, {6, 9, 6}, {4, 6, 4}}, EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML: same input, kernel [[0.5, 3.2], [1, −1]], padding 2, stride 2 → 4×4")
        void deepMlPaddingAndStride() {
            double[][] out = Conv2d.conv2d(ONE_TO_25, new double[][] {{0.5, 3.2}, {1, -1}}, 2, 2);

            // (5 + 4 − 2)/2 + 1 = 4 per side; the first row and column see only padding.
            assertMatrixClose("output", out, new double[][] {
                {0, 0, 0, 0}, {0, 5.9, 13.3, 12.5}, {0, 42.9, 50.3, 27.5}, {0, 80.9, 88.3, 12.5}}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("a 1×1 kernel of 1 returns the input")
        void identityKernel() {
            qt().withExamples(100).forAll(Gens.matrices(1, 6, 1, 6, -10, 10)).checkAssert(x ->
                    assertMatrixClose("x ⋆ [[1]]", Conv2d.conv2d(x, new double[][] {{1}}, 0, 1), x, 0.0));
        }

        @Test
        @DisplayName("linear in the kernel: x ⋆ (a·K1 + b·K2) = a·(x ⋆ K1) + b·(x ⋆ K2)")
        void linearInKernel() {
            qt().withExamples(100)
                    .forAll(Gens.matrices(5, 6, -10, 10), Gens.matrices(3, 2, -1, 1), Gens.matrices(3, 2, -1, 1),
                            Gens.values(-3, 3))
                    .checkAssert((x, k1, k2, a) -> {
                        double b = 0.5;
                        double[][] combined = Conv2d.conv2d(x, combine(a, k1, b, k2), 1, 2);
                        double[][] separate = combine(a, Conv2d.conv2d(x, k1, 1, 2), b, Conv2d.conv2d(x, k2, 1, 2));

                        assertMatrixClose("x ⋆ (a·K1 + b·K2) vs a·(x ⋆ K1) + b·(x ⋆ K2)", combined, separate,
                                ROUNDING);
                    });
        }

        @Test
        @DisplayName("linear in the input: (a·x1 + b·x2) ⋆ K = a·(x1 ⋆ K) + b·(x2 ⋆ K)")
        void linearInInput() {
            qt().withExamples(100)
                    .forAll(Gens.matrices(4, 5, -10, 10), Gens.matrices(4, 5, -10, 10), Gens.matrices(2, 3, -1, 1),
                            Gens.values(-3, 3))
                    .checkAssert((x1, x2, k, a) -> {
                        double b = -2;
                        double[][] combined = Conv2d.conv2d(combine(a, x1, b, x2), k, 2, 1);
                        double[][] separate = combine(a, Conv2d.conv2d(x1, k, 2, 1), b, Conv2d.conv2d(x2, k, 2, 1));

                        assertMatrixClose("(a·x1 + b·x2) ⋆ K vs a·(x1 ⋆ K) + b·(x2 ⋆ K)", combined, separate,
                                ROUNDING);
                    });
        }

        @Test
        @DisplayName("shifting the input by one pixel shifts the output (stride 1, no padding)")
        void shiftEquivariant() {
            qt().withExamples(100)
                    .forAll(Gens.matrices(3, 7, 3, 7, -10, 10), Gens.matrices(1, 3, 1, 3, -1, 1))
                    .checkAssert((x, k) -> {
                        double[][] out = Conv2d.conv2d(x, k, 0, 1);
                        // Drop the first row and the first column: the image moves up and left by one pixel.
                        double[][] shifted = new double[x.length - 1][];
                        for (int i = 1; i < x.length; i++) {
                            shifted[i - 1] = Arrays.copyOfRange(x[i], 1, x[i].length);
                        }
                        if (shifted.length < k.length || shifted[0].length < k[0].length) {
                            return;
                        }

                        double[][] shiftedOut = Conv2d.conv2d(shifted, k, 0, 1);

                        double[][] expected = new double[out.length - 1][];
                        for (int i = 1; i < out.length; i++) {
                            expected[i - 1] = Arrays.copyOfRange(out[i], 1, out[i].length);
                        }
                        assertMatrixClose("output of the shifted input vs the shifted output", shiftedOut, expected,
                                ROUNDING);
                    });
        }

        @Test
        @DisplayName("the output is ⌊(H + 2P − K)/S⌋ + 1 by ⌊(W + 2P − K)/S⌋ + 1")
        void outputShape() {
            Gen<int[]> shapes = integers().between(1, 9).zip(integers().between(1, 9), integers().between(1, 5),
                    integers().between(1, 5), (h, w, kh, kw) -> new int[] {h, w, kh, kw});
            qt().withExamples(150)
                    .forAll(shapes, integers().between(0, 3), integers().between(1, 4))
                    .assuming((s, p, stride) -> s[2] <= s[0] + 2 * p && s[3] <= s[1] + 2 * p)
                    .checkAssert((s, p, stride) -> {
                        double[][] out = Conv2d.conv2d(new double[s[0]][s[1]], new double[s[2]][s[3]], p, stride);

                        int expectedHeight = (s[0] + 2 * p - s[2]) / stride + 1;
                        int expectedWidth = (s[1] + 2 * p - s[3]) / stride + 1;
                        assertThat(out).as("output of a %dx%d input, %dx%d kernel, padding %d, stride %d", s[0], s[1],
                                s[2], s[3], p, stride).hasDimensions(expectedHeight, expectedWidth);
                    });
        }

        @Test
        @DisplayName("the input and kernel are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(100)
                    .forAll(Gens.matrices(4, 5, -10, 10), Gens.matrices(2, 3, -1, 1))
                    .checkAssert((x, k) -> {
                        double[][] xCopy = deepCopy(x);
                        double[][] kCopy = deepCopy(k);

                        Conv2d.conv2d(x, k, 1, 2);

                        assertThat(x).as("input after the call").isDeepEqualTo(xCopy);
                        assertThat(k).as("kernel after the call").isDeepEqualTo(kCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final Conv2dOracle.Case[] TORCH_CASES = Conv2dOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("matches torch.nn.functional.conv2d")
        void matchesTorch(Conv2dOracle.Case c) {
            double[][] out = Conv2d.conv2d(c.input(), c.kernel(), c.padding(), c.stride());

            assertMatrixClose(c.name(), out, c.output(), REPLAY);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a kernel exactly as large as the padded input gives a 1×1 output")
        void kernelFillsPaddedInput() {
            double[][] kernel = {{1, 1, 1}, {1, 2, 1}, {1, 1, 1}};

            double[][] out = Conv2d.conv2d(new double[][] {{5}}, kernel, 1, 1);

            assertMatrixClose("output", out, new double[][] {{10}}, EXACT);
        }

        @Test
        @DisplayName("a stride larger than the output range takes only the first position")
        void hugeStride() {
            double[][] out = Conv2d.conv2d(ONE_TO_25, new double[][] {{1}}, 0, 10);

            assertMatrixClose("output", out, new double[][] {{1}}, EXACT);
        }

        @Test
        @DisplayName("null input or kernel, or a null row, is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "Conv2d.conv2d(null, {{1}}, 0, 1)",
                    () -> Conv2d.conv2d(null, new double[][] {{1}}, 0, 1), "input");
            assertRejects(NullPointerException.class, "Conv2d.conv2d(ONE_TO_25, (double[][]) null, 0, 1)",
                    () -> Conv2d.conv2d(ONE_TO_25, (double[][]) null, 0, 1), "kernel");
            assertRejects(NullPointerException.class, "Conv2d.conv2d({{1, 2}, null}, {{1}}, 0, 1)",
                    () -> Conv2d.conv2d(new double[][] {{1, 2}, null}, new double[][] {{1}}, 0, 1), "input[1]");
            assertRejects(NullPointerException.class, "Conv2d.conv2d(ONE_TO_25, {{1}, null}, 0, 1)",
                    () -> Conv2d.conv2d(ONE_TO_25, new double[][] {{1}, null}, 0, 1), "kernel[1]");
        }

        @Test
        @DisplayName("empty or ragged matrices are rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(new double[0][], {{1}}, 0, 1)",
                    () -> Conv2d.conv2d(new double[0][], new double[][] {{1}}, 0, 1), "input");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d({{1, 2}, {3}}, {{1}}, 0, 1)",
                    () -> Conv2d.conv2d(new double[][] {{1, 2}, {3}}, new double[][] {{1}}, 0, 1), "input");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(ONE_TO_25, {{1, 2}, {3}}, 0, 1)",
                    () -> Conv2d.conv2d(ONE_TO_25, new double[][] {{1, 2}, {3}}, 0, 1), "kernel");
        }

        @Test
        @DisplayName("matrices whose rows are empty are rejected, even where the kernel would fit")
        void emptyRows() {
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d({{}}, {{1}}, 1, 1)",
                    () -> Conv2d.conv2d(new double[][] {{}}, new double[][] {{1}}, 1, 1), "input");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(ONE_TO_25, {{}, {}}, 0, 1)",
                    () -> Conv2d.conv2d(ONE_TO_25, new double[][] {{}, {}}, 0, 1), "kernel");
        }

        @ParameterizedTest(name = "{0}x{1} kernel, padding {2} on a 5×5 input")
        @CsvSource({"6, 1, 0", "1, 6, 0", "8, 8, 1"})
        @DisplayName("a kernel larger than the padded input is rejected")
        void kernelTooLarge(int kh, int kw, int padding) {
            assertRejects(IllegalArgumentException.class,
                    "Conv2d.conv2d(ONE_TO_25, new double[" + kh + "][" + kw + "], " + padding + ", 1)",
                    () -> Conv2d.conv2d(ONE_TO_25, new double[kh][kw], padding, 1), "kernel");
        }

        @Test
        @DisplayName("padding must be ≥ 0 and stride ≥ 1")
        void badPaddingAndStride() {
            double[][] k = {{1}};
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(ONE_TO_25, k, -1, 1)",
                    () -> Conv2d.conv2d(ONE_TO_25, k, -1, 1), "padding");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(ONE_TO_25, k, 0, 0)",
                    () -> Conv2d.conv2d(ONE_TO_25, k, 0, 0), "stride");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(ONE_TO_25, k, 0, -2)",
                    () -> Conv2d.conv2d(ONE_TO_25, k, 0, -2), "stride");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("kernel flipped: deep-learning convolution does not flip the kernel")
        void kernelFlipped() {
            double[][] out = Conv2d.conv2d(ONE_TO_25, new double[][] {{1, 0}, {0, 0}}, 0, 1);

            assertMatrixClose("a kernel with a single 1 in its top-left corner must copy the top-left of each"
                    + " window (input[i][j]); picking input[i+1][j+1] means the kernel was flipped (true"
                    + " convolution). Conv layers compute a cross-correlation: Σ input[i+a][j+b]·kernel[a][b]",
                    out, new double[][] {{1, 2, 3, 4}, {6, 7, 8, 9}, {11, 12, 13, 14}, {16, 17, 18, 19}}, EXACT);
        }

        @ParameterizedTest(name = "{0}×{0} input, {1}×{1} kernel, padding {2}, stride {3} → {4}×{4}")
        @CsvSource({"5, 3, 0, 2, 2", "7, 3, 0, 1, 5", "6, 2, 1, 2, 4", "4, 4, 0, 1, 1"})
        @DisplayName("off-by-one output size: ⌊(H + 2P − K)/S⌋ + 1")
        void outputSizeOffByOne(int size, int kernelSize, int padding, int stride, int expected) {
            double[][] out = Conv2d.conv2d(new double[size][size], new double[kernelSize][kernelSize], padding,
                    stride);

            assertThat(out.length)
                    .as("output height for H %d, K %d, P %d, S %d: the number of kernel positions is"
                            + " ⌊(H + 2P − K)/S⌋ + 1 (the +1 counts the first position)", size, kernelSize, padding,
                            stride)
                    .isEqualTo(expected);
            assertThat(out[0].length).as("output width").isEqualTo(expected);
        }

        @Test
        @DisplayName("padding on one side only: P zeros go on every side, top and bottom, left and right")
        void paddingOnOneSide() {
            double[][] ones = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};

            double[][] out = Conv2d.conv2d(ones, ones, 1, 1);

            assertMatrixClose("a 3×3 kernel of ones over a 3×3 input of ones with padding 1 must be symmetric"
                    + " ([[4,6,4],[6,9,6],[4,6,4]]); a lopsided result means the padding went on one side only."
                    + " Row r of the padded input is input row r − P", out,
                    new double[][] {{4, 6, 4}, {6, 9, 6}, {4, 6, 4}}, EXACT);
        }

        @Test
        @DisplayName("stride not applied: the window for output (i, j) starts at input (i·S, j·S)")
        void strideIgnoredInIndexing() {
            double[][] out = Conv2d.conv2d(ONE_TO_25, new double[][] {{1}}, 0, 2);

            assertMatrixClose("a 1×1 kernel of 1 with stride 2 must pick every second pixel; the window for"
                    + " output (i, j) starts at input row i·S and column j·S", out,
                    new double[][] {{1, 3, 5}, {11, 13, 15}, {21, 23, 25}}, EXACT);
        }
    }

    @Nested
    @Tag("partB")
    @Order(6)
    @DisplayName("Part B: several input and output channels")
    class PartB {

        /** Two 2×2 channels. */
        private static final double[][][] TWO_CHANNELS = {{{1, 2}, {3, 4}}, {{0, 1}, {1, 0}}};

        @Test
        @Order(1)
        @DisplayName("1×1 kernels mix channels: output[o] = Σ_c kernels[o][c]·input[c]")
        void oneByOneKernels() {
            double[][][][] kernels = {{{{1}}, {{2}}}, {{{0}}, {{-1}}}};

            double[][][] out = Conv2d.conv2d(TWO_CHANNELS, kernels, 0, 1);

            assertThat(out).as("number of output channels").hasNumberOfRows(2);
            assertMatrixClose("output channel 0 = 1·input[0] + 2·input[1]", out[0],
                    new double[][] {{1, 4}, {5, 4}}, EXACT);
            assertMatrixClose("output channel 1 = −input[1]", out[1], new double[][] {{0, -1}, {-1, 0}}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("channels are summed: 2×2 kernels of ones over both channels give 10 + 2")
        void channelsSummedNotAveraged() {
            double[][][][] kernels = {{{{1, 1}, {1, 1}}, {{1, 1}, {1, 1}}}};

            double[][][] out = Conv2d.conv2d(TWO_CHANNELS, kernels, 0, 1);

            assertMatrixClose("the input channels' contributions must be added (1+2+3+4 + 0+1+1+0 = 12), not"
                    + " averaged or taken from one channel", out[0], new double[][] {{12}}, EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("one input channel and one kernel is the single-channel convolution")
        void singleChannelAgrees() {
            double[][] kernel = {{1, 2}, {3, -1}};

            double[][][] out = Conv2d.conv2d(new double[][][] {ONE_TO_25}, new double[][][][] {{kernel}}, 1, 2);

            assertMatrixClose("one channel in and out", out[0], Conv2d.conv2d(ONE_TO_25, kernel, 1, 2), EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("each output channel is the sum of the per-channel convolutions")
        void sumOfSingleChannelConvolutions() {
            qt().withExamples(100)
                    .forAll(Gens.tensors3(3, 5, 4, -10, 10), Gens.tensors4(2, 3, 2, 3, -1, 1))
                    .checkAssert((x, kernels) -> {
                        double[][][] out = Conv2d.conv2d(x, kernels, 1, 1);

                        for (int o = 0; o < kernels.length; o++) {
                            double[][] expected = Conv2d.conv2d(x[0], kernels[o][0], 1, 1);
                            for (int c = 1; c < x.length; c++) {
                                expected = combine(1, expected, 1, Conv2d.conv2d(x[c], kernels[o][c], 1, 1));
                            }
                            assertMatrixClose("output channel " + o, out[o], expected, ROUNDING);
                        }
                    });
        }

        static final Conv2dOracle.MultiCase[] TORCH_MULTI_CASES = Conv2dOracle.MULTI_CASES;

        @ParameterizedTest(name = "{0}")
        @Order(5)
        @FieldSource("TORCH_MULTI_CASES")
        @DisplayName("matches torch.nn.functional.conv2d with several channels")
        void matchesTorch(Conv2dOracle.MultiCase c) {
            double[][][] out = Conv2d.conv2d(c.input(), c.kernels(), c.padding(), c.stride());

            assertThat(out).as("number of output channels").hasNumberOfRows(c.output().length);
            for (int o = 0; o < out.length; o++) {
                assertMatrixClose(c.name() + ", output channel " + o, out[o], c.output()[o], REPLAY);
            }
        }

        @Test
        @Order(6)
        @DisplayName("a kernel whose input-channel count differs from the input's is rejected")
        void channelMismatch() {
            double[][][][] threeChannelKernel = {{{{1}}, {{1}}, {{1}}}};

            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(TWO_CHANNELS, threeChannelKernel, 0, 1)",
                    () -> Conv2d.conv2d(TWO_CHANNELS, threeChannelKernel, 0, 1), "kernels");
        }

        @Test
        @Order(7)
        @DisplayName("channels of different sizes, kernels of different sizes and empty tensors are rejected")
        void badShapes() {
            double[][][][] oneByOne = {{{{1}}, {{1}}}};
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d({{{1, 2}}, {{1}}}, oneByOne, 0, 1)",
                    () -> Conv2d.conv2d(new double[][][] {{{1, 2}}, {{1}}}, oneByOne, 0, 1), "input");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(TWO_CHANNELS, {{{{1}}, {{1, 1}}}}, 0, 1)",
                    () -> Conv2d.conv2d(TWO_CHANNELS, new double[][][][] {{{{1}}, {{1, 1}}}}, 0, 1), "kernels");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(new double[0][][], oneByOne, 0, 1)",
                    () -> Conv2d.conv2d(new double[0][][], oneByOne, 0, 1), "input");
            assertRejects(IllegalArgumentException.class, "Conv2d.conv2d(TWO_CHANNELS, new double[0][][][], 0, 1)",
                    () -> Conv2d.conv2d(TWO_CHANNELS, new double[0][][][], 0, 1), "kernels");
            assertRejects(IllegalArgumentException.class,
                    "Conv2d.conv2d(TWO_CHANNELS, {{new double[3][3], new double[3][3]}}, 0, 1)",
                    () -> Conv2d.conv2d(TWO_CHANNELS, new double[][][][] {{new double[3][3], new double[3][3]}}, 0,
                            1), "kernel");
        }

        @Test
        @Order(8)
        @DisplayName("null tensors are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "Conv2d.conv2d((double[][][]) null, {{{{1}}}}, 0, 1)",
                    () -> Conv2d.conv2d((double[][][]) null, new double[][][][] {{{{1}}}}, 0, 1), "input");
            assertRejects(NullPointerException.class, "Conv2d.conv2d(TWO_CHANNELS, (double[][][][]) null, 0, 1)",
                    () -> Conv2d.conv2d(TWO_CHANNELS, (double[][][][]) null, 0, 1), "kernels");
            assertRejects(NullPointerException.class, "Conv2d.conv2d({{{1}}, null}, {{{{1}}, {{1}}}}, 0, 1)",
                    () -> Conv2d.conv2d(new double[][][] {{{1}}, null}, new double[][][][] {{{{1}}, {{1}}}}, 0, 1),
                    "input[1]");
        }
    }

    private static double[][] combine(double a, double[][] x, double b, double[][] y) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = a * x[i][j] + b * y[i][j];
            }
        }
        return out;
    }
}
