package mlkatas.evaluation;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static mlkatas.support.Gens.labelPairs;
import static org.quicktheories.QuickTheory.qt;

import mlkatas.support.Gens.LabelPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("3.3 Precision: the fraction of predicted positives that are right")
class PrecisionTest {

    /** One division of two small counts: the only rounding is the last bit of the quotient. */
    private static final double EXACT = 1e-15;

    private static final int[] Y_TRUE = {1, 0, 1, 1, 0, 1};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one true positive and one false positive → 1/2")
        void oneRightOneWrong() {
            assertThat(Precision.precision(new int[] {1, 0}, new int[] {1, 1})).as("precision")
                    .isCloseTo(0.5, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("[1,0,1,1,0,1] vs [1,0,1,0,0,1]: every predicted positive is right → 1.0")
        void everyPredictedPositiveRight() {
            // TP 3, FP 0: the missed positive (a false negative) does not lower precision.
            assertThat(Precision.precision(Y_TRUE, new int[] {1, 0, 1, 0, 0, 1})).as("precision")
                    .isCloseTo(1.0, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("[1,0,1,1,0,0] vs [1,0,0,0,0,1]: one of two predicted positives is right → 0.5")
        void halfRight() {
            assertThat(Precision.precision(new int[] {1, 0, 1, 1, 0, 0}, new int[] {1, 0, 0, 0, 0, 1}))
                    .as("precision").isCloseTo(0.5, within(EXACT));
        }

        @Test
        @Order(4)
        @DisplayName("[1,0,1,1,0,1] vs [0,1,0,0,1,0]: no predicted positive is right → 0.0")
        void allWrong() {
            assertThat(Precision.precision(Y_TRUE, new int[] {0, 1, 0, 0, 1, 0})).as("precision")
                    .isCloseTo(0.0, within(EXACT));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("precision lies in [0, 1] and equals TP / (TP + FP)")
        void inUnitIntervalAndEqualsCountRatio() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                double precision = Precision.precision(p.yTrue(), p.yPred());
                assertThat(precision).as("precision for %s", p).isBetween(0.0, 1.0)
                        .isCloseTo(ratio(count(p, 1, 1), count(p, 1, 1) + count(p, 0, 1)), within(EXACT));
            });
        }

        @Test
        @DisplayName("swapping yTrue and yPred gives the recall TP / (TP + FN)")
        void swappingGivesRecall() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                double recall = ratio(count(p, 1, 1), count(p, 1, 1) + count(p, 1, 0));
                assertThat(Precision.precision(p.yPred(), p.yTrue())).as("precision(yPred, yTrue) for %s", p)
                        .isCloseTo(recall, within(EXACT));
            });
        }

        @Test
        @DisplayName("only the samples predicted positive matter: changing yTrue elsewhere changes nothing")
        void onlyPredictedPositivesMatter() {
            qt().forAll(labelPairs(1, 60, 2)).checkAssert(p -> {
                int[] otherTruth = p.yTrue().clone();
                for (int i = 0; i < otherTruth.length; i++) {
                    if (p.yPred()[i] == 0) {
                        otherTruth[i] = 1 - otherTruth[i];
                    }
                }
                assertThat(Precision.precision(otherTruth, p.yPred()))
                        .as("precision after flipping yTrue where yPred is 0, for %s", p)
                        .isEqualTo(Precision.precision(p.yTrue(), p.yPred()));
            });
        }

        @Test
        @DisplayName("yTrue and yPred are left unchanged")
        void inputsUnchanged() {
            qt().forAll(labelPairs(0, 30, 2)).checkAssert(p -> {
                int[] yTrue = p.yTrue().clone();
                int[] yPred = p.yPred().clone();

                Precision.precision(yTrue, yPred);

                assertThat(yTrue).as("yTrue after the call").containsExactly(p.yTrue());
                assertThat(yPred).as("yPred after the call").containsExactly(p.yPred());
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final PrecisionOracle.Case[] SKLEARN_CASES = PrecisionOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's precision_score with zero_division=0")
        void matchesScikitLearn(PrecisionOracle.Case c) {
            assertThat(Precision.precision(c.yTrue(), c.yPred())).as("precision for %s", c.name())
                    .isCloseTo(c.precision(), within(EXACT));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("nothing predicted positive → 0.0, not NaN")
        void nothingPredictedPositive() {
            assertThat(Precision.precision(new int[] {1, 1, 0}, new int[] {0, 0, 0})).as("precision")
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("empty arrays → 0.0")
        void empty() {
            assertThat(Precision.precision(new int[0], new int[0])).as("precision of no samples").isEqualTo(0.0);
        }

        @Test
        @DisplayName("null yTrue or yPred is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "precision(null, {1})",
                    () -> Precision.precision(null, new int[] {1}), "yTrue");
            assertRejects(NullPointerException.class, "precision({1}, null)",
                    () -> Precision.precision(new int[] {1}, null), "yPred");
        }

        @Test
        @DisplayName("labels other than 0 and 1 are rejected")
        void nonBinaryLabels() {
            assertRejects(IllegalArgumentException.class, "precision({2}, {1})",
                    () -> Precision.precision(new int[] {2}, new int[] {1}), "yTrue");
            assertRejects(IllegalArgumentException.class, "precision({1}, {-1})",
                    () -> Precision.precision(new int[] {1}, new int[] {-1}), "yPred");
        }

        @Test
        @DisplayName("yPred must have one prediction per label")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "precision({1, 0}, {1})",
                    () -> Precision.precision(new int[] {1, 0}, new int[] {1}), "yPred");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("precision and recall swapped: divide by the predicted positives, not the actual ones")
        void precisionAndRecallSwapped() {
            // TP 1, FP 0, FN 3: precision 1.0, recall 0.25.
            double precision = Precision.precision(new int[] {1, 1, 1, 1, 0}, new int[] {1, 0, 0, 0, 0});

            assertThat(precision)
                    .as("got %s for 1 TP, 0 FP, 3 FN: that is the recall TP / (TP + FN). Precision asks how many"
                            + " predicted positives are right: TP / (TP + FP) = 1.0", precision)
                    .isCloseTo(1.0, within(EXACT));
        }

        @Test
        @DisplayName("NaN on a zero denominator: nothing predicted positive gives 0.0")
        void nanOnZeroDenominator() {
            double precision = Precision.precision(new int[] {1, 0, 1}, new int[] {0, 0, 0});

            assertThat(precision)
                    .as("got %s when nothing is predicted positive: 0 / 0 must be caught and returned as 0.0"
                            + " (scikit-learn's zero_division=0), never NaN", precision)
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("integer division: 2 / 3 must not become 0")
        void integerDivision() {
            double precision = Precision.precision(new int[] {1, 1, 0}, new int[] {1, 1, 1});

            assertThat(precision)
                    .as("got %s for TP 2, FP 1: an int / int division truncates to 0 (or 1). Cast a count to double"
                            + " before dividing", precision)
                    .isCloseTo(2.0 / 3, within(EXACT));
        }
    }

    /** True labels and predictions of the same length. */

    /** The number of samples with yTrue == truth and yPred == predicted. */
    private static int count(LabelPair p, int truth, int predicted) {
        int count = 0;
        for (int i = 0; i < p.yTrue().length; i++) {
            count += p.yTrue()[i] == truth && p.yPred()[i] == predicted ? 1 : 0;
        }
        return count;
    }

    private static double ratio(int count, int total) {
        return total == 0 ? 0.0 : (double) count / total;
    }
}
