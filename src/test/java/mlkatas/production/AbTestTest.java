package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import mlkatas.production.AbTest.Recommendation;
import mlkatas.production.AbTest.Result;
import mlkatas.support.Gens;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("9.5 AbTest: analyse a conversion A/B test with a two-proportion z-test")
class AbTestTest {

    /** The spec quotes the worked example to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** Rates and lifts are one or two divisions: exact up to a couple of roundings. */
    private static final double EXACT = 1e-12;
    /**
     * statsmodels (SciPy's erfc and ndtri) against commons-math (its own erf and erfInv): both are accurate
     * to ~1e-14 relative; 1e-9 leaves room for the square roots and divisions around them.
     */
    private static final double LIBRARY = 1e-9;
    /** The same, relative (in percent), for p-values that span many orders of magnitude. */
    private static final double LIBRARY_PERCENT = 1e-7;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    /** The spec's example: 500 users per group, 250 and 300 conversions. */
    private static final int[] CONTROL = repeat(new int[] {1, 1, 1, 0, 0, 0, 1, 0, 1, 0}, 50);
    private static final int[] TREATMENT = repeat(new int[] {1, 1, 1, 1, 0, 0, 1, 0, 1, 0}, 50);

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("rates 0.5 and 0.6, lift 0.1, relative lift 20 %")
        void ratesAndLift() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.controlRate()).isCloseTo(0.5, within(EXACT));
            assertThat(r.treatmentRate()).isCloseTo(0.6, within(EXACT));
            assertThat(r.absoluteLift()).isCloseTo(0.1, within(EXACT));
            assertThat(r.relativeLiftPercent()).isCloseTo(20.0, within(1e-9));
        }

        @Test
        @Order(2)
        @DisplayName("pooled z 3.1782, two-sided p-value 0.00148")
        void zAndPValue() {
            // Pooled rate 0.55: z = 0.1 / √(0.55·0.45·(1/500 + 1/500)).
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.zStatistic()).isCloseTo(3.1782, within(FOUR_DECIMALS));
            assertThat(r.pValue()).isCloseTo(0.00148, within(0.000005));
            assertThat(r.statisticallySignificant()).isTrue();
        }

        @Test
        @Order(3)
        @DisplayName("95 % interval for the lift [0.0386, 0.1614] with the unpooled standard error")
        void confidenceInterval() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.ciLower()).isCloseTo(0.0386, within(FOUR_DECIMALS));
            assertThat(r.ciUpper()).isCloseTo(0.1614, within(FOUR_DECIMALS));
        }

        @Test
        @Order(4)
        @DisplayName("9615 users per group for 80 % power at MDE 0.02; recommendation LAUNCH_TREATMENT")
        void sampleSizeAndRecommendation() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.requiredSampleSizePerGroup()).isEqualTo(9615L);
            assertThat(r.practicallySignificant()).isTrue();
            assertThat(r.recommendation()).isEqualTo(Recommendation.LAUNCH_TREATMENT);
        }

        @Test
        @Order(5)
        @DisplayName("a significant drop keeps control; a tiny sample says continue testing")
        void otherRecommendations() {
            assertThat(AbTest.analyze(TREATMENT, CONTROL, 0.95, 0.02).recommendation())
                    .as("treatment 0.5 vs control 0.6").isEqualTo(Recommendation.KEEP_CONTROL);
            assertThat(AbTest.analyze(new int[] {1, 0, 0, 1}, new int[] {1, 1, 0, 1}, 0.95, 0.02).recommendation())
                    .as("4 users per group").isEqualTo(Recommendation.CONTINUE_TESTING);
        }

        @Test
        @Order(6)
        @DisplayName("significant but smaller than the MDE keeps control")
        void belowMinimumDetectableEffect() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.15);

            assertThat(r.practicallySignificant()).isFalse();
            assertThat(r.recommendation()).isEqualTo(Recommendation.KEEP_CONTROL);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("swapping the groups negates z and the lift and mirrors the interval")
        void swapNegates() {
            qt().forAll(Gens.labels(1, 200, 2), Gens.labels(1, 200, 2)).checkAssert((a, b) -> {
                Result ab = AbTest.analyze(a, b, 0.95, 0.05);
                Result ba = AbTest.analyze(b, a, 0.95, 0.05);

                assertThat(ba.zStatistic()).isCloseTo(-ab.zStatistic(), within(EXACT));
                assertThat(ba.absoluteLift()).isCloseTo(-ab.absoluteLift(), within(EXACT));
                assertThat(ba.ciLower()).isCloseTo(-ab.ciUpper(), within(EXACT));
                assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(EXACT));
            });
        }

        @Test
        @DisplayName("the p-value lies in [0, 1]")
        void pValueInRange() {
            qt().forAll(Gens.labels(1, 200, 2), Gens.labels(1, 200, 2), Gens.values(0.5, 0.999))
                    .checkAssert((a, b, confidence) -> assertThat(AbTest.analyze(a, b, confidence, 0.05).pValue())
                            .isBetween(0.0, 1.0));
        }

        @Test
        @DisplayName("the confidence interval contains the observed lift")
        void intervalContainsLift() {
            qt().forAll(Gens.labels(1, 200, 2), Gens.labels(1, 200, 2), Gens.values(0.5, 0.999))
                    .checkAssert((a, b, confidence) -> {
                        Result r = AbTest.analyze(a, b, confidence, 0.05);

                        assertThat(r.absoluteLift()).isBetween(r.ciLower(), r.ciUpper());
                    });
        }

        @Test
        @DisplayName("doubling both groups with the same rates gives a smaller p-value")
        void moreDataSmallerP() {
            qt().forAll(Gens.labels(2, 60, 2), Gens.labels(2, 60, 2)).checkAssert((a, b) -> {
                Result once = AbTest.analyze(a, b, 0.95, 0.05);
                Result twice = AbTest.analyze(repeat(a, 2), repeat(b, 2), 0.95, 0.05);

                if (once.absoluteLift() != 0) {
                    assertThat(twice.pValue()).as("p-value with twice the data").isLessThan(once.pValue());
                } else {
                    assertThat(twice.pValue()).as("p-value with equal rates").isEqualTo(once.pValue());
                }
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final AbTestOracle.Case[] CASES = AbTestOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("CASES")
        @DisplayName("matches statsmodels' proportions_ztest and Wald interval, and SciPy's sample size")
        void matchesStatsmodels(AbTestOracle.Case c) {
            Result r = AbTest.analyze(outcomes(c.controlSize(), c.controlConversions()),
                    outcomes(c.treatmentSize(), c.treatmentConversions()), c.confidenceLevel(),
                    c.minDetectableEffect());

            assertThat(r.zStatistic()).as("z").isCloseTo(c.z(), within(LIBRARY));
            assertThat(r.pValue()).as("p-value").isCloseTo(c.pValue(), withinPercentage(LIBRARY_PERCENT));
            assertThat(r.ciLower()).as("CI lower end").isCloseTo(c.ciLower(), within(LIBRARY));
            assertThat(r.ciUpper()).as("CI upper end").isCloseTo(c.ciUpper(), within(LIBRARY));
            assertThat(r.requiredSampleSizePerGroup()).as("sample size per group").isEqualTo(c.sampleSize());
        }

        @Test
        @DisplayName("the p-value is 2·(1 − Φ(|z|)) with commons-math's NormalDistribution")
        void pValueFromCommonsMath() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            double expected = 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(r.zStatistic())));
            assertThat(r.pValue()).isCloseTo(expected, within(LIBRARY));
        }

        @Test
        @DisplayName("the interval's half-width uses commons-math's quantile z at 1 − α/2, for 90 % and 99 %")
        void intervalFromCommonsMath() {
            double se = Math.sqrt(0.5 * 0.5 / 500 + 0.6 * 0.4 / 500);
            for (double confidence : new double[] {0.9, 0.99}) {
                Result r = AbTest.analyze(CONTROL, TREATMENT, confidence, 0.02);

                double half = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
                assertThat(r.ciUpper() - r.absoluteLift()).as("half-width at %s", confidence)
                        .isCloseTo(half, within(LIBRARY));
            }
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("all outcomes equal: pooled variance 0 → z 0, p-value 1, continue testing")
        void noVariance() {
            Result r = AbTest.analyze(new int[] {1, 1, 1}, new int[] {1, 1}, 0.95, 0.02);

            assertThat(r.zStatistic()).isEqualTo(0.0);
            assertThat(r.pValue()).isEqualTo(1.0);
            assertThat(r.recommendation()).isEqualTo(Recommendation.CONTINUE_TESTING);
        }

        @Test
        @DisplayName("control rate 0: relative lift +∞, or 0 when both rates are 0")
        void zeroControlRate() {
            assertThat(AbTest.analyze(new int[] {0, 0, 0}, new int[] {0, 1, 0}, 0.95, 0.02).relativeLiftPercent())
                    .isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(AbTest.analyze(new int[] {0, 0}, new int[] {0, 0, 0}, 0.95, 0.02).relativeLiftPercent())
                    .isEqualTo(0.0);
        }

        @Test
        @DisplayName("null groups are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "AbTest.analyze(null, TREATMENT, 0.95, 0.02)",
                    () -> AbTest.analyze(null, TREATMENT, 0.95, 0.02), "control");
            assertRejects(NullPointerException.class, "AbTest.analyze(CONTROL, null, 0.95, 0.02)",
                    () -> AbTest.analyze(CONTROL, null, 0.95, 0.02), "treatment");
        }

        @Test
        @DisplayName("empty groups are rejected")
        void emptyGroups() {
            assertRejects(IllegalArgumentException.class, "AbTest.analyze(new int[0], TREATMENT, 0.95, 0.02)",
                    () -> AbTest.analyze(new int[0], TREATMENT, 0.95, 0.02), "control");
            assertRejects(IllegalArgumentException.class, "AbTest.analyze(CONTROL, new int[0], 0.95, 0.02)",
                    () -> AbTest.analyze(CONTROL, new int[0], 0.95, 0.02), "treatment");
        }

        @Test
        @DisplayName("outcomes other than 0 and 1 are rejected")
        void nonBinary() {
            assertRejects(IllegalArgumentException.class, "AbTest.analyze({0, 2}, TREATMENT, 0.95, 0.02)",
                    () -> AbTest.analyze(new int[] {0, 2}, TREATMENT, 0.95, 0.02), "control");
            assertRejects(IllegalArgumentException.class, "AbTest.analyze(CONTROL, {-1}, 0.95, 0.02)",
                    () -> AbTest.analyze(CONTROL, new int[] {-1}, 0.95, 0.02), "treatment");
        }

        @ParameterizedTest(name = "confidenceLevel = {0}")
        @ValueSource(doubles = {0.0, 1.0, 95.0, -0.5, Double.NaN})
        @DisplayName("confidenceLevel must be in (0, 1)")
        void badConfidence(double confidence) {
            assertRejects(IllegalArgumentException.class, "AbTest.analyze(CONTROL, TREATMENT, " + confidence + ", 0.02)",
                    () -> AbTest.analyze(CONTROL, TREATMENT, confidence, 0.02), "confidenceLevel");
        }

        @ParameterizedTest(name = "minDetectableEffect = {0}")
        @ValueSource(doubles = {0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("minDetectableEffect must be finite and > 0")
        void badMde(double mde) {
            assertRejects(IllegalArgumentException.class, "AbTest.analyze(CONTROL, TREATMENT, 0.95, " + mde + ")",
                    () -> AbTest.analyze(CONTROL, TREATMENT, 0.95, mde), "minDetectableEffect");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("unpooled z: the test statistic uses the pooled rate under H₀")
        void unpooledZ() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.zStatistic())
                    .as("z = %s instead of 3.1782: 3.1944 is what the unpooled standard error gives. Under the null"
                            + " hypothesis both groups share one rate, so z uses the pooled p = (x_c + x_t)/(n_c + n_t)"
                            + " (the interval, not the test, uses the unpooled error)", r.zStatistic())
                    .isCloseTo(3.1782, within(FOUR_DECIMALS));
        }

        @Test
        @DisplayName("one-sided p-value: the test is two-sided, p = 2·(1 − Φ(|z|))")
        void oneSidedP() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.pValue())
                    .as("p = %s instead of 0.00148: half of it (0.00074) is the one-sided p-value. The question is"
                            + " 'is there any difference', so count both tails: 2·(1 − Φ(|z|))", r.pValue())
                    .isCloseTo(0.00148, within(0.000005));
        }

        @Test
        @DisplayName("relative lift over the treatment rate: divide by the control (baseline) rate")
        void relativeLiftOverTreatment() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.relativeLiftPercent())
                    .as("relative lift %s %% instead of 20 %%: 16.67 divides by the treatment rate. The lift is"
                            + " relative to the baseline: 100·(p_t − p_c)/p_c", r.relativeLiftPercent())
                    .isCloseTo(20.0, within(1e-9));
        }

        @Test
        @DisplayName("one-sided quantile in the interval: a 95 % interval uses z at 0.975, not 0.95")
        void intervalQuantile() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.ciLower())
                    .as("CI lower end %s instead of 0.0386: [0.0485, 0.1515] is a 90 %% interval. A two-sided"
                            + " 95 %% interval leaves 2.5 %% in each tail: use z_{1−α/2} = 1.96", r.ciLower())
                    .isCloseTo(0.0386, within(FOUR_DECIMALS));
        }

        @Test
        @DisplayName("pooled interval: the confidence interval uses the unpooled standard error")
        void pooledInterval() {
            Result r = AbTest.analyze(CONTROL, TREATMENT, 0.95, 0.02);

            assertThat(r.ciLower())
                    .as("CI lower end %s instead of 0.03864: 0.03833 comes from the pooled standard error. The"
                            + " interval estimates p_t − p_c without assuming they are equal, so it uses"
                            + " √(p_c(1 − p_c)/n_c + p_t(1 − p_t)/n_t)", r.ciLower())
                    .isCloseTo(0.038643, within(0.000005));
        }
    }

    /** n outcomes, the first x of them 1. */
    private static int[] outcomes(int n, int x) {
        int[] v = new int[n];
        Arrays.fill(v, 0, x, 1);
        return v;
    }

    private static int[] repeat(int[] pattern, int times) {
        int[] v = new int[pattern.length * times];
        for (int i = 0; i < v.length; i++) {
            v[i] = pattern[i % pattern.length];
        }
        return v;
    }
}
