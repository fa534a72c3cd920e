package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.production.PopulationStabilityIndex.DriftLevel;
import mlkatas.production.PopulationStabilityIndex.Result;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("9.4 PopulationStabilityIndex: how far has a feature's distribution drifted?")
class PopulationStabilityIndexTest {

    /** The spec quotes the worked example to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /** Same bins, same handful of logarithms as a hand computation: only summation order differs. */
    private static final double EXACT = 1e-12;
    /** NumPy runs the same definition; sums of up to 20 terms of size ≤ 10 round differently by ~1e-15. */
    private static final double REPLAY = 1e-10;

    private static final double[] REF = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    private static final double[] PROD = {3, 3, 4, 4, 5, 5, 6, 6, 7, 7};

    /** Non-constant reference samples. */
    private static final Gen<double[]> REFERENCES = Gens.vectors(2, 50, -100, 100)
            .assuming(v -> Arrays.stream(v).min().getAsDouble() < Arrays.stream(v).max().getAsDouble());

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("a sample compared with itself: PSI 0, NONE")
        void identical() {
            Result result = PopulationStabilityIndex.psi(REF, REF.clone(), 5);

            assertThat(result.psi()).isCloseTo(0.0, within(EXACT));
            assertThat(result.level()).isEqualTo(DriftLevel.NONE);
        }

        @Test
        @Order(2)
        @DisplayName("[1..5] twice vs [3..7] twice, 5 bins → proportions [1e-4, 1e-4, 0.2, 0.2, 0.6], PSI 3.4783")
        void shiftedSample() {
            // Bins over [1, 5] with width 0.8; 6 and 7 lie above the reference's max and land in the last bin.
            Result result = PopulationStabilityIndex.psi(REF, PROD, 5);

            double expected = 2 * term(1e-4, 0.2) + term(0.6, 0.2);
            assertThat(result.psi()).isCloseTo(3.4783, within(FOUR_DECIMALS)).isCloseTo(expected, within(EXACT));
            assertThat(result.level()).isEqualTo(DriftLevel.SIGNIFICANT);
        }

        @Test
        @Order(3)
        @DisplayName("a small shift is MODERATE drift: the example reference with one 1 moved to 2 → PSI 0.1099")
        void moderate() {
            double[] production = {1, 2, 2, 2, 3, 3, 4, 4, 5, 5};   // bin counts 1, 3, 2, 2, 2

            Result result = PopulationStabilityIndex.psi(REF, production, 5);

            assertThat(result.psi()).isCloseTo(term(0.1, 0.2) + term(0.3, 0.2), within(EXACT));
            assertThat(result.level()).isEqualTo(DriftLevel.MODERATE);
        }

