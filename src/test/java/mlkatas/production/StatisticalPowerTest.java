package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import mlkatas.support.Gens;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("9.9 StatisticalPower: power and sample size of a two-sample z-test")
class StatisticalPowerTest {

    /** The spec quotes Deep-ML's powers to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /**
     * Against statsmodels (SciPy's normal CDF and quantile) or a second commons-math formulation: both sides
     * evaluate Φ and Φ⁻¹ to ~1e-15; 1e-9 leaves room for their different algorithms and nothing for a
     * real mistake (those move the power by 1e-2 or more).
     */
    private static final double LIBRARY = 1e-9;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("d 0.5, n 64 per group, α 0.05, two-tailed → power 0.8074")
        void twoTailedPower() {
            // ncp = 0.5·√(64/2) = 2.828; 1 − Φ(1.960 − 2.828) + Φ(−1.960 − 2.828) = 0.8074.
            assertThat(StatisticalPower.power(0.5, 64, 0.05, true)).isCloseTo(0.8074, within(FOUR_DECIMALS));
        }

        @Test
        @Order(2)
        @DisplayName("the same test one-tailed → power 0.8817")
        void oneTailedPower() {
            // 1 − Φ(1.645 − 2.828) = 0.8817: the whole α sits on the side of the effect.
            assertThat(StatisticalPower.power(0.5, 64, 0.05, false)).isCloseTo(0.8817, within(FOUR_DECIMALS));
        }

        @Test
        @Order(3)
        @DisplayName("80% power for d 0.5 at α 0.05, two-tailed, needs 63 per group")
        void sampleSizeForEightyPercent() {
            // power(63) = 0.8013 reaches 0.8; power(62) = 0.7950 does not.
            assertThat(StatisticalPower.sampleSizePerGroup(0.5, 0.05, 0.8, true)).isEqualTo(63);
        }

