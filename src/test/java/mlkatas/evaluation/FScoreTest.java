package mlkatas.evaluation;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static mlkatas.support.Gens.labelPairs;
import static org.quicktheories.QuickTheory.qt;

import mlkatas.support.Gens;
import mlkatas.support.Gens.LabelPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("3.5 FScore: one number that balances precision and recall")
class FScoreTest {

    /**
     * A handful of multiplications and divisions of numbers in [0, 100]: a few ulps of 1, so 1e-12 leaves
     * room for a different but equivalent order of operations (scikit-learn's, or the formula from counts).
     */
    private static final double FORMULA = 1e-12;

    private static final int[] Y_TRUE = {1, 0, 1, 1, 0, 1};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("precision = recall = 1/2 → F1 = 1/2")
        void equalPrecisionAndRecall() {
            // TP 1, FP 1, FN 1.
            assertThat(FScore.fScore(new int[] {1, 1, 0}, new int[] {1, 0, 1}, 1.0)).as("F1")
                    .isCloseTo(0.5, within(FORMULA));
        }

        @Test
        @Order(2)
        @DisplayName("[1,0,1,1,0,1] vs [1,0,1,0,0,1]: P 1, R 3/4 → F1 = 6/7 (Deep-ML prints 0.857)")
        void deepMlF1() {
            assertThat(FScore.fScore(Y_TRUE, new int[] {1, 0, 1, 0, 0, 1}, 1.0)).as("F1")
                    .isCloseTo(6.0 / 7, within(FORMULA));
        }

        @Test
        @Order(3)
        @DisplayName("[1,0,1,1,0,0] vs [1,0,0,0,0,1]: P 1/2, R 1/3 → F1 = 0.4")
        void deepMlF1Low() {
            assertThat(FScore.fScore(new int[] {1, 0, 1, 1, 0, 0}, new int[] {1, 0, 0, 0, 0, 1}, 1.0)).as("F1")
                    .isCloseTo(0.4, within(FORMULA));
        }

        @Test
        @Order(4)
        @DisplayName("[1,0,1,1,0,1] vs [0,0,0,1,0,1]: P 1, R 1/2 → F2 = 5/9 (Deep-ML prints 0.556)")
        void deepMlF2() {
            assertThat(FScore.fScore(Y_TRUE, new int[] {0, 0, 0, 1, 0, 1}, 2.0)).as("F2")
                    .isCloseTo(5.0 / 9, within(FORMULA));
        }

