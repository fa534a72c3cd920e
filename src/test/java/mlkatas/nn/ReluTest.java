package mlkatas.nn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("4.5 Relu: the rectified linear unit, its derivative and leaky ReLU")
class ReluTest {

    /** relu and leaky are a comparison and at most one multiplication: PyTorch gives bit-identical results. */
    private static final double EXACT = 0;
    /** slope·z for |z| ≤ 1e4 and slope ≤ 1 is correctly rounded: 1e-12 allows for z·slope vs slope·z orderings. */
    private static final double PRODUCT = 1e-12;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("relu(1) = 1: positive inputs pass through")
        void positive() {
            assertThat(Relu.relu(1.0)).as("relu(1)").isEqualTo(1.0);
        }

        @Test
        @Order(2)
        @DisplayName("relu(−1) = 0 and relu(0) = 0")
        void negativeAndZero() {
            assertThat(Relu.relu(-1.0)).as("relu(−1)").isEqualTo(0.0);
            assertThat(Relu.relu(0.0)).as("relu(0)").isEqualTo(0.0);
        }

        @Test
        @Order(3)
        @DisplayName("relu of a vector works entry by entry: [−2, 0, 3.5] → [0, 0, 3.5]")
        void vector() {
            assertVectorClose("relu([−2, 0, 3.5])", Relu.relu(new double[] {-2, 0, 3.5}), new double[] {0, 0, 3.5},
                    EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("derivative: 1 for z > 0, 0 for z < 0")
        void derivative() {
            assertThat(Relu.derivative(2.0)).as("derivative(2)").isEqualTo(1.0);
            assertThat(Relu.derivative(-2.0)).as("derivative(−2)").isEqualTo(0.0);
        }

        @Test
        @Order(5)
        @DisplayName("leaky(−2, 0.1) = −0.2 and leaky(3, 0.1) = 3")
        void leaky() {
            assertThat(Relu.leaky(-2.0, 0.1)).as("leaky(−2, 0.1)").isCloseTo(-0.2, within(PRODUCT));
            assertThat(Relu.leaky(3.0, 0.1)).as("leaky(3, 0.1)").isEqualTo(3.0);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("relu(x) ≥ 0")
        void nonNegative() {
            qt().forAll(Gens.values(-1e6, 1e6))
                    .checkAssert(x -> assertThat(Relu.relu(x)).as("relu(%s)", x).isGreaterThanOrEqualTo(0.0));
        }

        @Test
        @DisplayName("relu is idempotent: relu(relu(x)) = relu(x)")
        void idempotent() {
            qt().forAll(Gens.values(-1e6, 1e6))
                    .checkAssert(x -> assertThat(Relu.relu(Relu.relu(x))).as("relu(relu(%s))", x)
                            .isEqualTo(Relu.relu(x)));
        }

        @Test
        @DisplayName("relu(x) − relu(−x) = x")
        void oddPartIsIdentity() {
            qt().forAll(Gens.values(-1e6, 1e6))
                    .checkAssert(x -> assertThat(Relu.relu(x) - Relu.relu(-x)).as("relu(%s) − relu(%s)", x, -x)
                            .isEqualTo(x == 0 ? 0.0 : x));
        }

        @Test
        @DisplayName("NaN in → NaN out, for relu, its vector form, derivative and leaky")
        void nanPropagates() {
            assertThat(Relu.relu(Double.NaN)).as("relu(NaN): a NaN must not be hidden as 0").isNaN();
            assertThat(Relu.relu(new double[] {1, Double.NaN})[1]).as("relu([1, NaN])[1]").isNaN();
            assertThat(Relu.derivative(Double.NaN)).as("derivative(NaN)").isNaN();
            assertThat(Relu.leaky(Double.NaN, 0.1)).as("leaky(NaN, 0.1)").isNaN();
        }

        @Test
        @DisplayName("the vector form matches the scalar one, returns a new array and leaves z unchanged")
        void vectorMatchesScalar() {
            qt().withExamples(200)
                    .forAll(Gens.vectors(0, 20, -100, 100))
                    .checkAssert(z -> {
                        double[] copy = z.clone();

                        double[] out = Relu.relu(z);

                        assertThat(out).as("relu(z) must be a new array").isNotSameAs(z);
                        assertThat(z).as("z after the call").containsExactly(copy);
                        double[] expected = new double[z.length];
                        for (int i = 0; i < z.length; i++) {
                            expected[i] = Relu.relu(copy[i]);
                        }
                        assertVectorClose("relu(z) vs relu(z[i])", out, expected, EXACT);
                    });
        }

        @Test
        @DisplayName("the derivative matches the slope of relu away from the kink at 0")
        void derivativeMatchesSlope() {
            qt().forAll(Gens.values(-1e3, 1e3).assuming(z -> Math.abs(z) > 1e-3))
                    .checkAssert(z -> {
                        double h = 1e-4;
                        double slope = (Relu.relu(z + h) - Relu.relu(z - h)) / (2 * h);
                        assertThat(Relu.derivative(z)).as("derivative(%s)", z).isCloseTo(slope, within(1e-6));
                    });
        }

        @Test
        @DisplayName("leaky is the identity for positives and slope·z for the rest")
        void leakyPiecewise() {
            qt().forAll(Gens.values(-1e4, 1e4), Gens.values(0, 1))
                    .checkAssert((z, slope) -> assertThat(Relu.leaky(z, slope)).as("leaky(%s, %s)", z, slope)
                            .isCloseTo(z > 0 ? z : slope * z, within(PRODUCT)));
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final ReluOracle.Case[] TORCH_CASES = ReluOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("matches PyTorch F.relu, relu's autograd derivative and F.leaky_relu")
        void matchesTorch(ReluOracle.Case c) {
            assertVectorClose("relu of " + c.name(), Relu.relu(c.z()), c.relu(), EXACT);
            double[] derivative = new double[c.z().length];
            double[] leaky = new double[c.z().length];
            for (int i = 0; i < c.z().length; i++) {
                derivative[i] = Relu.derivative(c.z()[i]);
                leaky[i] = Relu.leaky(c.z()[i], c.slope());
            }
            assertVectorClose("derivative of " + c.name(), derivative, c.derivative(), EXACT);
            assertVectorClose("leaky of " + c.name() + " with slope " + c.slope(), leaky, c.leaky(), EXACT);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("infinities: relu(+∞) = +∞, relu(−∞) = 0, leaky(−∞, 0.1) = −∞")
        void infinities() {
            assertThat(Relu.relu(Double.POSITIVE_INFINITY)).as("relu(+∞)").isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(Relu.relu(Double.NEGATIVE_INFINITY)).as("relu(−∞)").isEqualTo(0.0);
            assertThat(Relu.leaky(Double.NEGATIVE_INFINITY, 0.1)).as("leaky(−∞, 0.1)")
                    .isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        @DisplayName("leaky with slope 0 is plain relu")
        void leakyWithSlopeZero() {
            assertThat(Relu.leaky(-5.0, 0)).as("leaky(−5, 0)").isCloseTo(0.0, within(EXACT));
            assertThat(Relu.leaky(5.0, 0)).as("leaky(5, 0)").isEqualTo(5.0);
        }

        @Test
        @DisplayName("relu of an empty vector is an empty vector")
        void emptyVector() {
            assertThat(Relu.relu(new double[0])).as("relu([])").isEmpty();
        }

        @Test
        @DisplayName("a null vector is rejected with a NullPointerException naming z")
        void nullVector() {
            assertRejects(NullPointerException.class, "relu((double[]) null)",
                    () -> Relu.relu((double[]) null), "z");
        }

        @ParameterizedTest(name = "slope = {0}")
        @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("slope must be finite and ≥ 0")
        void badSlope(double slope) {
            assertRejects(IllegalArgumentException.class, "leaky(-1.0, " + slope + ")",
                    () -> Relu.leaky(-1.0, slope), "slope");
        }

        @ParameterizedTest(name = "slope = {0}")
        @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("slope is checked for a positive z too, where it does not enter the result")
        void badSlopeWithPositiveInput(double slope) {
            assertRejects(IllegalArgumentException.class, "leaky(2.0, " + slope + ")",
                    () -> Relu.leaky(2.0, slope), "slope");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("derivative 1 at 0: at the kink this kata (like PyTorch) uses 0")
        void derivativeAtZero() {
            assertThat(Relu.derivative(0.0))
                    .as("derivative(0) is %s: ReLU has no derivative at 0; PyTorch and this kata use 0 (the"
                            + " derivative is 1 only for z > 0)", Relu.derivative(0.0))
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("leaky slope applied to positives: leaky ReLU only changes the negative side")
        void leakySlopeOnPositives() {
            assertThat(Relu.leaky(2.0, 0.1))
                    .as("leaky(2, 0.1) is %s instead of 2: the slope multiplies only inputs ≤ 0; positive inputs"
                            + " pass through unchanged", Relu.leaky(2.0, 0.1))
                    .isEqualTo(2.0);
            assertThat(Relu.leaky(-2.0, 0.1)).as("leaky(−2, 0.1)").isCloseTo(-0.2, within(PRODUCT));
        }
    }
}