        @Test
        @Order(4)
        @DisplayName("PSI grows as production shifts further: shifts 0, 1, 2, 4 of the example")
        void growsWithShift() {
            double previous = -1;
            for (double shift : new double[] {0, 1, 2, 4}) {
                double[] production = Arrays.stream(REF).map(v -> v + shift).toArray();
                double psi = PopulationStabilityIndex.psi(REF, production, 5).psi();
                assertThat(psi).as("PSI for shift %s", shift).isGreaterThan(previous);
                previous = psi;
            }
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("PSI ≥ 0 for any two samples")
        void nonNegative() {
            qt().forAll(REFERENCES, Gens.vectors(1, 50, -150, 150), integers().between(1, 20))
                    .checkAssert((reference, production, bins) -> assertThat(
                            PopulationStabilityIndex.psi(reference, production, bins).psi()).isGreaterThanOrEqualTo(0));
        }

        @Test
        @DisplayName("PSI is 0 when production is the reference sample itself")
        void zeroForSameSample() {
            qt().forAll(REFERENCES, integers().between(1, 20)).checkAssert((reference, bins) -> {
                Result result = PopulationStabilityIndex.psi(reference, reference.clone(), bins);

                assertThat(result.psi()).isEqualTo(0.0);
                assertThat(result.level()).isEqualTo(DriftLevel.NONE);
            });
        }

        @Test
        @DisplayName("PSI grows as more production values move beyond the reference's max")
        void growsWithShiftedMass() {
            // Production = the reference plus m values above its max: the bin proportions move along a straight
            // line away from the reference's, and PSI (a symmetrised KL divergence) grows strictly along it.
            qt().withExamples(200).forAll(REFERENCES, integers().between(2, 10)).checkAssert((reference, bins) -> {
                double above = Arrays.stream(reference).max().getAsDouble() + 1;
                double previous = 0;
                for (int m = 1; m <= 30; m += 7) {
                    double[] production = Arrays.copyOf(reference, reference.length + m);
                    Arrays.fill(production, reference.length, production.length, above);
                    double psi = PopulationStabilityIndex.psi(reference, production, bins).psi();
                    assertThat(psi).as("PSI with %d values moved above the max", m).isGreaterThan(previous);
                    previous = psi;
                }
            });
        }

        @Test
        @DisplayName("the drift level follows the thresholds 0.1 and 0.25")
        void levelFollowsThresholds() {
            qt().forAll(REFERENCES, Gens.vectors(1, 50, -150, 150), integers().between(1, 20))
                    .checkAssert((reference, production, bins) -> {
                        Result result = PopulationStabilityIndex.psi(reference, production, bins);

                        DriftLevel expected = result.psi() < 0.1 ? DriftLevel.NONE
                                : result.psi() < 0.25 ? DriftLevel.MODERATE : DriftLevel.SIGNIFICANT;
                        assertThat(result.level()).as("level for PSI %s", result.psi()).isEqualTo(expected);
                    });
        }

        @Test
        @DisplayName("reference and production are left unchanged")
        void inputsUnchanged() {
            qt().forAll(REFERENCES, Gens.vectors(1, 50, -150, 150), integers().between(1, 20))
                    .checkAssert((reference, production, bins) -> {
                        double[] referenceCopy = reference.clone();
                        double[] productionCopy = production.clone();

                        PopulationStabilityIndex.psi(reference, production, bins);

                        assertThat(reference).containsExactly(referenceCopy);
                        assertThat(production).containsExactly(productionCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final PopulationStabilityIndexOracle.Case[] CASES = PopulationStabilityIndexOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("CASES")
        @DisplayName("matches a NumPy implementation of the same definition")
        void matchesNumpy(PopulationStabilityIndexOracle.Case c) {
            double psi = PopulationStabilityIndex.psi(c.reference(), c.production(), c.bins()).psi();

            assertThat(psi).as("PSI for %s", c.name()).isCloseTo(c.psi(), within(REPLAY));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a value on an inner bin edge belongs to the upper bin")
        void edgeValueGoesUp() {
            // Reference [0, 1, 2, 3, 4], 4 bins: inner edges 1, 2, 3; proportions [0.2, 0.2, 0.2, 0.4] (4 is
            // the max and closes the last bin). Every production value is 1, on the first edge → bin 1.
            Result result = PopulationStabilityIndex.psi(new double[] {0, 1, 2, 3, 4}, new double[] {1, 1, 1, 1}, 4);

            double expected = term(1e-4, 0.2) + term(1, 0.2) + term(1e-4, 0.2) + term(1e-4, 0.4);
            assertThat(result.psi()).isCloseTo(expected, within(EXACT));
        }

        @Test
        @DisplayName("one bin: everything falls into it, PSI 0")
        void oneBin() {
            assertThat(PopulationStabilityIndex.psi(REF, PROD, 1).psi()).isEqualTo(0.0);
        }

        @Test
        @DisplayName("null samples are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "PopulationStabilityIndex.psi(null, PROD, 5)",
                    () -> PopulationStabilityIndex.psi(null, PROD, 5), "reference");
            assertRejects(NullPointerException.class, "PopulationStabilityIndex.psi(REF, null, 5)",
                    () -> PopulationStabilityIndex.psi(REF, null, 5), "production");
        }

        @Test
        @DisplayName("empty samples are rejected")
        void empty() {
            assertRejects(IllegalArgumentException.class, "PopulationStabilityIndex.psi(new double[0], PROD, 5)",
                    () -> PopulationStabilityIndex.psi(new double[0], PROD, 5), "reference");
            assertRejects(IllegalArgumentException.class, "PopulationStabilityIndex.psi(REF, new double[0], 5)",
                    () -> PopulationStabilityIndex.psi(REF, new double[0], 5), "production");
        }

        @Test
        @DisplayName("a constant reference has no range to bin and is rejected")
        void constantReference() {
            assertRejects(IllegalArgumentException.class, "PopulationStabilityIndex.psi({2, 2, 2}, PROD, 5)",
                    () -> PopulationStabilityIndex.psi(new double[] {2, 2, 2}, PROD, 5), "reference");
        }

        @ParameterizedTest(name = "bins = {0}")
        @ValueSource(ints = {0, -3})
        @DisplayName("bins must be ≥ 1")
        void badBins(int bins) {
            assertRejects(IllegalArgumentException.class, "PopulationStabilityIndex.psi(REF, PROD, " + bins + ")",
                    () -> PopulationStabilityIndex.psi(REF, PROD, bins), "bins");
        }

        @Test
        @DisplayName("NaN or infinite values are rejected")
        void nonFinite() {
            assertRejects(IllegalArgumentException.class, "PopulationStabilityIndex.psi({1, Double.NaN}, PROD, 5)",
                    () -> PopulationStabilityIndex.psi(new double[] {1, Double.NaN}, PROD, 5), "reference");
            assertRejects(IllegalArgumentException.class,
                    "PopulationStabilityIndex.psi(REF, {Double.POSITIVE_INFINITY}, 5)",
                    () -> PopulationStabilityIndex.psi(REF, new double[] {Double.POSITIVE_INFINITY}, 5), "production");
            assertRejects(IllegalArgumentException.class,
                    "PopulationStabilityIndex.psi({1, 2, Double.POSITIVE_INFINITY}, PROD, 5)",
                    () -> PopulationStabilityIndex.psi(new double[] {1, 2, Double.POSITIVE_INFINITY}, PROD, 5),
                    "reference");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("bins from the combined range: the bins must depend on the reference alone")
        void binsFromCombinedRange() {
            // Reference 0..9, 5 bins of width 1.8, two values each; production adds one outlier at 100, which
            // joins the last bin: production proportions [2, 2, 2, 2, 3]/11.
            double[] reference = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            double[] production = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100};

            double psi = PopulationStabilityIndex.psi(reference, production, 5).psi();

            double expected = 4 * term(2.0 / 11, 0.2) + term(3.0 / 11, 0.2);
            assertThat(psi)
                    .as("PSI %s instead of %s: one outlier in production changed the bins. Were the edges taken"
                            + " from min/max of both samples? Bins come from the reference alone; the end bins"
                            + " are open so outliers still count", psi, expected)
                    .isCloseTo(expected, within(EXACT));
        }

        @Test
        @DisplayName("zero proportions left in: an empty bin must become 1e-4, not ln(0)")
        void zeroProportionsLeftIn() {
            double psi = PopulationStabilityIndex.psi(REF, PROD, 5).psi();

            assertThat(psi)
                    .as("PSI is %s: production has empty bins and ln(0/0.2) is −∞. Replace a zero proportion"
                            + " by 1e-4 before taking the logarithm", psi)
                    .isCloseTo(3.4783, within(FOUR_DECIMALS));
        }

        @Test
        @DisplayName("ln(ref/prod) sign error: every term (prod − ref)·ln(prod/ref) is ≥ 0")
        void logRatioSignError() {
            double psi = PopulationStabilityIndex.psi(REF, PROD, 5).psi();

            assertThat(psi)
                    .as("PSI is %s, below 0: the logarithm must be ln(prod/ref) to match the sign of"
                            + " (prod − ref); with ln(ref/prod) every term turns negative", psi)
                    .isGreaterThan(0);
        }

        @Test
        @DisplayName("out-of-range production dropped: values beyond the reference's max still count")
        void outOfRangeDropped() {
            // Half the production lies above the reference's max and belongs in the open-ended last bin.
            double[] reference = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            double[] production = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50};

            double psi = PopulationStabilityIndex.psi(reference, production, 5).psi();

            double expected = 4 * term(0.1, 0.2) + term(0.6, 0.2);
            assertThat(psi)
                    .as("PSI %s instead of %s: production values above the reference's max were not counted."
                            + " The first and last bins are open-ended", psi, expected)
                    .isCloseTo(expected, within(EXACT));
        }

        @Test
        @DisplayName("edge value in the lower bin: a value on an inner edge belongs to the upper bin")
        void edgeValueInLowerBin() {
            double psi = PopulationStabilityIndex.psi(new double[] {0, 1, 2, 3, 4}, new double[] {1, 1, 1, 1}, 4).psi();

            double expected = term(1e-4, 0.2) + term(1, 0.2) + term(1e-4, 0.2) + term(1e-4, 0.4);
            assertThat(psi)
                    .as("PSI %s instead of %s: values equal to the inner edge 1 went to the lower bin. Bins are"
                            + " [lo, hi): an edge value starts the upper bin", psi, expected)
                    .isCloseTo(expected, within(EXACT));
        }
    }

    /** One bin's contribution (p − r)·ln(p/r). */
    private static double term(double production, double reference) {
        return (production - reference) * Math.log(production / reference);
    }
}
