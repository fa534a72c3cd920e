package mlkatas.transformer;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("8.3 PositionalEncoding: sinusoidal position encodings")
class PositionalEncodingTest {

    /** Deep-ML returns float16, whose values are only good to about 1e-3 near 1. */
    private static final double FLOAT16 = 1e-3;
    /** sin and cos of the same angle in the test: only the last bits can differ. */
    private static final double EXACT = 1e-12;
    /**
     * Angles here reach about 100 rad; forming them in another order (pos·ω vs pos/10000^x, another pow)
     * changes them by a few ulps, about 1e-14, which sin and cos pass on unchanged.
     */
    private static final double ANGLE_ROUNDING = 1e-11;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("position 0 in 4 dimensions is [0, 1, 0, 1]: sin 0 and cos 0")
        void firstPosition() {
            assertMatrixClose("encode(1, 4)", PositionalEncoding.encode(1, 4), new double[][] {{0, 1, 0, 1}}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 85: encode(2, 8) (Deep-ML's float16 values, to 1e-3)")
        void deepMlTwoByEight() {
            // Position 1: frequencies 1, 10000^(−2/8) = 0.1, 0.01, 0.001.
            assertMatrixClose("encode(2, 8)", PositionalEncoding.encode(2, 8), new double[][] {
                    {0, 1, 0, 1, 0, 1, 0, 1},
                    {0.8415, 0.5403, 0.0998, 0.9950, 0.0100, 1.0, 0.0010, 1.0}}, FLOAT16);
        }

        @Test
        @Order(3)
        @DisplayName("an odd width ends with a sine column: encode(3, 3)")
        void oddWidth() {
            double w = Math.pow(10000, -2.0 / 3); // the second pair's frequency, 10000^(−2/3)
            assertMatrixClose("encode(3, 3)", PositionalEncoding.encode(3, 3), new double[][] {
                    {0, 1, 0},
                    {Math.sin(1), Math.cos(1), Math.sin(w)},
                    {Math.sin(2), Math.cos(2), Math.sin(2 * w)}}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the result is length × dModel with every value in [−1, 1]")
        void shapeAndRange() {
            qt().withExamples(200).forAll(integers().between(1, 60), integers().between(1, 40))
                    .checkAssert((length, d) -> {
                        double[][] pe = PositionalEncoding.encode(length, d);

                        assertThat(pe).hasDimensions(length, d);
                        double largest = 0;
                        for (double[] row : pe) {
                            for (double value : row) {
                                largest = Math.max(largest, Math.abs(value));
                            }
                        }
                        assertThat(largest).as("largest |PE[pos][c]| of encode(%d, %d)", length, d)
                                .isLessThanOrEqualTo(1.0);
                    });
        }

        @Test
        @DisplayName("sin² + cos² = 1 for every (2i, 2i + 1) pair: both columns share one angle")
        void sinSquaredPlusCosSquared() {
            qt().withExamples(200).forAll(integers().between(1, 60), integers().between(2, 40))
                    .checkAssert((length, d) -> {
                        double[][] pe = PositionalEncoding.encode(length, d);
                        for (int pos = 0; pos < length; pos++) {
                            double[] sumsOfSquares = new double[d / 2];
                            for (int i = 0; i < d / 2; i++) {
                                double sin = pe[pos][2 * i];
                                double cos = pe[pos][2 * i + 1];
                                sumsOfSquares[i] = sin * sin + cos * cos;
                            }
                            double[] ones = new double[d / 2];
                            Arrays.fill(ones, 1.0);
                            assertVectorClose("sin² + cos² of each pair at position " + pos + " (d = " + d + ")",
                                    sumsOfSquares, ones, EXACT);
                        }
                    });
        }

        @Test
        @DisplayName("row 0 is [0, 1, 0, 1, …]")
        void rowZero() {
            qt().withExamples(100).forAll(integers().between(1, 60), integers().between(1, 40))
                    .checkAssert((length, d) -> {
                        double[] expected = new double[d];
                        for (int c = 1; c < d; c += 2) {
                            expected[c] = 1;
                        }
                        assertVectorClose("row 0 of encode(" + length + ", " + d + ")",
                                PositionalEncoding.encode(length, d)[0], expected, EXACT);
                    });
        }

        @Test
        @DisplayName("column 0 is sin(pos): the first pair has frequency 1")
        void columnZero() {
            qt().withExamples(100).forAll(integers().between(1, 100), integers().between(1, 40))
                    .checkAssert((length, d) -> {
                        double[][] pe = PositionalEncoding.encode(length, d);
                        double[] column = new double[length];
                        double[] sines = new double[length];
                        for (int pos = 0; pos < length; pos++) {
                            column[pos] = pe[pos][0];
                            sines[pos] = Math.sin(pos);
                        }
                        assertVectorClose("column 0 of encode(" + length + ", " + d + ") vs sin(pos)", column, sines,
                                EXACT);
                    });
        }

        @Test
        @DisplayName("moving k positions rotates every (sin, cos) pair by the same angle k·ω_i")
        void shiftIsARotation() {
            // sin(a + b) = sin a cos b + cos a sin b and cos(a + b) = cos a cos b − sin a sin b:
            // a fixed offset is a linear map of the encoding, which is why relative positions are easy to learn.
            qt().withExamples(100)
                    .forAll(integers().between(2, 40), integers().between(2, 24), integers().between(1, 20))
                    .checkAssert((length, d, k) -> {
                        double[][] pe = PositionalEncoding.encode(length + k, d);
                        double[] shift = PositionalEncoding.encode(k + 1, d)[k];
                        for (int pos = 0; pos < length; pos++) {
                            double[] rotated = new double[2 * (d / 2)];
                            for (int c = 0; c + 1 < d; c += 2) {
                                rotated[c] = pe[pos][c] * shift[c + 1] + pe[pos][c + 1] * shift[c];
                                rotated[c + 1] = pe[pos][c + 1] * shift[c + 1] - pe[pos][c] * shift[c];
                            }
                            assertVectorClose("the pairs of PE[" + (pos + k) + "] vs PE[" + pos + "] rotated by PE["
                                    + k + "]", Arrays.copyOf(pe[pos + k], rotated.length), rotated,
                                    ANGLE_ROUNDING);
                        }
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final PositionalEncodingOracle.Case[] NUMPY_CASES = PositionalEncodingOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches the formula evaluated in NumPy (float64)")
        void matchesNumpy(PositionalEncodingOracle.Case c) {
            assertMatrixClose("encode(" + c.length() + ", " + c.dModel() + ")",
                    PositionalEncoding.encode(c.length(), c.dModel()), c.expected(), ANGLE_ROUNDING);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("dModel = 1 keeps only the sine of the first pair: column 0 is sin(pos)")
        void singleColumn() {
            assertMatrixClose("encode(3, 1)", PositionalEncoding.encode(3, 1),
                    new double[][] {{0}, {Math.sin(1)}, {Math.sin(2)}}, EXACT);
        }

        @ParameterizedTest(name = "length = {0}")
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        @DisplayName("length must be ≥ 1 (Deep-ML returns −1; here it is an IllegalArgumentException)")
        void badLength(int length) {
            assertRejects(IllegalArgumentException.class, "PositionalEncoding.encode(" + length + ", 4)",
                    () -> PositionalEncoding.encode(length, 4), "length");
        }

        @ParameterizedTest(name = "dModel = {0}")
        @ValueSource(ints = {0, -3})
        @DisplayName("dModel must be ≥ 1")
        void badDModel(int dModel) {
            assertRejects(IllegalArgumentException.class, "PositionalEncoding.encode(4, " + dModel + ")",
                    () -> PositionalEncoding.encode(4, dModel), "dModel");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("exponent i/d instead of 2i/d: pair i's frequency is 10000^(−2i/d)")
        void exponentIOverD() {
            // d = 8, pair 1 (columns 2, 3): ω = 10000^(−2/8) = 0.1, so PE[1][2] = sin(0.1) = 0.0998.
            // With exponent 1/8 the frequency is 0.316 and PE[1][2] = 0.311.
            double value = PositionalEncoding.encode(2, 8)[1][2];

            assertThat(value).as("PE[1][2] for d = 8 is %s instead of sin(0.1) = 0.0998: is the exponent i/d"
                    + " with i the pair index? Pair i sits in columns 2i and 2i+1 and its frequency is"
                    + " 1/10000^(2i/d), i.e. 10000^(column/d) for the sine column", value)
                    .isCloseTo(Math.sin(0.1), within(EXACT));
        }

        @Test
        @DisplayName("sin and cos swapped: even columns hold the sines, so they start at 0")
        void sinCosSwapped() {
            double[][] pe = PositionalEncoding.encode(2, 4);

            assertVectorClose("position 0 must be [0, 1, 0, 1] and position 1 start with sin(1) = 0.841: were sin"
                    + " and cos swapped? PE[pos][2i] is the sine, PE[pos][2i+1] the cosine",
                    new double[] {pe[0][0], pe[0][1], pe[1][0], pe[1][1]},
                    new double[] {0, 1, Math.sin(1), Math.cos(1)}, EXACT);
        }
    }
}
