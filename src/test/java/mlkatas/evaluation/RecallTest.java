package mlkatas.evaluation;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static mlkatas.support.Gens.labelPairs;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.support.Gens;
import mlkatas.support.Gens.LabelPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("3.4 Recall: the fraction of actual positives that are found")
class RecallTest {

    /** One division of two small counts: the only rounding is the last bit of the quotient. */
    private static final double EXACT = 1e-15;

    private static final int[] Y_TRUE = {1, 0, 1, 1, 0, 1};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("two positives, one found → 1/2")
        void oneOfTwoFound() {
            assertThat(Recall.recall(new int[] {1, 1}, new int[] {1, 0})).as("recall")
                    .isCloseTo(0.5, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("[1,0,1,1,0,1] vs [1,0,1,0,0,1]: 3 of 4 positives found → 0.75")
        void threeOfFourFound() {
            assertThat(Recall.recall(Y_TRUE, new int[] {1, 0, 1, 0, 0, 1})).as("recall")
                    .isCloseTo(0.75, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("[1,0,1,1,0,0] vs [1,0,0,0,0,1]: 1 of 3 positives found → 1/3 (Deep-ML prints 0.333)")
        void oneOfThreeFound() {
            assertThat(Recall.recall(new int[] {1, 0, 1, 1, 0, 0}, new int[] {1, 0, 0, 0, 0, 1})).as("recall")
                    .isCloseTo(1.0 / 3, within(EXACT));
        }

        @Test
        @Order(4)
        @DisplayName("[1,0,1,1,0,1] vs [0,0,0,1,0,1]: 2 of 4 positives found → 0.5")
        void twoOfFourFound() {
            assertThat(Recall.recall(Y_TRUE, new int[] {0, 0, 0, 1, 0, 1})).as("recall")
                    .isCloseTo(0.5, within(EXACT));
        }

        @Test
        @Order(5)
        @DisplayName("[1,0,1,1,0,1] vs [0,1,0,0,1,0]: no positive found → 0.0")
        void noneFound() {
            assertThat(Recall.recall(Y_TRUE, new int[] {0, 1, 0, 0, 1, 0})).as("recall")
                    .isCloseTo(0.0, within(EXACT));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("recall lies in [0, 1] and equals TP / (TP + FN)")
        void inUnitIntervalAndEqualsCountRatio() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                double recall = Recall.recall(p.yTrue(), p.yPred());
                assertThat(recall).as("recall for %s", p).isBetween(0.0, 1.0)
                        .isCloseTo(ratio(count(p, 1, 1), count(p, 1, 1) + count(p, 1, 0)), within(EXACT));
            });
        }

        @Test
        @DisplayName("swapping yTrue and yPred gives the precision TP / (TP + FP)")
        void swappingGivesPrecision() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                double precision = ratio(count(p, 1, 1), count(p, 1, 1) + count(p, 0, 1));
                assertThat(Recall.recall(p.yPred(), p.yTrue())).as("recall(yPred, yTrue) for %s", p)
                        .isCloseTo(precision, within(EXACT));
            });
        }

        @Test
        @DisplayName("only the actual positives matter: changing yPred on negatives changes nothing")
        void onlyActualPositivesMatter() {
            qt().forAll(labelPairs(1, 60, 2)).checkAssert(p -> {
                int[] otherPredictions = p.yPred().clone();
                for (int i = 0; i < otherPredictions.length; i++) {
                    if (p.yTrue()[i] == 0) {
                        otherPredictions[i] = 1 - otherPredictions[i];
                    }
                }
                assertThat(Recall.recall(p.yTrue(), otherPredictions))
                        .as("recall after flipping yPred where yTrue is 0, for %s", p)
                        .isEqualTo(Recall.recall(p.yTrue(), p.yPred()));
            });
        }

        @Test
        @DisplayName("predicting everything positive gives recall 1 whenever there is a positive")
        void predictingEverythingPositive() {
            qt().forAll(Gens.binaryLabelsWithBothClasses(2, 60)).checkAssert(y -> {
                int[] allPositive = new int[y.length];
                Arrays.fill(allPositive, 1);
                assertThat(Recall.recall(y, allPositive)).as("recall of all-positive predictions for %s",
                        Arrays.toString(y)).isEqualTo(1.0);
            });
        }

        @Test
        @DisplayName("yTrue and yPred are left unchanged")
        void inputsUnchanged() {
            qt().forAll(labelPairs(0, 30, 2)).checkAssert(p -> {
                int[] yTrue = p.yTrue().clone();
                int[] yPred = p.yPred().clone();

                Recall.recall(yTrue, yPred);

                assertThat(yTrue).as("yTrue after the call").containsExactly(p.yTrue());
                assertThat(yPred).as("yPred after the call").containsExactly(p.yPred());
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final RecallOracle.Case[] SKLEARN_CASES = RecallOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's recall_score with zero_division=0")
        void matchesScikitLearn(RecallOracle.Case c) {
            assertThat(Recall.recall(c.yTrue(), c.yPred())).as("recall for %s", c.name())
                    .isCloseTo(c.recall(), within(EXACT));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("no actual positives → 0.0, not NaN")
        void noActualPositives() {
            assertThat(Recall.recall(new int[] {0, 0, 0}, new int[] {1, 0, 1})).as("recall").isEqualTo(0.0);
        }

        @Test
        @DisplayName("empty arrays → 0.0")
        void empty() {
            assertThat(Recall.recall(new int[0], new int[0])).as("recall of no samples").isEqualTo(0.0);
        }

        @Test
        @DisplayName("null yTrue or yPred is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "recall(null, {1})",
                    () -> Recall.recall(null, new int[] {1}), "yTrue");
            assertRejects(NullPointerException.class, "recall({1}, null)",
                    () -> Recall.recall(new int[] {1}, null), "yPred");
        }

        @Test
        @DisplayName("labels other than 0 and 1 are rejected")
        void nonBinaryLabels() {
            assertRejects(IllegalArgumentException.class, "recall({2}, {1})",
                    () -> Recall.recall(new int[] {2}, new int[] {1}), "yTrue");
            assertRejects(IllegalArgumentException.class, "recall({1}, {-1})",
                    () -> Recall.recall(new int[] {1}, new int[] {-1}), "yPred");
        }

        @Test
        @DisplayName("yPred must have one prediction per label")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "recall({1, 0}, {1})",
                    () -> Recall.recall(new int[] {1, 0}, new int[] {1}), "yPred");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("recall and precision swapped: divide by the actual positives, not the predicted ones")
        void recallAndPrecisionSwapped() {
            // TP 1, FP 3, FN 0: recall 1.0, precision 0.25.
            double recall = Recall.recall(new int[] {1, 0, 0, 0, 0}, new int[] {1, 1, 1, 1, 0});

            assertThat(recall)
                    .as("got %s for 1 TP, 3 FP, 0 FN: that is the precision TP / (TP + FP). Recall asks how many"
                            + " actual positives were found: TP / (TP + FN) = 1.0", recall)
                    .isCloseTo(1.0, within(EXACT));
        }

        @Test
        @DisplayName("NaN on a zero denominator: no actual positives gives 0.0")
        void nanOnZeroDenominator() {
            double recall = Recall.recall(new int[] {0, 0, 0}, new int[] {0, 1, 0});

            assertThat(recall)
                    .as("got %s when there are no actual positives: 0 / 0 must be caught and returned as 0.0"
                            + " (scikit-learn's zero_division=0), never NaN", recall)
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("integer division: 2 / 3 must not become 0")
        void integerDivision() {
            double recall = Recall.recall(new int[] {1, 1, 1}, new int[] {1, 1, 0});

            assertThat(recall)
                    .as("got %s for TP 2, FN 1: an int / int division truncates to 0 (or 1). Cast a count to double"
                            + " before dividing", recall)
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