        @Test
        @Order(4)
        @DisplayName("a small effect needs a large sample: d 0.2, α 0.05, 90% power → 526 per group")
        void smallEffect() {
            assertThat(StatisticalPower.sampleSizePerGroup(0.2, 0.05, 0.9, true)).isEqualTo(526);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("power grows with the sample size")
        void increasesWithN() {
            qt().withExamples(300)
                    .forAll(Gens.values(0.01, 2), integers().between(2, 2000), Gens.values(0.001, 0.5), booleans().all())
                    .checkAssert((d, n, alpha, two) -> assertThat(StatisticalPower.power(d, n + 1, alpha, two))
                            .as("power at n + 1 vs n").isGreaterThanOrEqualTo(StatisticalPower.power(d, n, alpha, two)));
        }

        @Test
        @DisplayName("power grows with the effect size")
        void increasesWithEffect() {
            qt().withExamples(300)
                    .forAll(Gens.values(0.01, 2), integers().between(2, 2000), Gens.values(0.001, 0.5), booleans().all())
                    .checkAssert((d, n, alpha, two) -> assertThat(StatisticalPower.power(d * 1.1, n, alpha, two))
                            .as("power at 1.1·d vs d").isGreaterThanOrEqualTo(StatisticalPower.power(d, n, alpha, two)));
        }

        @Test
        @DisplayName("power shrinks as α shrinks")
        void decreasesWithAlpha() {
            qt().withExamples(300)
                    .forAll(Gens.values(0.01, 2), integers().between(2, 2000), Gens.values(0.001, 0.5), booleans().all())
                    .checkAssert((d, n, alpha, two) -> assertThat(StatisticalPower.power(d, n, alpha / 2, two))
                            .as("power at α/2 vs α").isLessThanOrEqualTo(StatisticalPower.power(d, n, alpha, two)));
        }

        @Test
        @DisplayName("the sample size reaches the target power and one fewer does not")
        void sampleSizeIsTheSmallest() {
            qt().withExamples(200)
                    .forAll(Gens.values(0.1, 2), Gens.values(0.01, 0.2), Gens.values(0.05, 0.94), booleans().all())
                    .checkAssert((d, alpha, extra, two) -> {
                        double target = alpha + extra * (1 - alpha);
                        int n = StatisticalPower.sampleSizePerGroup(d, alpha, target, two);
                        assertThat(n).as("n").isGreaterThanOrEqualTo(2);
                        assertThat(StatisticalPower.power(d, n, alpha, two)).as("power at n = %d", n)
                                .isGreaterThanOrEqualTo(target);
                        if (n > 2) {
                            assertThat(StatisticalPower.power(d, n - 1, alpha, two)).as("power at n − 1 = %d", n - 1)
                                    .isLessThan(target);
                        }
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final StatisticalPowerOracle.PowerCase[] POWER_CASES = StatisticalPowerOracle.POWER_CASES;
        static final StatisticalPowerOracle.SizeCase[] SIZE_CASES = StatisticalPowerOracle.SIZE_CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("POWER_CASES")
        @DisplayName("power matches statsmodels' NormalIndPower")
        void powerMatchesStatsmodels(StatisticalPowerOracle.PowerCase c) {
            assertThat(StatisticalPower.power(c.effectSize(), c.n(), c.alpha(), c.twoTailed()))
                    .isCloseTo(c.power(), within(LIBRARY));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("SIZE_CASES")
        @DisplayName("sample size matches the smallest n whose statsmodels power reaches the target")
        void sampleSizeMatchesStatsmodels(StatisticalPowerOracle.SizeCase c) {
            assertThat(StatisticalPower.sampleSizePerGroup(c.effectSize(), c.alpha(), c.power(), c.twoTailed()))
                    .isEqualTo(c.n());
        }

        @Test
        @DisplayName("power is the probability that the shifted statistic N(ncp, 1) falls in the rejection region")
        void matchesShiftedNormal() {
            // A second formulation with commons-math: under the effect the z statistic is N(ncp, 1); the test
            // rejects when it lands beyond the critical value(s).
            NormalDistribution standard = new NormalDistribution(0, 1);
            qt().withExamples(200)
                    .forAll(Gens.values(0.01, 2), integers().between(2, 2000), Gens.values(0.001, 0.5), booleans().all())
                    .checkAssert((d, n, alpha, two) -> {
                        NormalDistribution statistic = new NormalDistribution(d * Math.sqrt(n / 2.0), 1);
                        double expected;
                        if (two) {
                            double z = standard.inverseCumulativeProbability(1 - alpha / 2);
                            expected = 1 - (statistic.cumulativeProbability(z) - statistic.cumulativeProbability(-z));
                        } else {
                            expected = 1 - statistic.cumulativeProbability(standard.inverseCumulativeProbability(1 - alpha));
                        }
                        assertThat(StatisticalPower.power(d, n, alpha, two)).isCloseTo(expected, within(LIBRARY));
                    });
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a huge effect needs only the minimum of 2 per group")
        void minimumSampleSize() {
            assertThat(StatisticalPower.sampleSizePerGroup(5.0, 0.05, 0.9, true)).isEqualTo(2);
            assertThat(StatisticalPower.power(5.0, 2, 0.05, true)).isGreaterThan(0.9);
        }

        @Test
        @DisplayName("a tiny effect has power just above α (two-tailed)")
        void tinyEffect() {
            assertThat(StatisticalPower.power(1e-6, 10, 0.05, true)).isCloseTo(0.05, within(1e-9));
        }

        @ParameterizedTest(name = "effectSize = {0}")
        @ValueSource(doubles = {0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("the effect size must be finite and > 0")
        void badEffectSize(double d) {
            assertRejects(IllegalArgumentException.class, "StatisticalPower.power(" + d + ", 10, 0.05, true)",
                    () -> StatisticalPower.power(d, 10, 0.05, true), "effectSize");
            assertRejects(IllegalArgumentException.class,
                    "StatisticalPower.sampleSizePerGroup(" + d + ", 0.05, 0.8, true)",
                    () -> StatisticalPower.sampleSizePerGroup(d, 0.05, 0.8, true), "effectSize");
        }

        @ParameterizedTest(name = "n = {0}")
        @ValueSource(ints = {1, 0, -5})
        @DisplayName("the sample size per group must be ≥ 2")
        void badSampleSize(int n) {
            assertRejects(IllegalArgumentException.class, "StatisticalPower.power(0.5, " + n + ", 0.05, true)",
                    () -> StatisticalPower.power(0.5, n, 0.05, true), "sampleSizePerGroup");
        }

        @ParameterizedTest(name = "alpha = {0}")
        @ValueSource(doubles = {0.0, 1.0, -0.05, Double.NaN})
        @DisplayName("α must be in (0, 1)")
        void badAlpha(double alpha) {
            assertRejects(IllegalArgumentException.class, "StatisticalPower.power(0.5, 10, " + alpha + ", true)",
                    () -> StatisticalPower.power(0.5, 10, alpha, true), "alpha");
            assertRejects(IllegalArgumentException.class,
                    "StatisticalPower.sampleSizePerGroup(0.5, " + alpha + ", 0.8, true)",
                    () -> StatisticalPower.sampleSizePerGroup(0.5, alpha, 0.8, true), "alpha");
        }

        @ParameterizedTest(name = "power = {0}")
        @ValueSource(doubles = {0.05, 0.01, 1.0, Double.NaN})
        @DisplayName("the target power must be in (α, 1)")
        void badPower(double power) {
            assertRejects(IllegalArgumentException.class,
                    "StatisticalPower.sampleSizePerGroup(0.5, 0.05, " + power + ", true)",
                    () -> StatisticalPower.sampleSizePerGroup(0.5, 0.05, power, true), "power");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("α not halved: a two-tailed test splits α over both tails")
        void alphaNotHalved() {
            double power = StatisticalPower.power(0.5, 64, 0.05, true);

            assertThat(power)
                    .as("two-tailed power is %s instead of 0.8074 (0.8817 is the one-tailed value): the critical"
                            + " value of a two-tailed test is z₁₋α/₂ = 1.960, not z₁₋α = 1.645", power)
                    .isCloseTo(0.8074, within(FOUR_DECIMALS));
        }

        @Test
        @DisplayName("ncp d·√n: with two groups of n the noncentrality is d·√(n/2)")
        void ncpWithoutHalf() {
            double power = StatisticalPower.power(0.5, 64, 0.05, false);

            assertThat(power)
                    .as("one-tailed power is %s instead of 0.8817 (d·√n would give 0.9907): the difference of two"
                            + " means of n each has standard error σ·√(2/n), so ncp = d·√(n/2)", power)
                    .isCloseTo(0.8817, within(FOUR_DECIMALS));
        }

        @Test
        @DisplayName("Φ⁻¹(α) instead of Φ⁻¹(1 − α): the critical value is positive")
        void quantileOfAlpha() {
            double power = StatisticalPower.power(0.2, 20, 0.05, false);

            assertThat(power)
                    .as("power for d 0.2, n 20 is %s instead of 0.1557 (a value near 1 means the critical value was"
                            + " Φ⁻¹(0.05) = −1.645): reject beyond z₁₋α = Φ⁻¹(1 − α) = +1.645", power)
                    .isCloseTo(0.1557, within(FOUR_DECIMALS));
        }

        @Test
        @DisplayName("closed form only: search for the smallest n, in both directions")
        void closedFormOnly() {
            // d 0.2, α 0.2, 50% power: ⌈2(z₀.₉ + z₀.₅)²/d²⌉ = 83, but the far tail adds power and 81 suffices.
            int n = StatisticalPower.sampleSizePerGroup(0.2, 0.2, 0.5, true);

            assertThat(n)
                    .as("sampleSizePerGroup(0.2, 0.2, 0.5, two-tailed) is %d instead of 81: the closed form (83)"
                            + " ignores the second tail Φ(−z − ncp); start from it, then walk down while n − 1"
                            + " still reaches the target and up while n does not", n)
                    .isEqualTo(81);
        }
    }
}
