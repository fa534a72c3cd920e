package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.SplittableRandom;
import mlkatas.support.Gens;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("9.6 LatencyPercentiles: p50, p95 and p99 by linear interpolation")
class LatencyPercentilesTest {

    /** Interpolating between two values a few units apart: a handful of roundings, far below any mistake. */
    private static final double EXACT = 1e-12;
    /**
     * Relative tolerance against other implementations (NumPy, commons-math): they interpolate with a
     * differently arranged formula, so results differ in the last bits; 1e-12 of the data's scale.
     */
    private static final double RELATIVE = 1e-12;

    private static final double[] TENS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("the median of [10, 20, …, 100] lies halfway between 50 and 60: 55.0")
        void medianOfTens() {
            // rank = 0.5 · (10 − 1) = 4.5: halfway between the 5th (50) and 6th (60) sorted values.
            assertThat(LatencyPercentiles.percentile(TENS, 50)).isCloseTo(55.0, within(EXACT));
        }

        @Test
        @Order(2)
        @DisplayName("[10, 20, …, 100] → p50 55.0, p95 95.5, p99 99.1")
        void summaryOfTens() {
            LatencyPercentiles.Summary s = LatencyPercentiles.summarize(TENS);

            assertVectorClose("[p50, p95, p99]", new double[] {s.p50(), s.p95(), s.p99()},
                    new double[] {55.0, 95.5, 99.1}, EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("[1, 2, …, 20] → p50 10.5, p95 19.05, p99 19.81")
        void summaryOfOneToTwenty() {
            double[] latencies = new double[20];
            Arrays.setAll(latencies, i -> i + 1);

            LatencyPercentiles.Summary s = LatencyPercentiles.summarize(latencies);

            assertVectorClose("[p50, p95, p99]", new double[] {s.p50(), s.p95(), s.p99()},
                    new double[] {10.5, 19.05, 19.81}, EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("unsorted input gives the same answer: [100, 10, 60, …] → p50 55.0")
        void unsortedInput() {
            double[] shuffled = {100, 10, 60, 30, 90, 20, 50, 80, 40, 70};

            assertThat(LatencyPercentiles.percentile(shuffled, 50)).isCloseTo(55.0, within(EXACT));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("p50 ≤ p95 ≤ p99")
        void ordered() {
            qt().withExamples(300).forAll(Gens.vectors(1, 60, 0, 1e4)).checkAssert(x -> {
                LatencyPercentiles.Summary s = LatencyPercentiles.summarize(x);
                double slack = RELATIVE * max(x);
                assertThat(s.p50()).as("p50 vs p95").isLessThanOrEqualTo(s.p95() + slack);
                assertThat(s.p95()).as("p95 vs p99").isLessThanOrEqualTo(s.p99() + slack);
            });
        }

        @Test
        @DisplayName("every percentile lies between the minimum and the maximum")
        void withinRange() {
            qt().withExamples(300).forAll(Gens.vectors(1, 60, 0, 1e4), Gens.values(0, 100)).checkAssert((x, p) -> {
                double slack = RELATIVE * max(x);
                assertThat(LatencyPercentiles.percentile(x, p))
                        .isBetween(min(x) - slack, max(x) + slack);
            });
        }

        @Test
        @DisplayName("p = 0 is the minimum and p = 100 the maximum, exactly")
        void endpoints() {
            qt().withExamples(300).forAll(Gens.vectors(1, 60, 0, 1e4)).checkAssert(x -> {
                assertThat(LatencyPercentiles.percentile(x, 0)).as("p = 0").isEqualTo(min(x));
                assertThat(LatencyPercentiles.percentile(x, 100)).as("p = 100").isEqualTo(max(x));
            });
        }

        @Test
        @DisplayName("the order of the input does not matter")
        void orderDoesNotMatter() {
            qt().withExamples(300).forAll(Gens.vectors(1, 60, 0, 1e4), Gens.values(0, 100), Gens.values(0, 1e6))
                    .checkAssert((x, p, seed) -> {
                        double[] shuffled = shuffle(x, new SplittableRandom(seed.longValue()));
                        assertThat(LatencyPercentiles.percentile(shuffled, p))
                                .isEqualTo(LatencyPercentiles.percentile(x, p));
                    });
        }

        @Test
        @DisplayName("the input is left unchanged")
        void inputUnchanged() {
            qt().withExamples(300).forAll(Gens.vectors(1, 60, 0, 1e4)).checkAssert(x -> {
                double[] copy = x.clone();
                LatencyPercentiles.percentile(x, 90);
                LatencyPercentiles.summarize(x);
                assertThat(x).as("values after the calls").containsExactly(copy);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final LatencyPercentilesOracle.Case[] NUMPY_CASES = LatencyPercentilesOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches NumPy's percentile (linear interpolation)")
        void matchesNumpy(LatencyPercentilesOracle.Case c) {
            double[] actual = Arrays.stream(c.ps()).map(p -> LatencyPercentiles.percentile(c.values(), p)).toArray();

            assertVectorClose("percentiles " + Arrays.toString(c.ps()) + " of " + c.name(), actual,
                    c.percentiles(), RELATIVE * max(c.values()));
        }

        @Test
        @DisplayName("matches commons-math's Percentile with estimation type R_7")
        void matchesCommonsMath() {
            qt().withExamples(300).forAll(Gens.vectors(1, 80, 0, 1e4), Gens.values(1e-9, 100)).checkAssert((x, p) -> {
                double expected = new Percentile().withEstimationType(EstimationType.R_7).evaluate(x, p);
                assertThat(LatencyPercentiles.percentile(x, p)).isCloseTo(expected, within(RELATIVE * max(x)));
            });
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a single latency is every percentile")
        void singleValue() {
            assertThat(LatencyPercentiles.summarize(new double[] {7.5}))
                    .isEqualTo(new LatencyPercentiles.Summary(7.5, 7.5, 7.5));
        }

        @Test
        @DisplayName("zero latencies are allowed")
        void zeros() {
            assertThat(LatencyPercentiles.percentile(new double[] {0, 0, 4}, 75)).isCloseTo(2.0, within(EXACT));
        }

        @Test
        @DisplayName("null input is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "LatencyPercentiles.percentile(null, 50)",
                    () -> LatencyPercentiles.percentile(null, 50), "values");
            assertRejects(NullPointerException.class, "LatencyPercentiles.summarize(null)",
                    () -> LatencyPercentiles.summarize(null), "latencies");
        }

        @Test
        @DisplayName("empty input is an error, not zeros")
        void empty() {
            assertRejects(IllegalArgumentException.class, "LatencyPercentiles.percentile(new double[0], 50)",
                    () -> LatencyPercentiles.percentile(new double[0], 50), "values");
            assertRejects(IllegalArgumentException.class, "LatencyPercentiles.summarize(new double[0])",
                    () -> LatencyPercentiles.summarize(new double[0]), "latencies");
        }

        @ParameterizedTest(name = "latency {0}")
        @ValueSource(doubles = {Double.NaN, -1.0, Double.POSITIVE_INFINITY})
        @DisplayName("NaN, a negative or an infinite latency is rejected")
        void badLatency(double bad) {
            double[] values = {10, bad, 30};
            assertRejects(IllegalArgumentException.class, "LatencyPercentiles.percentile({10, " + bad + ", 30}, 50)",
                    () -> LatencyPercentiles.percentile(values, 50), "values");
            assertRejects(IllegalArgumentException.class, "LatencyPercentiles.summarize({10, " + bad + ", 30})",
                    () -> LatencyPercentiles.summarize(values), "latencies");
        }

        @ParameterizedTest(name = "p = {0}")
        @ValueSource(doubles = {-0.1, 100.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("p must be in [0, 100]")
        void badPercent(double p) {
            assertRejects(IllegalArgumentException.class, "LatencyPercentiles.percentile(TENS, " + p + ")",
                    () -> LatencyPercentiles.percentile(TENS, p), "p");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("nearest rank: p95 of [10, …, 100] is interpolated, not picked")
        void nearestRank() {
            double p95 = LatencyPercentiles.percentile(TENS, 95);

            assertThat(p95)
                    .as("p95 of [10, 20, …, 100] is %s instead of 95.5: a value of the sample was picked (nearest"
                            + " rank). Interpolate: rank = 0.95·(n − 1) = 8.55, so 90 + 0.55·(100 − 90)", p95)
                    .isCloseTo(95.5, within(EXACT));
        }

        @Test
        @DisplayName("rank p·n: the rank of the p-th percentile is p/100·(n − 1)")
        void rankPTimesN() {
            double median = LatencyPercentiles.percentile(new double[] {1, 2, 3, 4}, 50);

            assertThat(median)
                    .as("the median of [1, 2, 3, 4] is %s instead of 2.5: was the rank computed as p/100·n? With"
                            + " n − 1 the ranks run from 0 (the minimum) to n − 1 (the maximum)", median)
                    .isCloseTo(2.5, within(EXACT));
        }

        @Test
        @DisplayName("sorted in place: the caller's array must not change")
        void sortsInPlace() {
            double[] latencies = {30, 10, 20};

            LatencyPercentiles.summarize(latencies);

            assertThat(latencies)
                    .as("summarize reordered the caller's latencies: sort a copy (values.clone()), never the"
                            + " input")
                    .containsExactly(30, 10, 20);
        }
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElseThrow();
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElseThrow();
    }

    private static double[] shuffle(double[] x, SplittableRandom random) {
        double[] y = x.clone();
        for (int i = y.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return y;
    }
}
