package mlkatas.nn;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertAllFinite;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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

@DisplayName("4.6 Softmax: scores to probabilities, stably")
class SoftmaxTest {

    /** The spec quotes Deep-ML's examples to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** A sum of at most 20 probabilities carries at most ~20 roundings of 1e-16. */
    private static final double SUM = 1e-12;
    /** Hand-computed and PyTorch values: the same exponentials, summed in another order. */
    private static final double EXACT = 1e-12;
    /**
     * Shifting scores of size 1e4 by up to 1e4 rounds each shifted score by up to ~2e-12, which moves the
     * probabilities by a few 1e-12; 1e-9 is honest for every draw and far below any real mistake.
     */
    private static final double SHIFTED = 1e-9;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("equal scores [1, 1, 1] → [1/3, 1/3, 1/3]")
        void equalScores() {
            assertVectorClose("softmax([1, 1, 1])", Softmax.softmax(new double[] {1, 1, 1}),
                    new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML: [1, 2, 3] → [0.0900, 0.2447, 0.6652]")
        void oneTwoThree() {
            assertVectorClose("softmax([1, 2, 3])", Softmax.softmax(new double[] {1, 2, 3}),
                    new double[] {0.0900, 0.2447, 0.6652}, FOUR_DECIMALS);
        }

        @Test
        @Order(3)
        @DisplayName("[−1, 0, 5] → [0.0025, 0.0067, 0.9909]")
        void dominantScore() {
            assertVectorClose("softmax([−1, 0, 5])", Softmax.softmax(new double[] {-1, 0, 5}),
                    new double[] {0.0025, 0.0067, 0.9909}, FOUR_DECIMALS);
        }

        @Test
        @Order(4)
        @DisplayName("[1000, 1001] → [0.2689, 0.7311], no overflow")
        void largeScores() {
            assertVectorClose("softmax([1000, 1001])", Softmax.softmax(new double[] {1000, 1001}),
                    new double[] {0.2689, 0.7311}, FOUR_DECIMALS);
        }

        @Test
        @Order(5)
        @DisplayName("softmaxRows treats every row as its own distribution")
        void rows() {
            double[][] p = Softmax.softmaxRows(new double[][] {{1, 2, 3}, {1, 1, 1}});

            assertMatrixClose("softmaxRows([[1, 2, 3], [1, 1, 1]])", p,
                    new double[][] {{0.0900, 0.2447, 0.6652}, {1.0 / 3, 1.0 / 3, 1.0 / 3}}, FOUR_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("outputs lie in [0, 1] and sum to 1 for any scores in ±1e4")
        void probabilityDistribution() {
            qt().withExamples(200)
                    .forAll(Gens.vectors(1, 20, -1e4, 1e4))
                    .checkAssert(s -> {
                        double[] p = Softmax.softmax(s);

                        assertThat(p).as("softmax(%s)", Arrays.toString(s)).hasSize(s.length);
                        for (double v : p) {
                            assertThat(v).as("a probability").isBetween(0.0, 1.0);
                        }
                        assertThat(Arrays.stream(p).sum()).as("sum of probabilities").isCloseTo(1, within(SUM));
                    });
        }

        @Test
        @DisplayName("adding the same constant to every score changes nothing")
        void shiftInvariant() {
            qt().withExamples(200)
                    .forAll(Gens.vectors(1, 20, -1e4, 1e4), Gens.values(-1e4, 1e4))
                    .checkAssert((s, c) -> {
                        double[] shifted = Arrays.stream(s).map(v -> v + c).toArray();

                        assertVectorClose("softmax after adding " + c, Softmax.softmax(shifted), Softmax.softmax(s),
                                SHIFTED);
                    });
        }

        @Test
        @DisplayName("a higher score never gets a lower probability")
        void orderPreserving() {
            qt().withExamples(200)
                    .forAll(Gens.vectors(2, 20, -50, 50))
                    .checkAssert(s -> {
                        double[] p = Softmax.softmax(s);
                        for (int i = 0; i < s.length; i++) {
                            for (int j = 0; j < s.length; j++) {
                                if (s[i] < s[j]) {
                                    assertThat(p[i]).as("p[%d] for score %s vs p[%d] for score %s", i, s[i], j, s[j])
                                            .isLessThanOrEqualTo(p[j]);
                                }
                            }
                        }
                    });
        }

        @Test
        @DisplayName("scores far apart within ±1e4 still give finite probabilities")
        void finiteForLargeScores() {
            qt().withExamples(200)
                    .forAll(Gens.vectors(1, 20, -1e4, 1e4))
                    .checkAssert(s -> assertAllFinite("softmax(" + Arrays.toString(s) + ")", Softmax.softmax(s)));
            assertAllFinite("softmax([−1e4, 0, 1e4])", Softmax.softmax(new double[] {-1e4, 0, 1e4}));
        }

        @Test
        @DisplayName("every row of softmaxRows sums to 1 and equals the softmax of that row")
        void rowsAreIndependent() {
            qt().withExamples(300)
                    .forAll(Gens.matrices(1, 6, 1, 6, -1e4, 1e4))
                    .checkAssert(s -> {
                        double[][] p = Softmax.softmaxRows(s);

                        assertThat(p).as("softmaxRows shape").hasDimensions(s.length, s[0].length);
                        for (int i = 0; i < s.length; i++) {
                            assertThat(Arrays.stream(p[i]).sum()).as("sum of row %d", i).isCloseTo(1, within(SUM));
                            assertVectorClose("row " + i + " vs softmax of that row", p[i], Softmax.softmax(s[i]),
                                    EXACT);
                        }
                    });
        }

        @Test
        @DisplayName("scores are left unchanged and results are new arrays")
        void inputsUnchanged() {
            qt().withExamples(200)
                    .forAll(Gens.matrices(1, 5, 1, 5, -100, 100))
                    .checkAssert(s -> {
                        double[][] copy = Arrays.stream(s).map(double[]::clone).toArray(double[][]::new);

                        double[] p = Softmax.softmax(s[0]);
                        double[][] rows = Softmax.softmaxRows(s);

                        assertThat(s).as("scores after the calls").isDeepEqualTo(copy);
                        assertThat(p).as("softmax's result").isNotSameAs(s[0]);
                        assertThat(rows[0]).as("softmaxRows' first row").isNotSameAs(s[0]);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final SoftmaxOracle.VectorCase[] TORCH_VECTORS = SoftmaxOracle.VECTOR_CASES;
        static final SoftmaxOracle.MatrixCase[] TORCH_MATRICES = SoftmaxOracle.MATRIX_CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_VECTORS")
        @DisplayName("softmax matches PyTorch torch.softmax")
        void matchesTorchVectors(SoftmaxOracle.VectorCase c) {
            assertVectorClose("softmax of " + c.name(), Softmax.softmax(c.scores()), c.probabilities(), EXACT);
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_MATRICES")
        @DisplayName("softmaxRows matches PyTorch torch.softmax(dim=1)")
        void matchesTorchRows(SoftmaxOracle.MatrixCase c) {
            assertMatrixClose("softmaxRows of " + c.name(), Softmax.softmaxRows(c.scores()), c.probabilities(),
                    EXACT);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a single score has probability 1")
        void singleScore() {
            assertVectorClose("softmax([−7.5])", Softmax.softmax(new double[] {-7.5}), new double[] {1}, EXACT);
        }

        @Test
        @DisplayName("null scores, or a null row, are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "softmax(null)", () -> Softmax.softmax(null), "scores");
            assertRejects(NullPointerException.class, "softmaxRows(null)", () -> Softmax.softmaxRows(null), "scores");
            assertRejects(NullPointerException.class, "softmaxRows({{1, 2}, null})",
                    () -> Softmax.softmaxRows(new double[][] {{1, 2}, null}), "scores[1]");
        }

        @Test
        @DisplayName("empty input is rejected")
        void empty() {
            assertRejects(IllegalArgumentException.class, "softmax(new double[0])",
                    () -> Softmax.softmax(new double[0]), "scores");
            assertRejects(IllegalArgumentException.class, "softmaxRows(new double[0][])",
                    () -> Softmax.softmaxRows(new double[0][]), "scores");
            assertRejects(IllegalArgumentException.class, "softmaxRows({{}})",
                    () -> Softmax.softmaxRows(new double[][] {{}}), "scores");
        }

        @Test
        @DisplayName("ragged rows are rejected")
        void ragged() {
            assertRejects(IllegalArgumentException.class, "softmaxRows({{1, 2}, {1}})",
                    () -> Softmax.softmaxRows(new double[][] {{1, 2}, {1}}), "scores");
        }

        @ParameterizedTest(name = "score {0}")
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        @DisplayName("NaN and infinite scores are rejected")
        void nonFinite(double bad) {
            assertRejects(IllegalArgumentException.class, "softmax({1, " + bad + "})",
                    () -> Softmax.softmax(new double[] {1, bad}), "scores");
            assertRejects(IllegalArgumentException.class, "softmaxRows({{1, 2}, {" + bad + ", 0}})",
                    () -> Softmax.softmaxRows(new double[][] {{1, 2}, {bad, 0}}), "scores");
        }

        @ParameterizedTest(name = "score {0}")
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        @DisplayName("a single score is checked too: a lone NaN or infinite score is rejected, not given probability 1")
        void singleNonFiniteScore(double bad) {
            assertRejects(IllegalArgumentException.class, "softmax({" + bad + "})",
                    () -> Softmax.softmax(new double[] {bad}), "scores");
            assertRejects(IllegalArgumentException.class, "softmaxRows({{" + bad + "}})",
                    () -> Softmax.softmaxRows(new double[][] {{bad}}), "scores");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("no max subtraction: e^1000 overflows, so subtract the largest score first")
        void noMaxSubtraction() {
            double[] p = Softmax.softmax(new double[] {1000, 1001});

            assertAllFinite("softmax([1000, 1001]) is not finite: e^1000 overflows to ∞ and ∞/∞ is NaN; compute"
                    + " e^(s − max(s)), which gives the same probabilities", p);
            assertVectorClose("softmax([1000, 1001])", p, new double[] {0.2689, 0.7311}, FOUR_DECIMALS);
        }

        @Test
        @DisplayName("normalising columns instead of rows: each row is one sample")
        void columnsInsteadOfRows() {
            // Row-wise: [σ(−1), σ(1)] and [σ(−2), σ(2)]; column-wise would give [σ(−2), σ(−3)], [σ(2), σ(3)].
            double[][] p = Softmax.softmaxRows(new double[][] {{1, 2}, {3, 5}});

            assertMatrixClose("softmaxRows normalised the wrong axis: every ROW of the result must sum to 1 (one"
                    + " sample per row), so take the max and the sum along each row", p,
                    new double[][] {{sigmoid(-1), sigmoid(1)}, {sigmoid(-2), sigmoid(2)}}, EXACT);
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