        @Test
        @Order(5)
        @DisplayName("the same predictions with β = 0.5 lean towards precision: F0.5 = 5/6")
        void fHalf() {
            // (1 + 0.25) · 1 · 0.5 / (0.25 · 1 + 0.5) = 0.625 / 0.75.
            assertThat(FScore.fScore(Y_TRUE, new int[] {0, 0, 0, 1, 0, 1}, 0.5)).as("F0.5")
                    .isCloseTo(5.0 / 6, within(FORMULA));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("F_β lies in [0, 1] and equals (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP)")
        void inUnitIntervalAndEqualsCountFormula() {
            qt().forAll(labelPairs(0, 60, 2), betas()).checkAssert((p, beta) -> {
                double b2 = beta * beta;
                int tp = count(p, 1, 1);
                double denominator = (1 + b2) * tp + b2 * count(p, 1, 0) + count(p, 0, 1);
                double expected = tp == 0 ? 0.0 : (1 + b2) * tp / denominator;
                assertThat(FScore.fScore(p.yTrue(), p.yPred(), beta)).as("F_%s for %s", beta, p)
                        .isBetween(0.0, 1.0).isCloseTo(expected, within(FORMULA));
            });
        }

        @Test
        @DisplayName("F1 is the harmonic mean of precision and recall")
        void f1IsTheHarmonicMean() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                double precision = precision(p);
                double recall = recall(p);
                double harmonic = precision * recall == 0 ? 0.0 : 2 / (1 / precision + 1 / recall);
                assertThat(FScore.fScore(p.yTrue(), p.yPred(), 1.0)).as("F1 for %s (P %s, R %s)", p, precision,
                        recall).isCloseTo(harmonic, within(FORMULA));
            });
        }

        @Test
        @DisplayName("F_β lies between min(P, R) and max(P, R) for every β")
        void betweenPrecisionAndRecall() {
            qt().forAll(labelPairs(0, 60, 2), betas()).checkAssert((p, beta) -> {
                double precision = precision(p);
                double recall = recall(p);
                assertThat(FScore.fScore(p.yTrue(), p.yPred(), beta))
                        .as("F_%s for %s (P %s, R %s)", beta, p, precision, recall)
                        .isBetween(Math.min(precision, recall) - FORMULA, Math.max(precision, recall) + FORMULA);
            });
        }

        @Test
        @DisplayName("swapping yTrue and yPred swaps P and R: F_β of the swap is F_(1/β), and F1 is unchanged")
        void swappingArgumentsInvertsBeta() {
            qt().forAll(labelPairs(0, 60, 2), betas()).checkAssert((p, beta) -> {
                assertThat(FScore.fScore(p.yPred(), p.yTrue(), beta)).as("F_%s(yPred, yTrue) for %s", beta, p)
                        .isCloseTo(FScore.fScore(p.yTrue(), p.yPred(), 1 / beta), within(FORMULA));
                assertThat(FScore.fScore(p.yPred(), p.yTrue(), 1.0)).as("F1(yPred, yTrue) for %s", p)
                        .isCloseTo(FScore.fScore(p.yTrue(), p.yPred(), 1.0), within(FORMULA));
            });
        }

        @Test
        @DisplayName("yTrue and yPred are left unchanged")
        void inputsUnchanged() {
            qt().forAll(labelPairs(0, 30, 2)).checkAssert(p -> {
                int[] yTrue = p.yTrue().clone();
                int[] yPred = p.yPred().clone();

                FScore.fScore(yTrue, yPred, 2.0);

                assertThat(yTrue).as("yTrue after the call").containsExactly(p.yTrue());
                assertThat(yPred).as("yPred after the call").containsExactly(p.yPred());
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final FScoreOracle.Case[] SKLEARN_CASES = FScoreOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's fbeta_score with zero_division=0")
        void matchesScikitLearn(FScoreOracle.Case c) {
            assertThat(FScore.fScore(c.yTrue(), c.yPred(), c.beta())).as("F_%s for %s", c.beta(), c.name())
                    .isCloseTo(c.fScore(), within(FORMULA));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("perfect predictions → 1.0 for every β")
        void perfect() {
            int[] y = {1, 0, 1, 0, 0};
            for (double beta : new double[] {0.1, 1, 7}) {
                assertThat(FScore.fScore(y, y.clone(), beta)).as("F_%s", beta).isCloseTo(1.0, within(FORMULA));
            }
        }

        @Test
        @DisplayName("a very large β approaches recall, a very small one precision")
        void extremeBetas() {
            // P = 1/3 (1 of 3 predicted positives is right), R = 1/2 (1 of 2 positives found).
            int[] yTrue = {1, 1, 0, 0, 0};
            int[] yPred = {1, 0, 1, 1, 0};

            assertThat(FScore.fScore(yTrue, yPred, 1e4)).as("F_10000 ≈ recall").isCloseTo(0.5, within(1e-8));
            assertThat(FScore.fScore(yTrue, yPred, 1e-4)).as("F_0.0001 ≈ precision").isCloseTo(1.0 / 3, within(1e-8));
        }

        @Test
        @DisplayName("empty arrays, nothing predicted positive, or no actual positives → 0.0")
        void zeroDenominators() {
            assertThat(FScore.fScore(new int[0], new int[0], 1.0)).as("F1 of no samples").isEqualTo(0.0);
            assertThat(FScore.fScore(new int[] {1, 0}, new int[] {0, 0}, 1.0)).as("F1, nothing predicted positive")
                    .isEqualTo(0.0);
            assertThat(FScore.fScore(new int[] {0, 0}, new int[] {1, 0}, 1.0)).as("F1, no actual positives")
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("null yTrue or yPred is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "fScore(null, {1}, 1.0)",
                    () -> FScore.fScore(null, new int[] {1}, 1.0), "yTrue");
            assertRejects(NullPointerException.class, "fScore({1}, null, 1.0)",
                    () -> FScore.fScore(new int[] {1}, null, 1.0), "yPred");
        }

        @Test
        @DisplayName("labels other than 0 and 1 are rejected")
        void nonBinaryLabels() {
            assertRejects(IllegalArgumentException.class, "fScore({2}, {1}, 1.0)",
                    () -> FScore.fScore(new int[] {2}, new int[] {1}, 1.0), "yTrue");
            assertRejects(IllegalArgumentException.class, "fScore({1}, {-1}, 1.0)",
                    () -> FScore.fScore(new int[] {1}, new int[] {-1}, 1.0), "yPred");
        }

        @Test
        @DisplayName("yPred must have one prediction per label")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "fScore({1, 0}, {1}, 1.0)",
                    () -> FScore.fScore(new int[] {1, 0}, new int[] {1}, 1.0), "yPred");
        }

        @ParameterizedTest(name = "beta = {0}")
        @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("beta must be finite and > 0")
        void badBeta(double beta) {
            assertRejects(IllegalArgumentException.class, "fScore(Y_TRUE, Y_TRUE, " + beta + ")",
                    () -> FScore.fScore(Y_TRUE, Y_TRUE, beta), "beta");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("β used instead of β²: F2 with P 1, R 1/2 is 5/9, not 0.6")
        void betaUsedInsteadOfBetaSquared() {
            double f2 = FScore.fScore(Y_TRUE, new int[] {0, 0, 0, 1, 0, 1}, 2.0);

            assertThat(f2)
                    .as("got F2 = %s for P 1, R 1/2: (1 + β)·P·R / (β·P + R) = 0.6 means β was used where the"
                            + " formula has β². F_β = (1 + β²)·P·R / (β²·P + R) = 5/9", f2)
                    .isCloseTo(5.0 / 9, within(FORMULA));
        }

        @Test
        @DisplayName("NaN on zero denominators: P = 0 or R = 0 gives 0.0")
        void nanOnZeroDenominators() {
            double allWrong = FScore.fScore(new int[] {1, 0}, new int[] {0, 1}, 1.0);
            double nothingPredicted = FScore.fScore(new int[] {1, 1}, new int[] {0, 0}, 2.0);

            assertThat(new double[] {allWrong, nothingPredicted})
                    .as("got %s and %s for TP = 0: with P = R = 0 the formula is 0 / 0 = NaN. Return 0.0 when"
                            + " P·R = 0 (and use 0.0 for an undefined P or R)", allWrong, nothingPredicted)
                    .containsExactly(0.0, 0.0);
        }

        @Test
        @DisplayName("precision and recall swapped in the formula: β > 1 must favour recall")
        void precisionAndRecallSwapped() {
            // P = 1/4 (1 of 4 predicted positives is right), R = 1 (the only positive is found).
            double f3 = FScore.fScore(new int[] {1, 0, 0, 0, 0}, new int[] {1, 1, 1, 1, 0}, 3.0);
            double expected = 10 * 0.25 * 1 / (9 * 0.25 + 1);

            assertThat(f3)
                    .as("got F3 = %s for P 1/4, R 1: β² multiplies precision in the denominator,"
                            + " (1 + β²)·P·R / (β²·P + R), so a large β pulls F towards recall (%s expected)", f3,
                            expected)
                    .isCloseTo(expected, within(FORMULA));
        }
    }

    /** True labels and predictions of the same length. */

    /** β from 0.1 to 10: F0.1 is almost precision, F10 almost recall. */
    private static Gen<Double> betas() {
        return Gens.values(-1, 1).map(e -> Math.pow(10, e));
    }

    /** The number of samples with yTrue == truth and yPred == predicted. */
    private static int count(LabelPair p, int truth, int predicted) {
        int count = 0;
        for (int i = 0; i < p.yTrue().length; i++) {
            count += p.yTrue()[i] == truth && p.yPred()[i] == predicted ? 1 : 0;
        }
        return count;
    }

    private static double precision(LabelPair p) {
        int tp = count(p, 1, 1);
        return tp == 0 ? 0.0 : (double) tp / (tp + count(p, 0, 1));
    }

    private static double recall(LabelPair p) {
        int tp = count(p, 1, 1);
        return tp == 0 ? 0.0 : (double) tp / (tp + count(p, 1, 0));
    }
}
