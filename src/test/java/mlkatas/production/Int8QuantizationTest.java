package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("9.7 Int8Quantization: symmetric INT8 quantization with one scale per tensor")
class Int8QuantizationTest {

    /** The spec quotes Deep-ML's scale to 9 decimals. */
    private static final double NINE_DECIMALS = 1e-9;
    /** The spec quotes dequantized values to 6 decimals. */
    private static final double SIX_DECIMALS = 1e-6;
    /** One division or product of doubles: relative rounding of a few ulps, far below any real mistake. */
    private static final double ROUNDING = 1e-12;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("[1, −1, 0.5, −0.5] → q [127, −127, 64, −64]")
        void quantizedLevels() {
            // scale = 1/127, so 0.5 / scale = 63.5 exactly, a tie: half-even rounds it to 64.
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {1.0, -1.0, 0.5, -0.5});

            assertThat(r.quantized()).containsExactly(127, -127, 64, -64);
        }

        @Test
        @Order(2)
        @DisplayName("… with scale 0.007874016 and dequantized [1, −1, 0.503937, −0.503937]")
        void scaleAndDequantized() {
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {1.0, -1.0, 0.5, -0.5});

            assertThat(r.scale()).as("scale").isCloseTo(0.007874016, within(NINE_DECIMALS));
            assertVectorClose("dequantized", r.dequantized(), new double[] {1.0, -1.0, 0.503937, -0.503937},
                    SIX_DECIMALS);
        }

        @Test
        @Order(3)
        @DisplayName("[0.01, −0.02, 0.015] → [64, −127, 95] in double arithmetic")
        void smallValues() {
            // 0.01 / (0.02/127) = 63.5, a tie (→ 64); 0.015 / (0.02/127) = 95.25 (→ 95).
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {0.01, -0.02, 0.015});

            assertThat(r.quantized()).containsExactly(64, -127, 95);
            assertThat(r.scale()).as("scale").isCloseTo(0.02 / 127, within(ROUNDING));
        }

        @Test
        @Order(4)
        @DisplayName("ties round to the even level: scale 1, [127, 0.5, 1.5, 2.5, −2.5] → [127, 0, 2, 2, −2]")
        void tiesToEven() {
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {127, 0.5, 1.5, 2.5, -2.5});

            assertThat(r.scale()).as("scale").isEqualTo(1.0);
            assertThat(r.quantized()).containsExactly(127, 0, 2, 2, -2);
        }

        @Test
        @Order(5)
        @DisplayName("dequantize maps levels back: [127, −64, 0] at scale 0.5 → [63.5, −32, 0]")
        void dequantizeLevels() {
            double[] values = Int8Quantization.dequantize(new byte[] {127, -64, 0}, 0.5);

            assertVectorClose("dequantized", values, new double[] {63.5, -32, 0}, ROUNDING);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("every value is within half a step of its dequantized value: |x − x̂| ≤ scale/2")
        void errorAtMostHalfAStep() {
            qt().withExamples(200).forAll(Gens.vectors(1, 50, -1, 1), Gens.values(-6, 6)).checkAssert((unit, exponent) -> {
                double[] x = scaled(unit, exponent);
                Int8Quantization.Result r = Int8Quantization.quantize(x);
                for (int i = 0; i < x.length; i++) {
                    assertThat(Math.abs(x[i] - r.dequantized()[i])).as("|x − x̂| at %d", i)
                            .isLessThanOrEqualTo(r.scale() / 2 * (1 + ROUNDING));
                }
            });
        }

        @Test
        @DisplayName("the largest |x| maps to ±127")
        void largestMapsTo127() {
            qt().withExamples(200).forAll(Gens.vectors(1, 50, -1, 1), Gens.values(-6, 6)).checkAssert((unit, exponent) -> {
                double[] x = scaled(unit, exponent);
                int argmax = argmaxAbs(x);
                Int8Quantization.Result r = Int8Quantization.quantize(x);
                if (x[argmax] != 0) {
                    assertThat((int) r.quantized()[argmax]).isEqualTo(x[argmax] > 0 ? 127 : -127);
                }
            });
        }

        @Test
        @DisplayName("signs are preserved: q never has the opposite sign of x")
        void signsPreserved() {
            qt().withExamples(200).forAll(Gens.vectors(1, 50, -1, 1), Gens.values(-6, 6)).checkAssert((unit, exponent) -> {
                double[] x = scaled(unit, exponent);
                byte[] q = Int8Quantization.quantize(x).quantized();
                for (int i = 0; i < x.length; i++) {
                    assertThat(q[i] * Math.signum(x[i])).as("q·sign(x) at %d", i).isGreaterThanOrEqualTo(0);
                }
            });
        }

        @Test
        @DisplayName("quantizing the dequantized values returns the same q")
        void idempotent() {
            qt().withExamples(200).forAll(Gens.vectors(1, 50, -1, 1), Gens.values(-6, 6)).checkAssert((unit, exponent) -> {
                Int8Quantization.Result r = Int8Quantization.quantize(scaled(unit, exponent));
                assertThat(Int8Quantization.quantize(r.dequantized()).quantized()).containsExactly(r.quantized());
            });
        }

        @Test
        @DisplayName("dequantize(q, scale) reproduces the result's dequantized values; inputs are unchanged")
        void dequantizeAgrees() {
            qt().withExamples(200).forAll(Gens.vectors(1, 50, -100, 100)).checkAssert(x -> {
                double[] copy = x.clone();
                Int8Quantization.Result r = Int8Quantization.quantize(x);
                byte[] q = r.quantized().clone();
                assertThat(Int8Quantization.dequantize(r.quantized(), r.scale())).containsExactly(r.dequantized());
                assertThat(x).as("x after quantize").containsExactly(copy);
                assertThat(r.quantized()).as("q after dequantize").containsExactly(q);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final Int8QuantizationOracle.Case[] TORCH_CASES = Int8QuantizationOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("matches PyTorch's quantize_per_tensor(x, scale, 0, qint8)")
        void matchesTorch(Int8QuantizationOracle.Case c) {
            Int8Quantization.Result r = Int8Quantization.quantize(c.x());

            assertThat(r.scale()).as("scale for %s", c.name()).isCloseTo(c.scale(), withinPercentage(1e-10));
            int[] q = new int[r.quantized().length];
            Arrays.setAll(q, i -> r.quantized()[i]);
            assertThat(q).as("q for %s", c.name()).containsExactly(c.quantized());
            assertVectorClose("dequantized for " + c.name(), r.dequantized(), c.dequantized(),
                    ROUNDING * c.scale() * 127);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("all zeros: scale 1.0 and every level 0")
        void allZeros() {
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {0, 0, 0});

            assertThat(r.scale()).isEqualTo(1.0);
            assertThat(r.quantized()).containsExactly(0, 0, 0);
            assertThat(r.dequantized()).containsExactly(0, 0, 0);
        }

        @Test
        @DisplayName("a single value maps to ±127 and back to itself")
        void singleValue() {
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {-3.5});

            assertThat(r.quantized()).containsExactly(-127);
            assertThat(r.dequantized()[0]).isCloseTo(-3.5, within(ROUNDING));
        }

        @Test
        @DisplayName("null input is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "Int8Quantization.quantize(null)",
                    () -> Int8Quantization.quantize(null), "x");
            assertRejects(NullPointerException.class, "Int8Quantization.dequantize(null, 1.0)",
                    () -> Int8Quantization.dequantize(null, 1.0), "quantized");
        }

        @Test
        @DisplayName("empty input is rejected")
        void empty() {
            assertRejects(IllegalArgumentException.class, "Int8Quantization.quantize(new double[0])",
                    () -> Int8Quantization.quantize(new double[0]), "x");
        }

        @ParameterizedTest(name = "x contains {0}")
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        @DisplayName("NaN or infinite values are rejected")
        void nonFinite(double bad) {
            assertRejects(IllegalArgumentException.class, "Int8Quantization.quantize({1, " + bad + "})",
                    () -> Int8Quantization.quantize(new double[] {1, bad}), "x");
        }

        @ParameterizedTest(name = "scale = {0}")
        @ValueSource(doubles = {0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("dequantize needs a finite scale > 0")
        void badScale(double scale) {
            assertRejects(IllegalArgumentException.class, "Int8Quantization.dequantize(new byte[] {1}, " + scale + ")",
                    () -> Int8Quantization.dequantize(new byte[] {1}, scale), "scale");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("scale over 128 or 255: the scale is max|x|/127, so the largest value survives the round trip")
        void scaleNot127() {
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {2.54, -1.0, 0.3});

            assertThat(r.scale())
                    .as("the scale of [2.54, −1, 0.3] is %s instead of 2.54/127 = 0.02: the symmetric INT8 range"
                            + " is [−127, 127], so divide max|x| by 127 (128 overflows to 128 and must be"
                            + " clamped; 255 is the unsigned range)", r.scale())
                    .isCloseTo(0.02, within(ROUNDING));
            assertThat(r.dequantized()[0]).as("the largest value 2.54 must dequantize to itself")
                    .isCloseTo(2.54, within(ROUNDING));
        }

        @Test
        @DisplayName("half-up rounding: ties go to the even level, as PyTorch and NumPy round")
        void halfUpRounding() {
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {127, 2.5, -2.5, 0.5});

            assertThat(r.quantized())
                    .as("at scale 1, [127, 2.5, −2.5, 0.5] must give [127, 2, −2, 0] but gave %s: Math.round"
                            + " rounds halves up; use Math.rint (round half to even), which removes the upward"
                            + " bias", Arrays.toString(r.quantized()))
                    .containsExactly(127, 2, -2, 0);
        }

        @Test
        @DisplayName("asymmetric range: the range is [−127, 127] with zero point 0")
        void asymmetricZeroPoint() {
            Int8Quantization.Result r = Int8Quantization.quantize(new double[] {-1, 0, 0.5, 1});

            assertThat(r.quantized())
                    .as("[−1, 0, 0.5, 1] must give [−127, 0, 64, 127] but gave %s: this kata is symmetric"
                            + " quantization, zero point 0 and range [−127, 127], so q(−x) = −q(x); [−128, 127]"
                            + " with a zero point is the asymmetric scheme", Arrays.toString(r.quantized()))
                    .containsExactly(-127, 0, 64, 127);
        }
    }

    private static double[] scaled(double[] unit, double exponent) {
        double factor = Math.pow(10, exponent);
        return Arrays.stream(unit).map(v -> v * factor).toArray();
    }

    private static int argmaxAbs(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }
}
