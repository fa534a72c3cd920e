package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("9.8 PredictionMonitor: drift in prediction scores by Jensen–Shannon divergence")
class PredictionMonitorTest {

    /** The spec quotes the example's divergence to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** Means, ratios and sums of a few dozen terms in double: far below any real mistake. */
    private static final double EXACT = 1e-12;
    /** SciPy and NumPy compute the same sums in another order (and pairwise): agreement to ~1e-15. */
    private static final double REPLAY = 1e-12;

    private static final double[] REFERENCE = {0.1, 0.2, 0.3, 0.4, 0.5};
    private static final double[] CURRENT = {0.5, 0.6, 0.7, 0.8, 0.9};
    /** Every reference score in the first of 5 bins, every current score in the last. */
    private static final double[] LOW = {0.05, 0.05, 0.1, 0.15, 0.0};
    private static final double[] HIGH = {0.95, 0.9, 1.0, 0.85, 0.99};
    /** JS of the smoothed histograms [0.6, 0.1, 0.1, 0.1, 0.1] and its mirror image. */
    private static final double DISJOINT_JS = 0.19812160359007544;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("the mean shifts by 0.4 and the spread is unchanged (std ratio 1.0)")
        void meanShiftAndStdRatio() {
            PredictionMonitor.Report r = PredictionMonitor.compare(REFERENCE, CURRENT, 5);

            assertThat(r.meanShift()).as("meanShift").isCloseTo(0.4, within(EXACT));
            assertThat(r.stdRatio()).as("stdRatio").isCloseTo(1.0, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("histograms P [0.2, 0.3, 0.3, 0.1, 0.1] and Q [0.1, 0.1, 0.2, 0.3, 0.3] → JS 0.0920, no drift")
        void divergenceOfTheExample() {
            // Reference bins: 0.1→0, 0.2→1, 0.3→1, 0.4→2, 0.5→2, counts [1,2,2,0,0]; smoothed (c+1)/(5+5).
            // Current bins: 0.5→2, 0.6→3, 0.7→3, 0.8→4, 0.9→4, counts [0,0,1,2,2].
            PredictionMonitor.Report r = PredictionMonitor.compare(REFERENCE, CURRENT, 5);

            assertThat(r.jsDivergence()).as("jsDivergence").isCloseTo(0.0920, within(FOUR_DECIMALS));
            assertThat(r.driftDetected()).as("driftDetected (JS ≤ 0.1)").isFalse();
        }

        @Test
        @Order(3)
        @DisplayName("identical windows → meanShift 0, stdRatio 1, JS 0, no drift")
        void identicalWindows() {
            PredictionMonitor.Report r = PredictionMonitor.compare(REFERENCE, REFERENCE.clone(), 5);

            assertThat(r.meanShift()).as("meanShift").isCloseTo(0.0, within(EXACT));
            assertThat(r.stdRatio()).as("stdRatio").isCloseTo(1.0, within(EXACT));
            assertThat(r.jsDivergence()).as("jsDivergence").isCloseTo(0.0, within(EXACT));
            assertThat(r.driftDetected()).as("driftDetected").isFalse();
        }

        @Test
        @Order(4)
        @DisplayName("all low scores vs all high scores → JS 0.1981, drift")
        void disjointWindows() {
            PredictionMonitor.Report r = PredictionMonitor.compare(LOW, HIGH, 5);

            assertThat(r.jsDivergence()).as("jsDivergence").isCloseTo(DISJOINT_JS, within(EXACT));
            assertThat(r.driftDetected()).as("driftDetected (JS > 0.1)").isTrue();
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("0 ≤ JS ≤ ln 2")
        void bounded() {
            qt().withExamples(300)
                    .forAll(Gens.vectors(1, 40, 0, 1), Gens.vectors(1, 40, 0, 1), integers().between(1, 20))
                    .checkAssert((a, b, bins) -> assertThat(PredictionMonitor.compare(a, b, bins).jsDivergence())
                            .isBetween(0.0, Math.log(2)));
        }

        @Test
        @DisplayName("JS is symmetric; swapping the windows negates the mean shift")
        void symmetric() {
            qt().withExamples(300)
                    .forAll(Gens.vectors(1, 40, 0, 1), Gens.vectors(1, 40, 0, 1), integers().between(1, 20))
                    .checkAssert((a, b, bins) -> {
                        PredictionMonitor.Report ab = PredictionMonitor.compare(a, b, bins);
                        PredictionMonitor.Report ba = PredictionMonitor.compare(b, a, bins);
                        assertThat(ba.jsDivergence()).as("JS(b, a) vs JS(a, b)")
                                .isCloseTo(ab.jsDivergence(), within(EXACT));
                        assertThat(ba.meanShift()).as("meanShift(b, a)").isCloseTo(-ab.meanShift(), within(EXACT));
                    });
        }

        @Test
        @DisplayName("identical windows give JS 0, meanShift 0 and stdRatio 1")
        void identical() {
            qt().withExamples(300).forAll(Gens.vectors(1, 40, 0, 1), integers().between(1, 20))
                    .checkAssert((a, bins) -> {
                        double[] copy = a.clone();
                        PredictionMonitor.Report r = PredictionMonitor.compare(a, a.clone(), bins);
                        assertThat(r.jsDivergence()).as("JS").isCloseTo(0.0, within(EXACT));
                        assertThat(r.meanShift()).as("meanShift").isCloseTo(0.0, within(EXACT));
                        assertThat(r.stdRatio()).as("stdRatio").isCloseTo(1.0, within(EXACT));
                        assertThat(a).as("reference after the call").containsExactly(copy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final PredictionMonitorOracle.Case[] SCIPY_CASES = PredictionMonitorOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SCIPY_CASES")
        @DisplayName("matches SciPy's jensenshannon (squared) and NumPy's mean and std")
        void matchesScipy(PredictionMonitorOracle.Case c) {
            PredictionMonitor.Report r = PredictionMonitor.compare(c.reference(), c.current(), c.bins());

            assertThat(r.jsDivergence()).as("jsDivergence").isCloseTo(c.jsDivergence(), within(REPLAY));
            assertThat(r.meanShift()).as("meanShift").isCloseTo(c.meanShift(), within(REPLAY));
            assertThat(r.stdRatio()).as("stdRatio").isCloseTo(c.stdRatio(), within(REPLAY));
            assertThat(r.driftDetected()).as("driftDetected").isEqualTo(c.jsDivergence() > 0.1);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a score of exactly 1.0 belongs to the last bin")
        void scoreOfOne() {
            // 1.0·10 = 10 is past the last bin (9): clamp it there, where 0.95 also lives.
            assertThat(PredictionMonitor.compare(new double[] {1.0}, new double[] {0.95}, 10).jsDivergence())
                    .isCloseTo(0.0, within(EXACT));
        }

        @Test
        @DisplayName("one bin: the histograms always agree, JS 0")
        void oneBin() {
            assertThat(PredictionMonitor.compare(LOW, HIGH, 1).jsDivergence()).isCloseTo(0.0, within(EXACT));
        }

        @Test
        @DisplayName("constant reference: stdRatio 1.0 if current is constant too, else +∞")
        void constantReference() {
            assertThat(PredictionMonitor.compare(new double[] {0.3, 0.3}, new double[] {0.7}, 4).stdRatio())
                    .isEqualTo(1.0);
            assertThat(PredictionMonitor.compare(new double[] {0.3, 0.3}, new double[] {0.2, 0.7}, 4).stdRatio())
                    .isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        @DisplayName("null windows are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "PredictionMonitor.compare(null, CURRENT, 5)",
                    () -> PredictionMonitor.compare(null, CURRENT, 5), "reference");
            assertRejects(NullPointerException.class, "PredictionMonitor.compare(REFERENCE, null, 5)",
                    () -> PredictionMonitor.compare(REFERENCE, null, 5), "current");
        }

        @Test
        @DisplayName("empty windows are rejected")
        void empty() {
            assertRejects(IllegalArgumentException.class, "PredictionMonitor.compare(new double[0], CURRENT, 5)",
                    () -> PredictionMonitor.compare(new double[0], CURRENT, 5), "reference");
            assertRejects(IllegalArgumentException.class, "PredictionMonitor.compare(REFERENCE, new double[0], 5)",
                    () -> PredictionMonitor.compare(REFERENCE, new double[0], 5), "current");
        }

        @ParameterizedTest(name = "score {0}")
        @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("scores outside [0, 1] are rejected")
        void scoresOutOfRange(double bad) {
            assertRejects(IllegalArgumentException.class, "PredictionMonitor.compare({0.5, " + bad + "}, CURRENT, 5)",
                    () -> PredictionMonitor.compare(new double[] {0.5, bad}, CURRENT, 5), "reference");
            assertRejects(IllegalArgumentException.class, "PredictionMonitor.compare(REFERENCE, {" + bad + "}, 5)",
                    () -> PredictionMonitor.compare(REFERENCE, new double[] {bad}, 5), "current");
        }

        @ParameterizedTest(name = "bins = {0}")
        @ValueSource(ints = {0, -3})
        @DisplayName("bins must be ≥ 1")
        void badBins(int bins) {
            assertRejects(IllegalArgumentException.class, "PredictionMonitor.compare(REFERENCE, CURRENT, " + bins + ")",
                    () -> PredictionMonitor.compare(REFERENCE, CURRENT, bins), "bins");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("KL instead of JS: the divergence must not depend on which window comes first")
        void klInsteadOfJs() {
            double forward = PredictionMonitor.compare(REFERENCE, CURRENT, 5).jsDivergence();
            double backward = PredictionMonitor.compare(CURRENT, REFERENCE, 5).jsDivergence();

            assertThat(new double[] {forward, backward})
                    .as("JS(reference, current) = %s but JS(current, reference) = %s: KL(P‖Q) is asymmetric"
                            + " (0.370 vs 0.399 here). Jensen–Shannon compares both to the mixture M = (P + Q)/2:"
                            + " ½·KL(P‖M) + ½·KL(Q‖M) = 0.0920 either way", forward, backward)
                    .containsExactly(new double[] {0.0920, 0.0920}, within(FOUR_DECIMALS));
        }

        @Test
        @DisplayName("log2 vs ln: the divergence is in nats, and the 0.1 threshold is too")
        void log2VsLn() {
            PredictionMonitor.Report r = PredictionMonitor.compare(REFERENCE, CURRENT, 5);

            assertThat(r.jsDivergence())
                    .as("JS is %s instead of 0.0920 (in bits it would be 0.1328, and drift would be flagged):"
                            + " use Math.log (natural log) everywhere; the 0.1 threshold is in nats",
                            r.jsDivergence())
                    .isCloseTo(0.0920, within(FOUR_DECIMALS));
            assertThat(r.driftDetected()).as("driftDetected for JS 0.0920 (≤ 0.1)").isFalse();
        }

        @Test
        @DisplayName("no smoothing: empty bins must not turn into NaN, ∞ or the bare ln 2")
        void noSmoothing() {
            double js = PredictionMonitor.compare(LOW, HIGH, 5).jsDivergence();

            assertThat(js)
                    .as("JS of two windows with no bin in common is %s instead of %s: apply Laplace smoothing,"
                            + " (count + 1)/(n + bins), so that no probability is 0 (0·ln 0 gives NaN, ln(x/0)"
                            + " gives ∞)", js, DISJOINT_JS)
                    .isCloseTo(DISJOINT_JS, within(EXACT));
        }

        @Test
        @DisplayName("sample std: the ratio uses population standard deviations (divide by n)")
        void sampleStd() {
            // Population std: reference [0, 1] → 0.5, current [0, 0.5, 1] → √(1/6) = 0.40825.
            // Sample std (n − 1): 0.70711 and 0.5, whose ratio 0.70711 differs.
            double ratio = PredictionMonitor.compare(new double[] {0, 1}, new double[] {0, 0.5, 1}, 4).stdRatio();

            assertThat(ratio)
                    .as("stdRatio is %s instead of √(1/6)/0.5 = 0.8165: the windows have different sizes, so"
                            + " dividing by n − 1 changes the ratio. Use the population std (divide by n)", ratio)
                    .isCloseTo(Math.sqrt(1.0 / 6) / 0.5, within(EXACT));
        }
    }
}
