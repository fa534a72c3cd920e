package mlkatas.cnn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("6.2 GlobalAveragePooling: one mean per channel")
class GlobalAveragePoolingTest {

    /** Means of a few small numbers: a few ulps. */
    private static final double EXACT = 1e-12;
    /**
     * Relative to the largest |entry|: a sum of at most 64 terms, then one division, summed in another order
     * than the comparison's (each addition rounds by at most one ulp of the running sum).
     */
    private static final double RELATIVE = 1e-12;

    /** 2×2×3 (H×W×C): Deep-ML's first example. */
    private static final double[][][] DEEP_ML = {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one pixel with two channels: [[[100, 200]]] → [100, 200]")
        void onePixel() {
            assertVectorClose("channel means", GlobalAveragePooling.poolHwc(new double[][][] {{{100, 200}}}),
                    new double[] {100, 200}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML: 2×2×3 map 1..12 → [5.5, 6.5, 7.5] (channel c averages x[i][j][c])")
        void deepMl() {
            // Channel 0 holds 1, 4, 7, 10 → 22/4 = 5.5.
            assertVectorClose("channel means", GlobalAveragePooling.poolHwc(DEEP_ML), new double[] {5.5, 6.5, 7.5},
                    EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: ones, 3×3×1 → [1]")
        void ones() {
            double[][][] ones = {{{1}, {1}, {1}}, {{1}, {1}, {1}}, {{1}, {1}, {1}}};

            assertVectorClose("channel means", GlobalAveragePooling.poolHwc(ones), new double[] {1}, EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("a batch in N×C×H×W: one row of channel means per sample")
        void batchChannelsFirst() {
            double[][][][] x = {
                {{{1, 2, 3}, {4, 5, 6}}, {{0, 0, 0}, {0, 0, 6}}},
                {{{-1, -1, -1}, {-1, -1, -1}}, {{10, 20, 30}, {40, 50, 60}}}};

            assertMatrixClose("N×C means", GlobalAveragePooling.poolNchw(x), new double[][] {{3.5, 1}, {-1, 35}},
                    EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("a constant map gives the constant in every channel")
        void constantMap() {
            qt().withExamples(200).forAll(Gens.tensors3(1, 6, 0, 0), Gens.values(-1e3, 1e3))
                    .checkAssert((shape, value) -> {
                        double[][][] x = fill(shape, value);
                        double[] expected = new double[shape[0][0].length];
                        Arrays.fill(expected, value);

                        assertVectorClose("means of a map filled with " + value, GlobalAveragePooling.poolHwc(x),
                                expected, RELATIVE * Math.abs(value));
                    });
        }

        @Test
        @DisplayName("linear: pool(a·x + b·y) = a·pool(x) + b·pool(y)")
        void linear() {
            qt().withExamples(200)
                    .forAll(Gens.tensors4(2, 3, 4, 5, -10, 10), Gens.tensors4(2, 3, 4, 5, -10, 10),
                            Gens.values(-5, 5), Gens.values(-5, 5))
                    .checkAssert((x, y, a, b) -> {
                        double[][][][] combined = new double[2][3][4][5];
                        for (int n = 0; n < 2; n++) {
                            for (int c = 0; c < 3; c++) {
                                for (int i = 0; i < 4; i++) {
                                    for (int j = 0; j < 5; j++) {
                                        combined[n][c][i][j] = a * x[n][c][i][j] + b * y[n][c][i][j];
                                    }
                                }
                            }
                        }
                        double[][] px = GlobalAveragePooling.poolNchw(x);
                        double[][] py = GlobalAveragePooling.poolNchw(y);
                        double[][] expected = new double[2][3];
                        for (int n = 0; n < 2; n++) {
                            for (int c = 0; c < 3; c++) {
                                expected[n][c] = a * px[n][c] + b * py[n][c];
                            }
                        }

                        assertMatrixClose("pool(a·x + b·y) vs a·pool(x) + b·pool(y)",
                                GlobalAveragePooling.poolNchw(combined), expected, RELATIVE * 100);
                    });
        }

        @Test
        @DisplayName("invariant to permuting the spatial positions")
        void permutationInvariant() {
            qt().withExamples(200).forAll(Gens.tensors3(1, 6, -100, 100), longs().all())
                    .checkAssert((x, seed) -> {
                        int height = x.length;
                        int width = x[0].length;
                        List<double[]> pixels = new ArrayList<>();
                        for (double[][] row : x) {
                            pixels.addAll(Arrays.asList(row));
                        }
                        Collections.shuffle(pixels, new Random(seed));
                        double[][][] shuffled = new double[height][width][];
                        for (int k = 0; k < pixels.size(); k++) {
                            shuffled[k / width][k % width] = pixels.get(k).clone();
                        }

                        assertVectorClose("means after shuffling the pixels", GlobalAveragePooling.poolHwc(shuffled),
                                GlobalAveragePooling.poolHwc(x), RELATIVE * 100);
                    });
        }

        @Test
        @DisplayName("the two layouts agree: poolNchw(x)[n] = poolHwc(x[n] transposed to H×W×C)")
        void layoutsAgree() {
            qt().withExamples(200).forAll(Gens.tensors4(1, 4, -100, 100)).checkAssert(x -> {
                double[][] nchw = GlobalAveragePooling.poolNchw(x);

                for (int n = 0; n < x.length; n++) {
                    assertVectorClose("sample " + n + " pooled from H×W×C", GlobalAveragePooling.poolHwc(toHwc(x[n])),
                            nchw[n], RELATIVE * 100);
                }
            });
        }

        @Test
        @DisplayName("the input is left unchanged")
        void inputUnchanged() {
            qt().withExamples(100).forAll(Gens.tensors4(1, 4, -100, 100)).checkAssert(x -> {
                String before = Arrays.deepToString(x);

                GlobalAveragePooling.poolNchw(x);
                GlobalAveragePooling.poolHwc(x[0]);

                assertThat(Arrays.deepToString(x)).as("x after the calls").isEqualTo(before);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final GlobalAveragePoolingOracle.NchwCase[] NCHW_CASES = GlobalAveragePoolingOracle.NCHW_CASES;
        static final GlobalAveragePoolingOracle.HwcCase[] HWC_CASES = GlobalAveragePoolingOracle.HWC_CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NCHW_CASES")
        @DisplayName("poolNchw matches torch.nn.functional.adaptive_avg_pool2d(x, 1)")
        void nchwMatchesTorch(GlobalAveragePoolingOracle.NchwCase c) {
            assertMatrixClose(c.name(), GlobalAveragePooling.poolNchw(c.x()), c.pooled(), RELATIVE * maxAbs(c.x()));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("HWC_CASES")
        @DisplayName("poolHwc matches adaptive_avg_pool2d of the map permuted to channels-first")
        void hwcMatchesTorch(GlobalAveragePoolingOracle.HwcCase c) {
            assertVectorClose(c.name(), GlobalAveragePooling.poolHwc(c.x()), c.pooled(),
                    RELATIVE * maxAbs(new double[][][][] {c.x()}));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a 1×1 map returns its pixel, in both layouts")
        void singlePixel() {
            assertVectorClose("H×W×C", GlobalAveragePooling.poolHwc(new double[][][] {{{-3, 7}}}),
                    new double[] {-3, 7}, 0.0);
            assertMatrixClose("N×C×H×W", GlobalAveragePooling.poolNchw(new double[][][][] {{{{-3}}, {{7}}}}),
                    new double[][] {{-3, 7}}, 0.0);
        }

        @Test
        @DisplayName("null input or a null sub-array is rejected with a NullPointerException naming x or x[i]")
        void nulls() {
            assertRejects(NullPointerException.class, "GlobalAveragePooling.poolHwc(null)",
                    () -> GlobalAveragePooling.poolHwc(null), "x");
            assertRejects(NullPointerException.class, "GlobalAveragePooling.poolNchw(null)",
                    () -> GlobalAveragePooling.poolNchw(null), "x");
            assertRejects(NullPointerException.class, "GlobalAveragePooling.poolHwc({{{1}}, null})",
                    () -> GlobalAveragePooling.poolHwc(new double[][][] {{{1}}, null}), "x[1]");
            assertRejects(NullPointerException.class, "GlobalAveragePooling.poolHwc({{{1}, null}})",
                    () -> GlobalAveragePooling.poolHwc(new double[][][] {{{1}, null}}), "x[0][1]");
            assertRejects(NullPointerException.class, "GlobalAveragePooling.poolNchw({{{{1}}}, null})",
                    () -> GlobalAveragePooling.poolNchw(new double[][][][] {{{{1}}}, null}), "x[1]");
        }

        @Test
        @DisplayName("empty dimensions are rejected")
        void empty() {
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolHwc(new double[0][][])",
                    () -> GlobalAveragePooling.poolHwc(new double[0][][]), "x");
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolHwc(new double[2][0][])",
                    () -> GlobalAveragePooling.poolHwc(new double[2][0][]), "x");
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolHwc(new double[2][2][0])",
                    () -> GlobalAveragePooling.poolHwc(new double[2][2][0]), "x");
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolNchw(new double[0][][][])",
                    () -> GlobalAveragePooling.poolNchw(new double[0][][][]), "x");
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolNchw(new double[1][0][][])",
                    () -> GlobalAveragePooling.poolNchw(new double[1][0][][]), "x");
        }

        @Test
        @DisplayName("poolNchw rejects maps with no rows or no columns, which have no mean")
        void emptyMaps() {
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolNchw(new double[1][2][0][])",
                    () -> GlobalAveragePooling.poolNchw(new double[1][2][0][]), "x");
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolNchw(new double[2][1][3][0])",
                    () -> GlobalAveragePooling.poolNchw(new double[2][1][3][0]), "x");
        }

        @Test
        @DisplayName("ragged tensors are rejected")
        void ragged() {
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolHwc({{{1, 2}, {3}}})",
                    () -> GlobalAveragePooling.poolHwc(new double[][][] {{{1, 2}, {3}}}), "x");
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolHwc({{{1}, {2}}, {{3}}})",
                    () -> GlobalAveragePooling.poolHwc(new double[][][] {{{1}, {2}}, {{3}}}), "x");
            assertRejects(IllegalArgumentException.class,
                    "GlobalAveragePooling.poolNchw({{{{1}}}, {{{1}}, {{2}}}})",
                    () -> GlobalAveragePooling.poolNchw(new double[][][][] {{{{1}}}, {{{1}}, {{2}}}}), "x");
            assertRejects(IllegalArgumentException.class, "GlobalAveragePooling.poolNchw({{{{1, 2}}, {{3}}}})",
                    () -> GlobalAveragePooling.poolNchw(new double[][][][] {{{{1, 2}}, {{3}}}}), "x");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("wrong axes: H×W×C is channels-last, so x[i] is a row of pixels, not a channel")
        void wrongAxesHwc() {
            // H = 2, W = 3, C = 4: channel c of pixel (i, j) is 10·c + 3·i + j.
            double[][][] x = new double[2][3][4];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int c = 0; c < 4; c++) {
                        x[i][j][c] = 10 * c + 3 * i + j;
                    }
                }
            }

            assertVectorClose("a 2×3×4 (H×W×C) map must give 4 channel means [2.5, 12.5, 22.5, 32.5]: averaging"
                    + " x[c][·][·] reads the map as channels-first. In H×W×C the channel is the last index,"
                    + " out[c] = mean over i, j of x[i][j][c]", GlobalAveragePooling.poolHwc(x),
                    new double[] {2.5, 12.5, 22.5, 32.5}, EXACT);
        }

        @Test
        @DisplayName("wrong axes in N×C×H×W: the channel is the second index, the pixels the last two")
        void wrongAxesNchw() {
            // One sample, C = 2, H = 1, W = 3.
            double[][][][] x = {{{{1, 2, 3}}, {{10, 20, 30}}}};

            assertMatrixClose("one sample with 2 channels of 1×3 must give [[2, 20]]: out[n][c] is the mean of"
                    + " x[n][c][·][·]", GlobalAveragePooling.poolNchw(x), new double[][] {{2, 20}}, EXACT);
        }

        @Test
        @DisplayName("dividing by H only: the mean is over H·W positions")
        void dividedByHeightOnly() {
            // H = 2, W = 4, one channel of ones: the sum is 8, the mean 1.
            double[][][] ones = new double[2][4][1];
            for (double[][] row : ones) {
                for (double[] pixel : row) {
                    pixel[0] = 1;
                }
            }

            assertVectorClose("a 2×4 map of ones must average to 1; 4 means the sum was divided by H = 2 (or 2 by"
                    + " W = 4). Divide by H·W", GlobalAveragePooling.poolHwc(ones), new double[] {1}, EXACT);
        }

        @Test
        @DisplayName("samples mixed: each sample in the batch is pooled on its own")
        void samplesPooledSeparately() {
            double[][][][] x = {{{{1, 1}}}, {{{5, 5}}}};

            assertMatrixClose("two samples with means 1 and 5 must stay [[1], [5]]: pooling is over H and W"
                    + " only, never over the batch", GlobalAveragePooling.poolNchw(x), new double[][] {{1}, {5}},
                    EXACT);
        }
    }

    private static double[][][] fill(double[][][] shape, double value) {
        double[][][] x = new double[shape.length][shape[0].length][shape[0][0].length];
        for (double[][] row : x) {
            for (double[] pixel : row) {
                Arrays.fill(pixel, value);
            }
        }
        return x;
    }

    private static double[][][] toHwc(double[][][] chw) {
        int channels = chw.length;
        int height = chw[0].length;
        int width = chw[0][0].length;
        double[][][] hwc = new double[height][width][channels];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    hwc[i][j][c] = chw[c][i][j];
                }
            }
        }
        return hwc;
    }

    private static double maxAbs(double[][][][] x) {
        double max = 0;
        for (double[][][] sample : x) {
            for (double[][] plane : sample) {
                for (double[] row : plane) {
                    for (double v : row) {
                        max = Math.max(max, Math.abs(v));
                    }
                }
            }
        }
        return max;
    }
}
