package mlkatas.optim;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("5.3 GradientClipping: clip gradients by their global norm")
class GradientClippingTest {

    /** A handful of roundings on numbers of order 1. */
    private static final double EXACT = 1e-12;
    /** Relative tolerance for norms and scale factors: a sum of up to 20 squares and one division. */
    private static final double RELATIVE = 1e-12;
    /**
     * PyTorch scales by maxNorm/(norm + 1e-6) instead of maxNorm/norm: clipped entries (each at most maxNorm
     * in size) differ by at most maxNorm·1e-6/norm &lt; 1e-6.
     */
    private static final double TORCH_EPSILON = 1e-6;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("the global norm of [[3, 4], [12]] is 13: all entries count as one vector")
        void globalNormOfRaggedArrays() {
            assertThat(GradientClipping.globalNorm(new double[][] {{3, 4}, {12}})).isCloseTo(13.0, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML: [[3, 4], [0, 0]] with max 1 → [[0.6, 0.8], [0, 0]]")
        void deepMlClipped() {
            double[][] clipped = GradientClipping.clipByGlobalNorm(new double[][] {{3, 4}, {0, 0}}, 1.0);

            assertMatrixClose("clipped gradients", clipped, new double[][] {{0.6, 0.8}, {0, 0}}, EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: [[1, 2], [2, 4]] (norm 5) with max 10 → unchanged")
        void deepMlUnchanged() {
            double[][] clipped = GradientClipping.clipByGlobalNorm(new double[][] {{1, 2}, {2, 4}}, 10.0);

            assertThat(clipped).isDeepEqualTo(new double[][] {{1, 2}, {2, 4}});
        }

        @Test
        @Order(4)
        @DisplayName("ragged: [[6, 8], [0.3, 0.4, 0], [1.2]] with max 1 scales every array by the same 1/√101.34")
        void raggedClipped() {
            double[][] gradients = {{6, 8}, {0.3, 0.4, 0}, {1.2}};
            double norm = Math.sqrt(36 + 64 + 0.09 + 0.16 + 1.44);
            double s = 1 / norm;

            double[][] clipped = GradientClipping.clipByGlobalNorm(gradients, 1.0);

            assertMatrixClose("clipped gradients", clipped,
                    new double[][] {{6 * s, 8 * s}, {0.3 * s, 0.4 * s, 0}, {1.2 * s}}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the result's global norm is min(norm, maxNorm)")
        void resultNorm() {
            qt().withExamples(200).forAll(gradientLists(), Gens.values(0.01, 50)).checkAssert((gradients, maxNorm) -> {
                double norm = exactNorm(gradients);

                double[][] clipped = GradientClipping.clipByGlobalNorm(gradients, maxNorm);

                double expected = Math.min(norm, maxNorm);
                assertThat(exactNorm(clipped)).as("norm after clipping (before %s, max %s)", norm, maxNorm)
                        .isCloseTo(expected, within(RELATIVE * expected));
            });
        }

        @Test
        @DisplayName("the direction is preserved: every entry is scaled by the same factor in (0, 1]")
        void directionPreserved() {
            qt().withExamples(200).forAll(gradientLists(), Gens.values(0.01, 50)).checkAssert((gradients, maxNorm) -> {
                double factor = Math.min(1.0, maxNorm / exactNorm(gradients));

                double[][] clipped = GradientClipping.clipByGlobalNorm(gradients, maxNorm);

                assertMatrixClose("clipped gradients vs the input times " + factor, clipped,
                        scale(gradients, factor), RELATIVE * maxAbs(gradients));
            });
        }

        @Test
        @DisplayName("clipping twice equals clipping once")
        void idempotent() {
            qt().withExamples(200).forAll(gradientLists(), Gens.values(0.01, 50)).checkAssert((gradients, maxNorm) -> {
                double[][] once = GradientClipping.clipByGlobalNorm(gradients, maxNorm);
                double[][] twice = GradientClipping.clipByGlobalNorm(once, maxNorm);

                assertMatrixClose("clipped twice vs clipped once", twice, once, RELATIVE * maxNorm);
            });
        }

        @Test
        @DisplayName("zero gradients stay zero, in the same shapes")
        void zerosStayZero() {
            qt().withExamples(200).forAll(gradientLists(), Gens.values(0.01, 50)).checkAssert((shapes, maxNorm) -> {
                double[][] zeros = Arrays.stream(shapes).map(a -> new double[a.length]).toArray(double[][]::new);

                assertThat(GradientClipping.globalNorm(zeros)).isZero();
                assertThat(GradientClipping.clipByGlobalNorm(zeros, maxNorm)).isDeepEqualTo(zeros);
            });
        }

        @Test
        @DisplayName("the input is left unchanged and every returned array is new")
        void inputsUnchanged() {
            qt().withExamples(200).forAll(gradientLists(), Gens.values(0.01, 50)).checkAssert((gradients, maxNorm) -> {
                double[][] copy = deepCopy(gradients);

                double[][] clipped = GradientClipping.clipByGlobalNorm(gradients, maxNorm);

                assertThat(gradients).as("gradients after the call").isDeepEqualTo(copy);
                assertThat(clipped).isNotSameAs(gradients);
                for (int i = 0; i < gradients.length; i++) {
                    assertThat(clipped[i]).as("returned array %d", i).isNotSameAs(gradients[i]);
                }
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final GradientClippingOracle.Case[] TORCH_CASES = GradientClippingOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("the global norm matches what torch.nn.utils.clip_grad_norm_ returns")
        void normMatchesTorch(GradientClippingOracle.Case c) {
            assertThat(GradientClipping.globalNorm(c.gradients())).isCloseTo(c.norm(), within(RELATIVE * c.norm()));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("the clipped gradients match torch.nn.utils.clip_grad_norm_ (to its 1e-6)")
        void clippedMatchesTorch(GradientClippingOracle.Case c) {
            double[][] clipped = GradientClipping.clipByGlobalNorm(c.gradients(), c.maxNorm());

            assertMatrixClose(c.name(), clipped, c.clipped(), TORCH_EPSILON);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("an empty list has norm 0 and clips to an empty list")
        void emptyList() {
            assertThat(GradientClipping.globalNorm(new double[0][])).isZero();
            assertThat(GradientClipping.clipByGlobalNorm(new double[0][], 1.0)).isEmpty();
        }

        @Test
        @DisplayName("empty arrays inside the list are allowed and contribute 0")
        void emptyArrays() {
            double[][] gradients = {{}, {3, 4}, {}};

            assertThat(GradientClipping.globalNorm(gradients)).isCloseTo(5.0, within(EXACT));
            assertMatrixClose("clipped", GradientClipping.clipByGlobalNorm(gradients, 1.0),
                    new double[][] {{}, {0.6, 0.8}, {}}, EXACT);
        }

        @Test
        @DisplayName("a norm exactly equal to maxNorm is not clipped (only strictly greater is)")
        void normEqualToMax() {
            assertThat(GradientClipping.clipByGlobalNorm(new double[][] {{3, 4}}, 5.0))
                    .isDeepEqualTo(new double[][] {{3, 4}});
        }

        @Test
        @DisplayName("null gradients or a null array inside are rejected with a NullPointerException")
        void nulls() {
            assertRejects(NullPointerException.class, "GradientClipping.globalNorm(null)",
                    () -> GradientClipping.globalNorm(null), "gradients");
            assertRejects(NullPointerException.class, "GradientClipping.clipByGlobalNorm(null, 1.0)",
                    () -> GradientClipping.clipByGlobalNorm(null, 1.0), "gradients");
            assertRejects(NullPointerException.class, "GradientClipping.globalNorm({{1}, null})",
                    () -> GradientClipping.globalNorm(new double[][] {{1}, null}), "gradients[1]");
            assertRejects(NullPointerException.class, "GradientClipping.clipByGlobalNorm({{1}, null}, 1.0)",
                    () -> GradientClipping.clipByGlobalNorm(new double[][] {{1}, null}, 1.0), "gradients[1]");
        }

        @ParameterizedTest(name = "maxNorm = {0}")
        @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("maxNorm must be finite and > 0")
        void badMaxNorm(double maxNorm) {
            assertRejects(IllegalArgumentException.class, "GradientClipping.clipByGlobalNorm({{1, 2}}, " + maxNorm + ")",
                    () -> GradientClipping.clipByGlobalNorm(new double[][] {{1, 2}}, maxNorm), "maxNorm");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("clipping each array by its own norm: one factor for all arrays")
        void clippingEachArrayByItsOwnNorm() {
            // Global norm √(100 + 0.25) = 10.0125. The second array alone (norm 0.5) is under the limit,
            // but it must shrink by the same factor as the first.
            double[][] gradients = {{6, 8}, {0.3, 0.4}};
            double s = 1 / Math.sqrt(100.25);

            double[][] clipped = GradientClipping.clipByGlobalNorm(gradients, 1.0);

            assertMatrixClose("the arrays were scaled by different factors: is each array clipped by its own norm?"
                    + " Compute one global norm over all arrays and scale every array by maxNorm/globalNorm",
                    clipped, new double[][] {{6 * s, 8 * s}, {0.3 * s, 0.4 * s}}, EXACT);
        }

        @Test
        @DisplayName("scaling by norm/maxNorm: the clipped norm must be maxNorm, not norm²/maxNorm")
        void scaleFactorInverted() {
            double[][] clipped = GradientClipping.clipByGlobalNorm(new double[][] {{3, 4}}, 1.0);

            assertThat(exactNorm(clipped))
                    .as("clipping [3, 4] to norm 1 gave norm %s: the factor is maxNorm/norm (≤ 1), not"
                            + " norm/maxNorm", exactNorm(clipped))
                    .isCloseTo(1.0, within(EXACT));
        }

        @Test
        @DisplayName("inputs modified in place: the caller's gradients must stay as they were")
        void inputsModifiedInPlace() {
            double[][] gradients = {{3, 4}, {0, 12}};

            GradientClipping.clipByGlobalNorm(gradients, 1.0);

            assertThat(gradients).as("the input arrays were changed: write the clipped values into new arrays")
                    .isDeepEqualTo(new double[][] {{3, 4}, {0, 12}});
        }

        @Test
        @DisplayName("clipping by value: each entry clamped to ±maxNorm bends the direction")
        void clippingByValue() {
            double[][] clipped = GradientClipping.clipByGlobalNorm(new double[][] {{3, 4}}, 1.0);

            assertMatrixClose("[3, 4] clipped to norm 1 must be [0.6, 0.8]: clamping each entry to ±maxNorm (clip"
                    + " by value) gives [1, 1] and changes the direction; clip by norm scales all entries by"
                    + " one factor", clipped, new double[][] {{0.6, 0.8}}, EXACT);
        }

        @Test
        @DisplayName("squared norm: the global norm is the square root of the sum of squares")
        void squaredNormInsteadOfNorm() {
            double norm = GradientClipping.globalNorm(new double[][] {{3}, {4}});

            assertThat(norm).as("globalNorm([[3], [4]]) is %s but must be 5: take the square root of Σ g²", norm)
                    .isCloseTo(5.0, within(EXACT));
        }

        @Test
        @DisplayName("an unclipped result must be a copy, not the caller's arrays")
        void unchangedResultAliasesInput() {
            double[][] gradients = {{0.1, 0.2}, {0.3}};

            double[][] result = GradientClipping.clipByGlobalNorm(gradients, 10.0);
            result[0][0] = 99;

            assertThat(gradients[0][0])
                    .as("writing into the result changed the input: below maxNorm, return a copy of every array,"
                            + " not the arrays themselves")
                    .isEqualTo(0.1);
        }
    }

    /** Lists of 1 to 4 gradient arrays of 1 to 5 entries each (ragged), entries in [−10, 10]. */
    private static Gen<double[][]> gradientLists() {
        Gen<Integer> counts = integers().between(1, 4);
        Gen<double[]> arrays = Gens.vectors(1, 5, -10, 10);
        Gen<double[][]> gen = in -> {
            double[][] list = new double[counts.generate(in)][];
            for (int i = 0; i < list.length; i++) {
                list[i] = arrays.generate(in);
            }
            return list;
        };
        return gen.describedAs(Arrays::deepToString);
    }

    private static double exactNorm(double[][] arrays) {
        double sum = 0;
        for (double[] a : arrays) {
            for (double x : a) {
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    private static double maxAbs(double[][] arrays) {
        double max = 0;
        for (double[] a : arrays) {
            for (double x : a) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }

    private static double[][] scale(double[][] arrays, double factor) {
        double[][] out = new double[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = new double[arrays[i].length];
            for (int j = 0; j < arrays[i].length; j++) {
                out[i][j] = arrays[i][j] * factor;
            }
        }
        return out;
    }
}
