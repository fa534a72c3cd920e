package mlkatas.loss;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("2.2 CrossEntropy: the multi-class log loss")
class CrossEntropyTest {

    /** The spec quotes Deep-ML's examples to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** A few logarithms and one division: rounding stays near 1e-15, far below any real mistake. */
    private static final double EXACT = 1e-12;
    /**
     * Two correct formulas for the same loss (a library's, or softmax-then-log against log-sum-exp) round
     * differently by a few ulps of values up to ~35: 1e-10 is far above that and far below any mistake.
     */
    private static final double SAME_LOSS = 1e-10;
    /** Shifting logits by up to 1e3 rounds each logit at ~1e3·1e-16; the loss moves by ~1e-13. */
    private static final double SHIFTED = 1e-9;

    /** −ln(1e-15): what a predicted 0 on the true class costs after clipping. */
    private static final double MINUS_LOG_EPSILON = -Math.log(1e-15);

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one sample: the loss is −ln of the probability given to the true class")
        void oneSample() {
            double loss = CrossEntropy.multiClass(new double[][] {{0.25, 0.75}}, new double[][] {{0, 1}});

            assertThat(loss).as("−ln 0.75").isCloseTo(-Math.log(0.75), within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("perfect predictions cost 0 (to within 1e-12 after clipping)")
        void perfectPredictions() {
            double[][] labels = {{1, 0, 0}, {0, 1, 0}};

            assertThat(CrossEntropy.multiClass(labels, labels)).isCloseTo(0.0, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 134: two confident wrong predictions → 2.3026")
        void confidentAndWrong() {
            double[][] p = {{0.1, 0.8, 0.1}, {0.8, 0.1, 0.1}};
            double[][] y = {{0, 0, 1}, {0, 1, 0}};

            // Both true classes got 0.1: the mean of −ln 0.1 and −ln 0.1 is ln 10.
            assertThat(CrossEntropy.multiClass(p, y)).isCloseTo(2.3026, within(FOUR_DECIMALS));
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML 134: two fair predictions → 0.4338")
        void fairPredictions() {
            double[][] p = {{0.7, 0.2, 0.1}, {0.3, 0.6, 0.1}};
            double[][] y = {{1, 0, 0}, {0, 1, 0}};

            assertThat(CrossEntropy.multiClass(p, y)).isCloseTo(0.4338, within(FOUR_DECIMALS));
        }

        @Test
        @Order(5)
        @DisplayName("a probability of 0 on the true class costs −ln(1e-15) ≈ 34.54, not infinity")
        void zeroProbabilityIsClipped() {
            double loss = CrossEntropy.multiClass(new double[][] {{0, 1}}, new double[][] {{1, 0}});

            assertThat(loss).isCloseTo(MINUS_LOG_EPSILON, within(EXACT));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the loss is never negative, even for unnormalised rows with exact 0s and 1s")
        void nonNegative() {
            qt().forAll(batches(0, 1))
                    .checkAssert(b -> assertThat(CrossEntropy.multiClass(b.scores(), oneHot(b)))
                            .as("loss of %s", b).isGreaterThanOrEqualTo(0.0));
        }

        @Test
        @DisplayName("for one sample the loss is −ln p_true")
        void oneSampleIsMinusLogOfTrueProbability() {
            qt().forAll(batches(1e-3, 1))
                    .checkAssert(b -> {
                        double[] p = normalise(b.scores()[0]);
                        int label = b.labels()[0];

                        double loss = CrossEntropy.multiClass(new double[][] {p},
                                new double[][] {oneHot(label, p.length)});

                        assertThat(loss).as("loss of %s with true class %d", Arrays.toString(p), label)
                                .isCloseTo(-Math.log(p[label]), within(EXACT));
                    });
        }

        @Test
        @DisplayName("the loss of a batch is the mean of its one-sample losses")
        void batchLossIsTheMeanOfSampleLosses() {
            qt().forAll(batches(1e-3, 1))
                    .checkAssert(b -> {
                        double[][] p = Arrays.stream(b.scores()).map(CrossEntropyTest::normalise)
                                .toArray(double[][]::new);
                        double[][] y = oneHot(b);
                        double sum = 0;
                        for (int i = 0; i < p.length; i++) {
                            sum += CrossEntropy.multiClass(new double[][] {p[i]}, new double[][] {y[i]});
                        }

                        assertThat(CrossEntropy.multiClass(p, y)).as("loss of %s", b)
                                .isCloseTo(sum / p.length, within(EXACT));
                    });
        }

        @Test
        @DisplayName("the inputs are left unchanged")
        void inputsUnchanged() {
            qt().forAll(batches(0, 1))
                    .checkAssert(b -> {
                        double[][] p = b.scores();
                        double[][] y = oneHot(b);
                        double[][] pCopy = deepCopy(p);
                        double[][] yCopy = deepCopy(y);

                        CrossEntropy.multiClass(p, y, 0.01);

                        assertThat(p).as("predictedProbs after the call").isDeepEqualTo(pCopy);
                        assertThat(y).as("oneHotLabels after the call").isDeepEqualTo(yCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final CrossEntropyOracle.ProbabilityCase[] PYTORCH_CASES = CrossEntropyOracle.PROBABILITY_CASES;
        /** scikit-learn renormalises rows after clipping, so it is an oracle only at the default ε. */
        static final CrossEntropyOracle.ProbabilityCase[] SKLEARN_CASES = Arrays
                .stream(CrossEntropyOracle.PROBABILITY_CASES).filter(c -> !Double.isNaN(c.sklearnLoss()))
                .toArray(CrossEntropyOracle.ProbabilityCase[]::new);

        @ParameterizedTest(name = "{0}")
        @FieldSource("PYTORCH_CASES")
        @DisplayName("matches PyTorch's nll_loss of the clipped log-probabilities")
        void matchesPytorch(CrossEntropyOracle.ProbabilityCase c) {
            double loss = CrossEntropy.multiClass(c.predictedProbs(), c.oneHotLabels(), c.epsilon());

            assertThat(loss).as("loss for %s", c.name()).isCloseTo(c.torchLoss(), within(SAME_LOSS));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's log_loss(eps=1e-15) on rows that sum to 1")
        void matchesScikitLearn(CrossEntropyOracle.ProbabilityCase c) {
            double loss = CrossEntropy.multiClass(c.predictedProbs(), c.oneHotLabels());

            assertThat(loss).as("loss for %s", c.name()).isCloseTo(c.sklearnLoss(), within(SAME_LOSS));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        private static final double[][] P = {{0.7, 0.3}, {0.4, 0.6}};
        private static final double[][] Y = {{1, 0}, {0, 1}};

        @Test
        @DisplayName("a custom ε clips at that value")
        void customEpsilon() {
            double loss = CrossEntropy.multiClass(new double[][] {{0, 1}}, new double[][] {{1, 0}}, 0.01);

            assertThat(loss).as("−ln 0.01").isCloseTo(-Math.log(0.01), within(EXACT));
        }

        @Test
        @DisplayName("a certain right answer costs about ε, never a negative number")
        void certainRightAnswer() {
            double loss = CrossEntropy.multiClass(new double[][] {{1, 0}}, new double[][] {{1, 0}}, 0.01);

            // clipped to 1 − ε = 0.99: −ln 0.99 ≈ 0.01005
            assertThat(loss).isCloseTo(-Math.log(0.99), within(EXACT));
        }

        @Test
        @DisplayName("soft labels weigh the log-probability of every class")
        void softLabels() {
            double loss = CrossEntropy.multiClass(new double[][] {{0.5, 0.25, 0.25}},
                    new double[][] {{0.8, 0.1, 0.1}});

            assertThat(loss).isCloseTo(-(0.8 * Math.log(0.5) + 0.2 * Math.log(0.25)), within(EXACT));
        }

        @Test
        @DisplayName("null arguments are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "multiClass(null, Y)",
                    () -> CrossEntropy.multiClass(null, Y), "predictedProbs");
            assertRejects(NullPointerException.class, "multiClass(P, null)",
                    () -> CrossEntropy.multiClass(P, null), "oneHotLabels");
        }

        @Test
        @DisplayName("empty, ragged or mismatched matrices are rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class, "multiClass(new double[0][], new double[0][])",
                    () -> CrossEntropy.multiClass(new double[0][], new double[0][]), "predictedProbs");
            assertRejects(IllegalArgumentException.class, "multiClass({{0.5, 0.5}, {1}}, Y)",
                    () -> CrossEntropy.multiClass(new double[][] {{0.5, 0.5}, {1}}, Y), "predictedProbs");
            assertRejects(IllegalArgumentException.class, "multiClass(P, {{1, 0}})",
                    () -> CrossEntropy.multiClass(P, new double[][] {{1, 0}}), "oneHotLabels");
            assertRejects(IllegalArgumentException.class, "multiClass(P, {{1, 0, 0}, {0, 1, 0}})",
                    () -> CrossEntropy.multiClass(P, new double[][] {{1, 0, 0}, {0, 1, 0}}), "oneHotLabels");
        }

        @ParameterizedTest(name = "entry {0}")
        @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
        @DisplayName("probabilities and labels must lie in [0, 1]")
        void entriesOutsideTheUnitInterval(double bad) {
            assertRejects(IllegalArgumentException.class, "multiClass({{" + bad + ", 0.5}}, {{1, 0}})",
                    () -> CrossEntropy.multiClass(new double[][] {{bad, 0.5}}, new double[][] {{1, 0}}),
                    "predictedProbs");
            assertRejects(IllegalArgumentException.class, "multiClass({{0.5, 0.5}}, {{" + bad + ", 0}})",
                    () -> CrossEntropy.multiClass(new double[][] {{0.5, 0.5}}, new double[][] {{bad, 0}}),
                    "oneHotLabels");
        }

        @Test
        @DisplayName("every probability is checked, also those of classes whose label is 0")
        void probabilityOutsideTheUnitIntervalOffTheTrueClass() {
            assertRejects(IllegalArgumentException.class, "multiClass({{0.5, 1.5}}, {{1, 0}})",
                    () -> CrossEntropy.multiClass(new double[][] {{0.5, 1.5}}, new double[][] {{1, 0}}),
                    "predictedProbs");
        }

        @Test
        @DisplayName("ragged labels are rejected")
        void raggedLabels() {
            assertRejects(IllegalArgumentException.class, "multiClass(P, {{1, 0}, {1}})",
                    () -> CrossEntropy.multiClass(P, new double[][] {{1, 0}, {1}}), "oneHotLabels");
        }

        @ParameterizedTest(name = "epsilon = {0}")
        @ValueSource(doubles = {0.0, -1e-15, 0.5, 1.0, Double.NaN})
        @DisplayName("epsilon must be in (0, 0.5)")
        void badEpsilon(double epsilon) {
            assertRejects(IllegalArgumentException.class, "multiClass(P, Y, " + epsilon + ")",
                    () -> CrossEntropy.multiClass(P, Y, epsilon), "epsilon");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("no clipping: a predicted 0 on the true class must cost −ln ε, not infinity")
        void noClipping() {
            double loss = CrossEntropy.multiClass(new double[][] {{0, 1}, {0.5, 0.5}}, new double[][] {{1, 0}, {1, 0}});

            assertThat(loss)
                    .as("the loss is %s: ln 0 is −∞. Clip every probability into [ε, 1 − ε] before the log, so a"
                            + " hopeless prediction costs −ln(1e-15) ≈ 34.5 and the mean stays finite", loss)
                    .isCloseTo((MINUS_LOG_EPSILON - Math.log(0.5)) / 2, within(EXACT));
        }

        @Test
        @DisplayName("sum instead of mean: repeating the batch must not change the loss")
        void sumInsteadOfMean() {
            double[][] p = {{0.7, 0.3}};
            double[][] y = {{1, 0}};
            double[][] p3 = {{0.7, 0.3}, {0.7, 0.3}, {0.7, 0.3}};
            double[][] y3 = {{1, 0}, {1, 0}, {1, 0}};

            double once = CrossEntropy.multiClass(p, y);
            double thrice = CrossEntropy.multiClass(p3, y3);

            assertThat(thrice)
                    .as("the same sample written three times costs %s instead of %s: the loss is the mean over"
                            + " samples (divide the sum by m), so it does not grow with the batch size", thrice, once)
                    .isCloseTo(once, within(EXACT));
        }

        @Test
        @DisplayName("log of the wrong entries: only the true class's probability counts")
        void logOfTheWrongEntries() {
            double loss = CrossEntropy.multiClass(new double[][] {{0.7, 0.2, 0.1}}, new double[][] {{0, 1, 0}});

            assertThat(loss)
                    .as("the loss is %s instead of −ln 0.2 = 1.6094: multiply ln p by the label, −Σ_c y_c·ln p_c,"
                            + " so with a one-hot label only the true class (here 0.2, not the largest 0.7) enters;"
                            + " the binary formula's (1 − y)·ln(1 − p) terms do not belong here", loss)
                    .isCloseTo(-Math.log(0.2), within(EXACT));
        }

        @Test
        @DisplayName("ε ignored: the three-argument version clips at the ε it is given")
        void epsilonIgnored() {
            double loss = CrossEntropy.multiClass(new double[][] {{0, 1}}, new double[][] {{1, 0}}, 0.1);

            assertThat(loss)
                    .as("with ε = 0.1 a predicted 0 costs −ln 0.1 = 2.3026, but the loss is %s: clip with the"
                            + " epsilon argument, not a hard-coded 1e-15", loss)
                    .isCloseTo(-Math.log(0.1), within(EXACT));
        }

        @Test
        @DisplayName("clipping in place: the caller's probabilities stay as they were")
        void clippingInPlace() {
            double[][] p = {{0, 1}};

            CrossEntropy.multiClass(p, new double[][] {{1, 0}});

            assertThat(p[0])
                    .as("predictedProbs changed to %s: clip into a local variable, never into the caller's array",
                            Arrays.toString(p[0]))
                    .containsExactly(0.0, 1.0);
        }
    }

    @Nested
    @Tag("partB")
    @Order(6)
    @DisplayName("Part B: from logits, with log-sum-exp")
    class PartB {

        static final CrossEntropyOracle.LogitCase[] PYTORCH_LOGIT_CASES = CrossEntropyOracle.LOGIT_CASES;

        @Test
        @Order(1)
        @DisplayName("equal logits for two classes cost ln 2")
        void equalLogits() {
            assertThat(CrossEntropy.fromLogits(new double[][] {{0, 0}}, new int[] {0}))
                    .isCloseTo(Math.log(2), within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("logits [1, 2, 3] with true class 2 cost ln(e + e² + e³) − 3 ≈ 0.4076")
        void threeClasses() {
            double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;

            assertThat(CrossEntropy.fromLogits(new double[][] {{1, 2, 3}}, new int[] {2}))
                    .as("logsumexp(z) − z_true").isCloseTo(expected, within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("logits of ±1e4 give finite losses: 0 when right, 2e4 when wrong")
        void largeLogitsStayFinite() {
            double right = CrossEntropy.fromLogits(new double[][] {{1e4, -1e4}}, new int[] {0});
            double wrong = CrossEntropy.fromLogits(new double[][] {{1e4, -1e4}}, new int[] {1});

            assertThat(right).as("confident and right: exp(1e4) overflows, so subtract the row maximum first")
                    .isCloseTo(0.0, within(EXACT));
            assertThat(wrong).as("confident and wrong costs the logit gap, 2e4 (exp(1e4) overflows: subtract the"
                    + " row maximum before exponentiating)").isCloseTo(2e4, within(EXACT));
        }

        @Test
        @Order(4)
        @DisplayName("matches multiClass(softmax(z), oneHot(y)) for moderate logits")
        void matchesSoftmaxThenCrossEntropy() {
            qt().forAll(batches(-10, 10))
                    .checkAssert(b -> {
                        double[][] probs = Arrays.stream(b.scores()).map(CrossEntropyTest::softmax)
                                .toArray(double[][]::new);

                        assertThat(CrossEntropy.fromLogits(b.scores(), b.labels())).as("loss of %s", b)
                                .isCloseTo(CrossEntropy.multiClass(probs, oneHot(b)), within(SAME_LOSS));
                    });
        }

        @Test
        @Order(5)
        @DisplayName("adding a constant to a row of logits does not change the loss")
        void shiftInvariant() {
            qt().forAll(batches(-10, 10), Gens.values(-1e3, 1e3))
                    .checkAssert((b, shift) -> {
                        double[][] shifted = deepCopy(b.scores());
                        for (int c = 0; c < shifted[0].length; c++) {
                            shifted[0][c] += shift;
                        }

                        assertThat(CrossEntropy.fromLogits(shifted, b.labels()))
                                .as("loss of %s with row 0 shifted by %s", b, shift)
                                .isCloseTo(CrossEntropy.fromLogits(b.scores(), b.labels()), within(SHIFTED));
                    });
        }

        @Test
        @Order(6)
        @DisplayName("the loss is finite and ≥ 0 for any logits in ±1e4")
        void finiteAndNonNegative() {
            qt().forAll(batches(-1e4, 1e4))
                    .checkAssert(b -> assertThat(CrossEntropy.fromLogits(b.scores(), b.labels()))
                            .as("loss of %s", b).isFinite().isGreaterThanOrEqualTo(0.0));
        }

        @ParameterizedTest(name = "{0}")
        @Order(7)
        @FieldSource("PYTORCH_LOGIT_CASES")
        @DisplayName("matches PyTorch's F.cross_entropy")
        void matchesPytorch(CrossEntropyOracle.LogitCase c) {
            double loss = CrossEntropy.fromLogits(c.logits(), c.labels());

            assertThat(loss).as("loss for %s", c.name())
                    .isCloseTo(c.loss(), within(SAME_LOSS * Math.max(1, Math.abs(c.loss()))));
        }

        @Test
        @Order(8)
        @DisplayName("null arguments are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "fromLogits(null, {0})",
                    () -> CrossEntropy.fromLogits(null, new int[] {0}), "logits");
            assertRejects(NullPointerException.class, "fromLogits({{0, 1}}, null)",
                    () -> CrossEntropy.fromLogits(new double[][] {{0, 1}}, null), "labels");
        }

        @Test
        @Order(9)
        @DisplayName("bad shapes, labels out of range and non-finite logits are rejected")
        void badInput() {
            double[][] z = {{0, 1}, {1, 0}};
            assertRejects(IllegalArgumentException.class, "fromLogits(new double[0][], new int[0])",
                    () -> CrossEntropy.fromLogits(new double[0][], new int[0]), "logits");
            assertRejects(IllegalArgumentException.class, "fromLogits(z, {0})",
                    () -> CrossEntropy.fromLogits(z, new int[] {0}), "labels");
            assertRejects(IllegalArgumentException.class, "fromLogits(z, {0, 2})",
                    () -> CrossEntropy.fromLogits(z, new int[] {0, 2}), "labels");
            assertRejects(IllegalArgumentException.class, "fromLogits(z, {-1, 0})",
                    () -> CrossEntropy.fromLogits(z, new int[] {-1, 0}), "labels");
            assertRejects(IllegalArgumentException.class, "fromLogits({{NaN, 0}}, {0})",
                    () -> CrossEntropy.fromLogits(new double[][] {{Double.NaN, 0}}, new int[] {0}), "logits");
            assertRejects(IllegalArgumentException.class, "fromLogits({{Infinity, 0}}, {0})",
                    () -> CrossEntropy.fromLogits(new double[][] {{Double.POSITIVE_INFINITY, 0}}, new int[] {0}),
                    "logits");
        }

        @Test
        @Order(10)
        @DisplayName("ragged logits are rejected")
        void raggedLogits() {
            assertRejects(IllegalArgumentException.class, "fromLogits({{0, 1}, {1}}, {0, 0})",
                    () -> CrossEntropy.fromLogits(new double[][] {{0, 1}, {1}}, new int[] {0, 0}), "logits");
        }

        @Test
        @Order(11)
        @DisplayName("a −∞ logit is rejected like +∞, even where it is not a row's maximum")
        void negativeInfiniteLogit() {
            assertRejects(IllegalArgumentException.class, "fromLogits({{-Infinity, 0}}, {1})",
                    () -> CrossEntropy.fromLogits(new double[][] {{Double.NEGATIVE_INFINITY, 0}}, new int[] {1}),
                    "logits");
        }
    }

    /** A matrix of scores (probabilities or logits) with a true class per row. */
    private record Batch(double[][] scores, int[] labels) {
        @Override
        public String toString() {
            return "scores " + Arrays.deepToString(scores) + ", labels " + Arrays.toString(labels);
        }
    }

    /** 1–8 rows of 2–6 classes, entries in [min, max], and a label per row. */
    private static Gen<Batch> batches(double min, double max) {
        Gen<double[][]> scores = Gens.matrices(1, 8, 2, 6, min, max);
        Gen<Batch> gen = in -> {
            double[][] s = scores.generate(in);
            return new Batch(s, Gens.labels(s.length, s[0].length).generate(in));
        };
        return gen.describedAs(Batch::toString);
    }

    private static double[] oneHot(int label, int classes) {
        double[] row = new double[classes];
        row[label] = 1;
        return row;
    }

    private static double[][] oneHot(Batch b) {
        return Arrays.stream(b.labels()).mapToObj(label -> oneHot(label, b.scores()[0].length))
                .toArray(double[][]::new);
    }

    private static double[] normalise(double[] v) {
        double sum = Arrays.stream(v).sum();
        return Arrays.stream(v).map(x -> x / sum).toArray();
    }

    private static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        return normalise(Arrays.stream(z).map(x -> Math.exp(x - max)).toArray());
    }
}
