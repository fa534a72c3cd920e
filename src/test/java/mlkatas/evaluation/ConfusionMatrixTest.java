package mlkatas.evaluation;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static mlkatas.support.Gens.labelPairs;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens.LabelPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("3.2 ConfusionMatrix: count how predictions line up with the truth")
class ConfusionMatrixTest {

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one sample per cell: [[TP, FN], [FP, TN]] = [[1, 1], [1, 1]], positive class first")
        void oneSamplePerCell() {
            // (true, predicted) = (1, 1) TP, (1, 0) FN, (0, 1) FP, (0, 0) TN.
            int[][] matrix = ConfusionMatrix.binary(new int[] {1, 1, 0, 0}, new int[] {1, 0, 1, 0});

            assertThat(matrix).as("confusion matrix").isDeepEqualTo(new int[][] {{1, 1}, {1, 1}});
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML: 5 [true, predicted] pairs → [[1, 1], [2, 1]]")
        void fivePairs() {
            int[][] pairs = {{1, 1}, {1, 0}, {0, 1}, {0, 0}, {0, 1}};

            assertThat(binaryOfPairs(pairs)).as("confusion matrix").isDeepEqualTo(new int[][] {{1, 1}, {2, 1}});
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: 17 pairs → [[5, 5], [4, 3]]")
        void seventeenPairs() {
            int[][] pairs = {{0, 1}, {1, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 0}, {0, 1}, {1, 1}, {0, 0}, {1, 0},
                    {1, 1}, {0, 0}, {1, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 0}};

            assertThat(binaryOfPairs(pairs)).as("confusion matrix").isDeepEqualTo(new int[][] {{5, 5}, {4, 3}});
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML: 16 pairs with few positives → [[0, 3], [9, 4]]")
        void sixteenPairs() {
            int[][] pairs = {{0, 1}, {0, 1}, {0, 0}, {0, 1}, {0, 0}, {0, 1}, {0, 1}, {0, 0}, {1, 0}, {0, 1},
                    {1, 0}, {0, 0}, {0, 1}, {0, 1}, {0, 1}, {1, 0}};

            assertThat(binaryOfPairs(pairs)).as("confusion matrix").isDeepEqualTo(new int[][] {{0, 3}, {9, 4}});
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the four entries sum to the number of samples")
        void entriesSumToN() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> assertThat(
                    Arrays.stream(ConfusionMatrix.binary(p.yTrue(), p.yPred())).flatMapToInt(Arrays::stream).sum())
                    .as("sum of the entries for %s", p).isEqualTo(p.yTrue().length));
        }

        @Test
        @DisplayName("TP + FN is the number of actual positives, TP + FP the number of predicted positives")
        void marginsCountPositives() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                int[][] m = ConfusionMatrix.binary(p.yTrue(), p.yPred());
                assertThat(m[0][0] + m[0][1]).as("TP + FN for %s", p).isEqualTo(Arrays.stream(p.yTrue()).sum());
                assertThat(m[0][0] + m[1][0]).as("TP + FP for %s", p).isEqualTo(Arrays.stream(p.yPred()).sum());
            });
        }

        @Test
        @DisplayName("the diagonal TP + TN counts the samples where the prediction matches the truth")
        void diagonalCountsMatches() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                int[][] m = ConfusionMatrix.binary(p.yTrue(), p.yPred());
                assertThat(m[0][0] + m[1][1]).as("TP + TN for %s", p).isEqualTo(matches(p));
            });
        }

        @Test
        @DisplayName("yTrue and yPred are left unchanged")
        void inputsUnchanged() {
            qt().forAll(labelPairs(0, 30, 2)).checkAssert(p -> {
                int[] yTrue = p.yTrue().clone();
                int[] yPred = p.yPred().clone();

                ConfusionMatrix.binary(yTrue, yPred);

                assertThat(yTrue).as("yTrue after the call").containsExactly(p.yTrue());
                assertThat(yPred).as("yPred after the call").containsExactly(p.yPred());
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final ConfusionMatrixOracle.BinaryCase[] SKLEARN_BINARY = ConfusionMatrixOracle.BINARY_CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_BINARY")
        @DisplayName("matches scikit-learn's confusion_matrix with labels=[1, 0]")
        void matchesScikitLearn(ConfusionMatrixOracle.BinaryCase c) {
            assertThat(ConfusionMatrix.binary(c.yTrue(), c.yPred())).as("confusion matrix for %s", c.name())
                    .isDeepEqualTo(c.matrix());
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("empty arrays give the all-zero matrix")
        void empty() {
            assertThat(ConfusionMatrix.binary(new int[0], new int[0])).as("confusion matrix of no samples")
                    .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
        }

        @Test
        @DisplayName("a perfect classifier has only TP and TN")
        void perfect() {
            int[] y = {1, 0, 0, 1, 1};

            assertThat(ConfusionMatrix.binary(y, y.clone())).as("confusion matrix")
                    .isDeepEqualTo(new int[][] {{3, 0}, {0, 2}});
        }

        @Test
        @DisplayName("null yTrue or yPred is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "binary(null, {1})",
                    () -> ConfusionMatrix.binary(null, new int[] {1}), "yTrue");
            assertRejects(NullPointerException.class, "binary({1}, null)",
                    () -> ConfusionMatrix.binary(new int[] {1}, null), "yPred");
        }

        @Test
        @DisplayName("labels other than 0 and 1 are rejected")
        void nonBinaryLabels() {
            assertRejects(IllegalArgumentException.class, "binary({1, 2}, {1, 0})",
                    () -> ConfusionMatrix.binary(new int[] {1, 2}, new int[] {1, 0}), "yTrue");
            assertRejects(IllegalArgumentException.class, "binary({1, 0}, {-1, 0})",
                    () -> ConfusionMatrix.binary(new int[] {1, 0}, new int[] {-1, 0}), "yPred");
        }

        @Test
        @DisplayName("yPred must have one prediction per label")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "binary({1, 0, 1}, {1, 0})",
                    () -> ConfusionMatrix.binary(new int[] {1, 0, 1}, new int[] {1, 0}), "yPred");
        }

        @Test
        @DisplayName("more predictions than labels are rejected too")
        void morePredictionsThanLabels() {
            assertRejects(IllegalArgumentException.class, "binary({1, 0}, {1, 0, 1})",
                    () -> ConfusionMatrix.binary(new int[] {1, 0}, new int[] {1, 0, 1}), "yPred");
        }

        @Test
        @DisplayName("every call returns a new matrix, also for empty arrays")
        void newMatrixForEmptyArrays() {
            int[][] first = ConfusionMatrix.binary(new int[0], new int[0]);
            first[0][0] = 99;

            assertThat(ConfusionMatrix.binary(new int[0], new int[0]))
                    .as("the matrix of a second call on empty arrays, after the first result was changed: return a"
                            + " new matrix every time, never a shared constant")
                    .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("FN and FP swapped: the top row is the actual positives")
        void falseNegativesAndFalsePositivesSwapped() {
            // Three false negatives (positives predicted 0), one false positive.
            int[][] m = ConfusionMatrix.binary(new int[] {1, 1, 1, 1, 0, 0}, new int[] {1, 0, 0, 0, 1, 0});

            assertThat(m)
                    .as("got %s for 3 false negatives and 1 false positive: are FN and FP swapped? Row 0 is the"
                            + " actual positives [TP, FN], row 1 the actual negatives [FP, TN]",
                            Arrays.deepToString(m))
                    .isDeepEqualTo(new int[][] {{1, 3}, {1, 1}});
        }

        @Test
        @DisplayName("negative class first: this kata's layout starts with TP, not TN")
        void positiveClassFirst() {
            // Two true positives, no true negatives.
            int[][] m = ConfusionMatrix.binary(new int[] {1, 1, 0}, new int[] {1, 1, 1});

            assertThat(m)
                    .as("got %s for 2 TP, 0 FN, 1 FP, 0 TN: the layout here is [[TP, FN], [FP, TN]] (positive"
                            + " class first, like scikit-learn with labels=[1, 0]), not scikit-learn's default"
                            + " [[TN, FP], [FN, TP]]", Arrays.deepToString(m))
                    .isDeepEqualTo(new int[][] {{2, 0}, {1, 0}});
        }
    }

    @Nested
    @Tag("partB")
    @Order(6)
    @DisplayName("Part B: multi-class confusion matrix")
    class PartB {

        static final ConfusionMatrixOracle.MultiClassCase[] SKLEARN_MULTI_CLASS =
                ConfusionMatrixOracle.MULTI_CLASS_CASES;

        @Test
        @Order(1)
        @DisplayName("3 classes: entry [i][j] counts true class i predicted as j")
        void threeClasses() {
            int[] yTrue = {0, 0, 1, 1, 1, 2, 2, 2, 2};
            int[] yPred = {0, 1, 1, 1, 2, 2, 2, 0, 2};

            assertThat(ConfusionMatrix.multiClass(yTrue, yPred, 3)).as("confusion matrix")
                    .isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 2, 1}, {1, 0, 3}});
        }

        @Test
        @Order(2)
        @DisplayName("the entries sum to n, each row to its true class count, each column to its predicted count")
        void sumsAndMargins() {
            qt().forAll(integers().between(1, 6).flatMap(c -> labelPairs(0, 60, c).map(p -> new Labelled(p, c))))
                    .checkAssert(l -> {
                        int[][] m = ConfusionMatrix.multiClass(l.pair().yTrue(), l.pair().yPred(), l.numClasses());
                        assertThat(m).as("number of rows for %s", l).hasNumberOfRows(l.numClasses());
                        for (int i = 0; i < l.numClasses(); i++) {
                            int row = i;
                            assertThat(Arrays.stream(m[i]).sum()).as("sum of row %d for %s", i, l)
                                    .isEqualTo(count(l.pair().yTrue(), i));
                            assertThat(Arrays.stream(m).mapToInt(r -> r[row]).sum()).as("sum of column %d for %s", i, l)
                                    .isEqualTo(count(l.pair().yPred(), i));
                        }
                    });
        }

        @Test
        @Order(3)
        @DisplayName("the diagonal sums to the number of correct predictions")
        void diagonalCountsMatches() {
            qt().forAll(integers().between(1, 6).flatMap(c -> labelPairs(0, 60, c).map(p -> new Labelled(p, c))))
                    .checkAssert(l -> {
                        int[][] m = ConfusionMatrix.multiClass(l.pair().yTrue(), l.pair().yPred(), l.numClasses());
                        int trace = 0;
                        for (int i = 0; i < l.numClasses(); i++) {
                            trace += m[i][i];
                        }
                        assertThat(trace).as("trace for %s", l).isEqualTo(matches(l.pair()));
                    });
        }

        @Test
        @Order(4)
        @DisplayName("with 2 classes it is the binary matrix rearranged: [[TN, FP], [FN, TP]]")
        void twoClassesIsBinaryRearranged() {
            qt().forAll(labelPairs(0, 60, 2)).checkAssert(p -> {
                int[][] b = ConfusionMatrix.binary(p.yTrue(), p.yPred());
                assertThat(ConfusionMatrix.multiClass(p.yTrue(), p.yPred(), 2)).as("multiClass(..., 2) for %s", p)
                        .isDeepEqualTo(new int[][] {{b[1][1], b[1][0]}, {b[0][1], b[0][0]}});
            });
        }

        @ParameterizedTest(name = "{0}")
        @Order(5)
        @FieldSource("SKLEARN_MULTI_CLASS")
        @DisplayName("matches scikit-learn's confusion_matrix with labels=range(numClasses)")
        void matchesScikitLearn(ConfusionMatrixOracle.MultiClassCase c) {
            assertThat(ConfusionMatrix.multiClass(c.yTrue(), c.yPred(), c.numClasses()))
                    .as("confusion matrix for %s", c.name()).isDeepEqualTo(c.matrix());
        }

        @Test
        @Order(6)
        @DisplayName("empty arrays give the all-zero numClasses×numClasses matrix")
        void empty() {
            assertThat(ConfusionMatrix.multiClass(new int[0], new int[0], 3)).as("confusion matrix of no samples")
                    .isDeepEqualTo(new int[3][3]);
        }

        @Test
        @Order(7)
        @DisplayName("bad input: null arrays, numClasses < 1, classes out of range, different lengths")
        void badInput() {
            assertRejects(NullPointerException.class, "multiClass(null, {0}, 2)",
                    () -> ConfusionMatrix.multiClass(null, new int[] {0}, 2), "yTrue");
            assertRejects(NullPointerException.class, "multiClass({0}, null, 2)",
                    () -> ConfusionMatrix.multiClass(new int[] {0}, null, 2), "yPred");
            assertRejects(IllegalArgumentException.class, "multiClass(new int[0], new int[0], 0)",
                    () -> ConfusionMatrix.multiClass(new int[0], new int[0], 0), "numClasses");
            assertRejects(IllegalArgumentException.class, "multiClass({0, 3}, {0, 1}, 3)",
                    () -> ConfusionMatrix.multiClass(new int[] {0, 3}, new int[] {0, 1}, 3), "yTrue");
            assertRejects(IllegalArgumentException.class, "multiClass({0, 1}, {0, -1}, 3)",
                    () -> ConfusionMatrix.multiClass(new int[] {0, 1}, new int[] {0, -1}, 3), "yPred");
            assertRejects(IllegalArgumentException.class, "multiClass({0, 1}, {0}, 3)",
                    () -> ConfusionMatrix.multiClass(new int[] {0, 1}, new int[] {0}, 3), "yPred");
        }

        @Test
        @Order(8)
        @DisplayName("mistake: rows and columns swapped (rows are the true classes)")
        void rowsAndColumnsSwapped() {
            // Two samples of class 0 predicted as 2, none of class 2 predicted as 0.
            int[][] m = ConfusionMatrix.multiClass(new int[] {0, 0, 1}, new int[] {2, 2, 1}, 3);

            assertThat(m)
                    .as("got %s for two samples of true class 0 predicted as class 2: rows and columns are swapped."
                            + " Entry [i][j] counts true class i predicted as j (m[yTrue][yPred]++)",
                            Arrays.deepToString(m))
                    .isDeepEqualTo(new int[][] {{0, 0, 2}, {0, 1, 0}, {0, 0, 0}});
        }

        @Test
        @Order(9)
        @DisplayName("yTrue and yPred are left unchanged")
        void inputsUnchanged() {
            qt().forAll(integers().between(1, 6).flatMap(c -> labelPairs(0, 30, c).map(p -> new Labelled(p, c))))
                    .checkAssert(l -> {
                        int[] yTrue = l.pair().yTrue().clone();
                        int[] yPred = l.pair().yPred().clone();

                        ConfusionMatrix.multiClass(yTrue, yPred, l.numClasses());

                        assertThat(yTrue).as("yTrue after the call for %s", l).containsExactly(l.pair().yTrue());
                        assertThat(yPred).as("yPred after the call for %s", l).containsExactly(l.pair().yPred());
                    });
        }
    }

    /** True labels and predictions of the same length. */

    /** A label pair and its number of classes. */
    record Labelled(LabelPair pair, int numClasses) {
        @Override
        public String toString() {
            return pair + ", numClasses=" + numClasses;
        }
    }

    private static int[][] binaryOfPairs(int[][] pairs) {
        int[] yTrue = Arrays.stream(pairs).mapToInt(p -> p[0]).toArray();
        int[] yPred = Arrays.stream(pairs).mapToInt(p -> p[1]).toArray();
        return ConfusionMatrix.binary(yTrue, yPred);
    }

    private static int matches(LabelPair p) {
        int matches = 0;
        for (int i = 0; i < p.yTrue().length; i++) {
            matches += p.yTrue()[i] == p.yPred()[i] ? 1 : 0;
        }
        return matches;
    }

    private static int count(int[] labels, int label) {
        return (int) Arrays.stream(labels).filter(v -> v == label).count();
    }
}
