package mlkatas.evaluation;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import mlkatas.support.Gens;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("3.6 RocAuc: the ROC curve and the area under it")
class RocAucTest {

    /**
     * Rates are k/P and k/N; the area sums at most a few hundred trapezoids of such fractions: rounding stays
     * within a few ulps of 1, far below the 1/(P·N) ≥ 1e-5 that one misranked pair moves the AUC.
     */
    private static final double EXACT = 1e-12;

    /**
     * Each draw sorts and walks up to 40 scores; 200 draws cover short and long samples, few and many ties,
     * and keep the class within its time budget.
     */
    private static final int PROPERTY_EXAMPLES = 200;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one negative scored below one positive: AUC 1")
        void onePairRankedRight() {
            assertThat(RocAuc.auc(new int[] {0, 1}, new double[] {0.2, 0.8})).as("AUC").isCloseTo(1.0, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML: yTrue [0,0,1,1], scores [0.1,0.4,0.35,0.8] → 0.75")
        void deepMlDistinctScores() {
            // Of the 4 (positive, negative) pairs, only 0.35 < 0.4 is ranked the wrong way: 3/4.
            assertThat(RocAuc.auc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8})).as("AUC")
                    .isCloseTo(0.75, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML with a tie: yTrue [0,1,0,1], scores [0.5,0.5,0.2,0.9] → 0.875")
        void deepMlTie() {
            // Pairs: 0.5 vs 0.5 is a tie (½), the other three are ranked right: 3.5/4.
            assertThat(RocAuc.auc(new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9})).as("AUC")
                    .isCloseTo(0.875, within(EXACT));
        }

        @Test
        @Order(4)
        @DisplayName("the curve of the tied example: (0,0) at +∞, then one point per distinct score")
        void curveOfTheTiedExample() {
            RocAuc.Curve curve = RocAuc.curve(new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9});

            assertVectorClose("false-positive rates", curve.falsePositiveRate(), new double[] {0, 0, 0.5, 1}, EXACT);
            assertVectorClose("true-positive rates", curve.truePositiveRate(), new double[] {0, 0.5, 1, 1}, EXACT);
            assertThat(curve.thresholds()).as("thresholds")
                    .containsExactly(Double.POSITIVE_INFINITY, 0.9, 0.5, 0.2);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the AUC lies in [0, 1]")
        void inUnitInterval() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> assertThat(RocAuc.auc(s.yTrue(), s.scores()))
                    .as("AUC for %s", s).isBetween(0.0, 1.0));
        }

        @Test
        @DisplayName("a perfect ranking (every positive above every negative) gives 1")
        void perfectRankingGivesOne() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> {
                double[] perfect = new double[s.scores().length];
                for (int i = 0; i < perfect.length; i++) {
                    // Positives in (10, 11], negatives in [−1, 0): any order within each class.
                    perfect[i] = s.yTrue()[i] == 1 ? 10 + 1 / (1.0 + i) : -1 / (1.0 + i);
                }
                assertThat(RocAuc.auc(s.yTrue(), perfect)).as("AUC of a perfect ranking for %s",
                        Arrays.toString(s.yTrue())).isCloseTo(1.0, within(EXACT));
            });
        }

        @Test
        @DisplayName("negating the scores gives 1 − AUC")
        void negatedScoresGiveOneMinusAuc() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> {
                double[] negated = Arrays.stream(s.scores()).map(v -> -v).toArray();
                assertThat(RocAuc.auc(s.yTrue(), negated)).as("AUC of the negated scores for %s", s)
                        .isCloseTo(1 - RocAuc.auc(s.yTrue(), s.scores()), within(EXACT));
            });
        }

        @Test
        @DisplayName("any strictly increasing transform of the scores leaves the AUC unchanged")
        void invariantUnderIncreasingTransforms() {
            DoubleUnaryOperator[] transforms = {v -> 3 * v + 1, v -> v * v * v, v -> Math.exp(v / 10)};
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> {
                double auc = RocAuc.auc(s.yTrue(), s.scores());
                for (int t = 0; t < transforms.length; t++) {
                    double[] transformed = Arrays.stream(s.scores()).map(transforms[t]).toArray();
                    assertThat(RocAuc.auc(s.yTrue(), transformed))
                            .as("AUC after transform %d (3x+1, x³, exp(x/10)) for %s", t, s)
                            .isCloseTo(auc, within(EXACT));
                }
            });
        }

        @Test
        @DisplayName("the AUC equals brute-force pair counting: P(positive > negative) + ½·P(tie)")
        void equalsPairCounting() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> assertThat(RocAuc.auc(s.yTrue(), s.scores()))
                    .as("AUC for %s", s).isCloseTo(pairCounting(s.yTrue(), s.scores()), within(EXACT)));
        }

        @Test
        @DisplayName("the curve runs from (0,0) at +∞ to (1,1), rates never fall, thresholds are the distinct scores")
        void curveShape() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> {
                RocAuc.Curve curve = RocAuc.curve(s.yTrue(), s.scores());
                double[] fpr = curve.falsePositiveRate();
                double[] tpr = curve.truePositiveRate();
                double[] distinctDescending = Arrays.stream(s.scores()).boxed().distinct()
                        .sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
                double[] expectedThresholds = new double[distinctDescending.length + 1];
                expectedThresholds[0] = Double.POSITIVE_INFINITY;
                System.arraycopy(distinctDescending, 0, expectedThresholds, 1, distinctDescending.length);

                assertThat(curve.thresholds()).as("thresholds for %s", s).containsExactly(expectedThresholds);
                assertThat(fpr).as("false-positive rates for %s", s).hasSize(expectedThresholds.length)
                        .startsWith(0.0).endsWith(1.0).isSorted();
                assertThat(tpr).as("true-positive rates for %s", s).hasSize(expectedThresholds.length)
                        .startsWith(0.0).endsWith(1.0).isSorted();
            });
        }

        @Test
        @DisplayName("auc is the trapezoidal area under curve")
        void aucIsTheAreaUnderTheCurve() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> {
                RocAuc.Curve curve = RocAuc.curve(s.yTrue(), s.scores());
                double area = 0;
                for (int i = 1; i < curve.thresholds().length; i++) {
                    area += (curve.falsePositiveRate()[i] - curve.falsePositiveRate()[i - 1])
                            * (curve.truePositiveRate()[i] + curve.truePositiveRate()[i - 1]) / 2;
                }
                assertThat(RocAuc.auc(s.yTrue(), s.scores())).as("AUC for %s", s).isCloseTo(area, within(EXACT));
            });
        }

        @Test
        @DisplayName("yTrue and scores are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> {
                int[] yTrue = s.yTrue().clone();
                double[] scores = s.scores().clone();

                RocAuc.auc(yTrue, scores);
                RocAuc.curve(yTrue, scores);

                assertThat(yTrue).as("yTrue after the calls").containsExactly(s.yTrue());
                assertThat(scores).as("scores after the calls").containsExactly(s.scores());
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final RocAucOracle.Case[] SKLEARN_CASES = RocAucOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's roc_auc_score")
        void aucMatchesScikitLearn(RocAucOracle.Case c) {
            assertThat(RocAuc.auc(c.yTrue(), c.scores())).as("AUC for %s", c.name()).isCloseTo(c.auc(), within(EXACT));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's roc_curve with drop_intermediate=False")
        void curveMatchesScikitLearn(RocAucOracle.Case c) {
            RocAuc.Curve curve = RocAuc.curve(c.yTrue(), c.scores());

            assertVectorClose("false-positive rates for " + c.name(), curve.falsePositiveRate(),
                    c.falsePositiveRate(), EXACT);
            assertVectorClose("true-positive rates for " + c.name(), curve.truePositiveRate(),
                    c.truePositiveRate(), EXACT);
            // The frozen values come from scikit-learn 1.2, whose first threshold is max(score) + 1; from 1.3 on
            // scikit-learn (and this kata) uses +∞ there. Both mean "above every score": nothing is predicted
            // positive. So the first threshold must be +∞, and the others equal scikit-learn's exactly.
            double[] thresholds = curve.thresholds();
            assertThat(thresholds).as("thresholds for %s", c.name()).hasSameSizeAs(c.thresholds());
            assertThat(thresholds[0]).as("first threshold for %s", c.name()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(Arrays.copyOfRange(thresholds, 1, thresholds.length)).as("thresholds after the first for %s",
                    c.name()).containsExactly(Arrays.copyOfRange(c.thresholds(), 1, c.thresholds().length));
        }

        @Test
        @DisplayName("matches commons-math's Mann–Whitney U: AUC·P·N is the positives' U statistic")
        void matchesMannWhitneyU() {
            MannWhitneyUTest mannWhitney = new MannWhitneyUTest();
            NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
            qt().withExamples(PROPERTY_EXAMPLES).forAll(scoredSamples()).checkAssert(s -> {
                double[] positives = select(s, 1);
                double[] negatives = select(s, 0);
                double pairs = (double) positives.length * negatives.length;
                double auc = RocAuc.auc(s.yTrue(), s.scores());

                // mannWhitneyU returns max(U_positives, U_negatives) = max(AUC, 1 − AUC)·P·N ...
                assertThat(Math.max(auc, 1 - auc) * pairs).as("max(AUC, 1 − AUC)·P·N for %s", s)
                        .isCloseTo(mannWhitney.mannWhitneyU(positives, negatives), within(EXACT * pairs));
                // ... so the direction comes from the positives' rank sum (ties get average ranks):
                // U_positives = R_positives − P(P+1)/2.
                double[] ranks = ranking.rank(concat(positives, negatives));
                double rankSum = Arrays.stream(ranks, 0, positives.length).sum();
                double uPositives = rankSum - positives.length * (positives.length + 1) / 2.0;
                assertThat(auc * pairs).as("AUC·P·N for %s", s).isCloseTo(uPositives, within(EXACT * pairs));
            });
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a perfectly reversed ranking gives 0")
        void reversedRanking() {
            assertThat(RocAuc.auc(new int[] {1, 1, 0}, new double[] {0.1, 0.2, 0.9})).as("AUC")
                    .isCloseTo(0.0, within(EXACT));
        }

        @Test
        @DisplayName("every score tied: one diagonal step from (0,0) to (1,1), AUC 0.5")
        void everyScoreTied() {
            RocAuc.Curve curve = RocAuc.curve(new int[] {1, 0, 1, 0, 0}, new double[] {7, 7, 7, 7, 7});

            assertThat(curve.thresholds()).as("thresholds").containsExactly(Double.POSITIVE_INFINITY, 7.0);
            assertVectorClose("false-positive rates", curve.falsePositiveRate(), new double[] {0, 1}, EXACT);
            assertVectorClose("true-positive rates", curve.truePositiveRate(), new double[] {0, 1}, EXACT);
        }

        @Test
        @DisplayName("changing a returned array does not change the next curve")
        void returnsNewArrays() {
            int[] yTrue = {0, 1};
            double[] scores = {0.2, 0.8};
            RocAuc.curve(yTrue, scores).thresholds()[1] = 42;

            assertThat(RocAuc.curve(yTrue, scores).thresholds()).as("thresholds of a fresh call")
                    .containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.2);
        }

        @Test
        @DisplayName("one class only: AUC is undefined, so both methods reject it (not 0.0)")
        void oneClassOnly() {
            assertRejects(IllegalArgumentException.class, "auc({1, 1}, {0.3, 0.6})",
                    () -> RocAuc.auc(new int[] {1, 1}, new double[] {0.3, 0.6}), "one class", "yTrue");
            assertRejects(IllegalArgumentException.class, "auc({0, 0}, {0.3, 0.6})",
                    () -> RocAuc.auc(new int[] {0, 0}, new double[] {0.3, 0.6}), "one class");
            assertRejects(IllegalArgumentException.class, "curve({0, 0, 0}, {0.1, 0.2, 0.3})",
                    () -> RocAuc.curve(new int[] {0, 0, 0}, new double[] {0.1, 0.2, 0.3}), "one class");
            assertRejects(IllegalArgumentException.class, "auc(new int[0], new double[0])",
                    () -> RocAuc.auc(new int[0], new double[0]), "yTrue");
        }

        @Test
        @DisplayName("NaN or infinite scores are rejected")
        void nonFiniteScores() {
            assertRejects(IllegalArgumentException.class, "auc({0, 1}, {0.3, NaN})",
                    () -> RocAuc.auc(new int[] {0, 1}, new double[] {0.3, Double.NaN}), "scores");
            assertRejects(IllegalArgumentException.class, "curve({0, 1}, {NaN, 0.3})",
                    () -> RocAuc.curve(new int[] {0, 1}, new double[] {Double.NaN, 0.3}), "scores");
            assertRejects(IllegalArgumentException.class, "auc({0, 1}, {0.3, Infinity})",
                    () -> RocAuc.auc(new int[] {0, 1}, new double[] {0.3, Double.POSITIVE_INFINITY}), "scores");
        }

        @Test
        @DisplayName("a −∞ score is rejected like +∞")
        void negativeInfiniteScore() {
            assertRejects(IllegalArgumentException.class, "auc({0, 1}, {-Infinity, 0.3})",
                    () -> RocAuc.auc(new int[] {0, 1}, new double[] {Double.NEGATIVE_INFINITY, 0.3}), "scores");
            assertRejects(IllegalArgumentException.class, "curve({0, 1}, {-Infinity, 0.3})",
                    () -> RocAuc.curve(new int[] {0, 1}, new double[] {Double.NEGATIVE_INFINITY, 0.3}), "scores");
        }

        @Test
        @DisplayName("null yTrue or scores is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "auc(null, {1})",
                    () -> RocAuc.auc(null, new double[] {1}), "yTrue");
            assertRejects(NullPointerException.class, "curve({0, 1}, null)",
                    () -> RocAuc.curve(new int[] {0, 1}, null), "scores");
        }

        @Test
        @DisplayName("labels other than 0 and 1, and a score count that differs from the label count, are rejected")
        void badLabelsAndLengths() {
            assertRejects(IllegalArgumentException.class, "auc({0, 2}, {0.1, 0.2})",
                    () -> RocAuc.auc(new int[] {0, 2}, new double[] {0.1, 0.2}), "yTrue");
            assertRejects(IllegalArgumentException.class, "auc({0, 1}, {0.1, 0.2, 0.3})",
                    () -> RocAuc.auc(new int[] {0, 1}, new double[] {0.1, 0.2, 0.3}), "scores");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("ties broken by sort order: all-tied scores must give AUC 0.5, whatever the label order")
        void tiesBrokenBySortOrder() {
            double positivesFirst = RocAuc.auc(new int[] {1, 1, 0, 0}, new double[] {0.5, 0.5, 0.5, 0.5});
            double negativesFirst = RocAuc.auc(new int[] {0, 0, 1, 1}, new double[] {0.5, 0.5, 0.5, 0.5});

            assertThat(new double[] {positivesFirst, negativesFirst})
                    .as("with every score tied the AUC was %s (positives listed first) and %s (negatives first):"
                            + " the order of tied samples decided the ranking. Tied scores cross the threshold"
                            + " together: one step per distinct score, a diagonal when the tie mixes classes (a tie"
                            + " counts ½)", positivesFirst, negativesFirst)
                    .containsExactly(new double[] {0.5, 0.5}, within(EXACT));
        }

        @Test
        @DisplayName("area by rectangles: a diagonal step needs a trapezoid")
        void areaByRectangles() {
            // The tie at 0.5 moves the curve diagonally from (0, 0.5) to (0.5, 1).
            double auc = RocAuc.auc(new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9});

            assertThat(auc)
                    .as("got %s instead of 0.875: 0.75 or 1.0 means the area was summed as rectangles, which is"
                            + " only right for horizontal and vertical steps. Use trapezoids:"
                            + " Δfpr · (tpr_before + tpr_after) / 2", auc)
                    .isCloseTo(0.875, within(EXACT));
        }
    }

    /** Binary labels with both classes and one score per label. */
    record Scored(int[] yTrue, double[] scores) {
        @Override
        public String toString() {
            return "yTrue=" + Arrays.toString(yTrue) + ", scores=" + Arrays.toString(scores);
        }
    }

    /**
     * Labels with both classes and integer-valued scores in [−range, range], range drawn from 1..50: small
     * ranges give many ties (within and across the classes), large ones mostly distinct scores.
     */
    private static Gen<Scored> scoredSamples() {
        Gen<int[]> labels = Gens.binaryLabelsWithBothClasses(2, 40);
        Gen<Integer> ranges = integers().between(1, 50);
        Gen<Scored> gen = in -> {
            int[] yTrue = labels.generate(in);
            int range = ranges.generate(in);
            Gen<Integer> values = integers().between(-range, range);
            double[] scores = new double[yTrue.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = values.generate(in);
            }
            return new Scored(yTrue, scores);
        };
        return gen.describedAs(Scored::toString);
    }

    /** P(score of a positive > score of a negative) + ½·P(tie), over every (positive, negative) pair. */
    private static double pairCounting(int[] yTrue, double[] scores) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < yTrue.length; i++) {
            for (int j = 0; j < yTrue.length; j++) {
                if (yTrue[i] == 1 && yTrue[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    private static double[] select(Scored s, int label) {
        return java.util.stream.IntStream.range(0, s.yTrue().length).filter(i -> s.yTrue()[i] == label)
                .mapToDouble(i -> s.scores()[i]).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
