package mlkatas.algorithms;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertAllFinite;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

@DisplayName("1.4 Pca: principal components of standardised data")
class PcaTest {

    /** The spec quotes Deep-ML's examples to 4 decimals. */
    private static final double FOUR_DECIMALS = 1e-4;
    /**
     * Hand-built examples with exact answers (1/√2, 0, 1): a symmetric eigensolver is accurate to a few
     * ulps of the largest eigenvalue divided by the eigenvalue gap, here ~1e-15.
     */
    private static final double ROUNDING = 1e-12;
    /** Eigenvectors of a symmetric matrix come out orthonormal to about d·ε. */
    private static final double ORTHONORMAL = 1e-10;
    /**
     * Two different algorithms (eigenvectors of the covariance here, an SVD of the data in the oracle) agree
     * to about ε·λ_max/gap; the generated data keeps every gap above 1e-3·λ_max, so ~1e-12 is typical.
     */
    private static final double OTHER_ALGORITHM = 1e-8;
    /**
     * Shifting a feature by up to 100 or scaling it by up to 1e±2 changes its standardised values only by
     * rounding (~1e-12 of its spread); through a gap of at least 1e-3·λ_max the directions move by ~1e-9.
     */
    private static final double INVARIANCE = 1e-8;
    /** Two adjacent eigenvalues closer than this fraction of the largest make their directions ill-defined. */
    private static final double MIN_RELATIVE_GAP = 1e-3;
    /**
     * Storing x + 1e8 rounds x to the ulp of 1e8 (1.5e-8), a relative 1e-8 of the data's spread; the
     * directions move by that divided by the relative eigenvalue gap (above 0.1 in that test).
     */
    private static final double OFFSET_ROUNDING = 1e-6;
    /**
     * Generated features vary by at least this fraction of their largest magnitude: a feature that varies only
     * in its last bits is a valid input, but rounding, not the data, decides its standardised values.
     */
    private static final double MIN_SPREAD = 0.1;
    /**
     * Shrink cycles for a failing property: enough to simplify the data, few enough that a learner sees the
     * failure within a second or two instead of waiting for a long search over a 15×5 matrix.
     */
    private static final int SHRINK_CYCLES = 100;
    /** The spec's tie rule for the sign convention: magnitudes within a relative 1e-9 are tied. */
    private static final double TIE = 1e-9;

    /** Deep-ML 19's first example and its answer (k = 2). */
    private static final double[][] DEEP_ML = {{4, 2, 1}, {5, 6, 7}, {9, 12, 1}, {4, 6, 7}};
    private static final double[][] DEEP_ML_COMPONENTS = {{0.6855, 0.0776}, {0.6202, 0.4586}, {-0.3814, 0.8853}};

    private static final double R = Math.sqrt(0.5);

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("two perfectly correlated features share one direction, [0.7071, 0.7071]")
        void twoCorrelatedFeatures() {
            // After standardising, both columns are [−1.2247, 0, 1.2247]: all the variance lies along (1, 1)/√2.
            double[][] components = Pca.principalComponents(new double[][] {{1, 2}, {3, 4}, {5, 6}}, 1);

            assertMatrixClose("the first principal component (a 2×1 matrix)", components,
                    new double[][] {{R}, {R}}, FOUR_DECIMALS);
        }

        @Test
        @Order(2)
        @DisplayName("a correlated pair and an independent feature: the scale of a feature does not matter")
        void correlatedPairAndIndependentFeature() {
            // Features 0 and 1 have correlation 0.8; feature 2 is uncorrelated with both and 100 times larger.
            // The correlation matrix [[1, .8, 0], [.8, 1, 0], [0, 0, 1]] has eigenvalues 1.8, 1, 0.2 (times
            // m/(m−1) = 4/3) with directions (1, 1, 0)/√2, (0, 0, 1) and (1, −1, 0)/√2. Standardised, the
            // large feature is just one more unit-variance feature: it comes second, not first.
            double[][] data = {{1, 1, 100}, {2, 3, 300}, {3, 2, 300}, {4, 4, 100}};

            double[][] components = Pca.principalComponents(data, 3);

            assertMatrixClose("all three components", components,
                    new double[][] {{R, 0, R}, {R, 0, -R}, {0, 1, 0}}, ROUNDING);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: four samples of three features, k = 2 → [[0.6855, 0.0776], [0.6202, 0.4586], "
                + "[−0.3814, 0.8853]]")
        void deepMlThreeFeatures() {
            double[][] components = Pca.principalComponents(DEEP_ML, 2);

            assertMatrixClose("the first two components, as columns", components, DEEP_ML_COMPONENTS,
                    FOUR_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the columns are orthonormal")
        void columnsOrthonormal() {
            properties(100).forAll(fullRankData(), ks()).checkAssert((data, kDrawn) -> {
                int k = Math.min(kDrawn, data[0].length);
                RealMatrix v = MatrixUtils.createRealMatrix(Pca.principalComponents(data, k));

                assertMatrixClose("VᵀV (must be the k×k identity)", v.transpose().multiply(v).getData(),
                        MatrixUtils.createRealIdentityMatrix(k).getData(), ORTHONORMAL);
            });
        }

        @Test
        @DisplayName("the variance along each component is no larger than along the one before")
        void projectedVariancesNonIncreasing() {
            properties(100).forAll(fullRankData(), ks()).checkAssert((data, kDrawn) -> {
                int k = Math.min(kDrawn, data[0].length);
                double[] variances = projectedVariances(data, Pca.principalComponents(data, k));

                for (int j = 1; j < k; j++) {
                    assertThat(variances[j])
                            .as("variance along component %d vs component %d, all: %s", j, j - 1,
                                    Arrays.toString(variances))
                            .isLessThanOrEqualTo(variances[j - 1] + ORTHONORMAL * variances[0]);
                }
            });
        }

        @Test
        @DisplayName("shifting or rescaling features does not change the components")
        void invariantToShiftAndScale() {
            properties(100)
                    .forAll(fullRankData(), ks(), Gens.vectors(6, -100, 100), Gens.vectors(6, -2, 2))
                    .assuming((data, kDrawn, shifts, logScales) -> wellSeparated(data, Math.min(kDrawn,
                            data[0].length)))
                    .checkAssert((data, kDrawn, shifts, logScales) -> {
                        int k = Math.min(kDrawn, data[0].length);
                        double[][] moved = shiftAndScale(data, shifts, logScales);

                        assertMatrixClose("components after x_j → 10^s_j·x_j + c_j with shifts "
                                        + Arrays.toString(shifts) + " and s = " + Arrays.toString(logScales),
                                Pca.principalComponents(moved, k), Pca.principalComponents(data, k), INVARIANCE);
                    });
        }

        @Test
        @DisplayName("in every column the first entry of largest magnitude is positive")
        void signConvention() {
            properties(100).forAll(fullRankData(), ks()).checkAssert((data, kDrawn) -> {
                int k = Math.min(kDrawn, data[0].length);
                double[][] components = Pca.principalComponents(data, k);

                for (int j = 0; j < k; j++) {
                    double[] v = column(components, j);
                    int first = firstOfLargestMagnitude(v);
                    assertThat(v[first])
                            .as("column %d = %s: its first entry of largest magnitude, [%d], must be positive",
                                    j, Arrays.toString(v), first)
                            .isPositive();
                }
            });
        }

        @Test
        @DisplayName("data is left unchanged")
        void inputUnchanged() {
            properties(100).forAll(fullRankData(), ks()).checkAssert((data, kDrawn) -> {
                double[][] copy = deepCopy(data);

                Pca.principalComponents(data, Math.min(kDrawn, data[0].length));

                assertThat(data).as("data after the call").isDeepEqualTo(copy);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final PcaOracle.Case[] SKLEARN_CASES = PcaOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's PCA on StandardScaler output, up to the sign of each column")
        void matchesScikitLearn(PcaOracle.Case c) {
            double[][] components = Pca.principalComponents(c.data(), c.k());

            // scikit-learn has its own sign convention: align each expected column with the actual one.
            assertMatrixClose("components for " + c.name() + " (columns compared up to sign)", components,
                    alignSigns(c.components(), components), OTHER_ALGORITHM);
        }

        @Test
        @DisplayName("matches the right singular vectors of commons-math's SVD of the standardised data")
        void matchesSvdOfStandardisedData() {
            properties(100)
                    .forAll(wellSpread(Gens.matrices(8, 30, 1, 6, -1, 1)), ks(), Gens.vectors(6, -4, 4))
                    .assuming((raw, kDrawn, logScales) -> wellSeparated(raw, Math.min(kDrawn, raw[0].length)))
                    .checkAssert((raw, kDrawn, logScales) -> {
                        // Features on scales from 1e-4 to 1e4: standardisation must make them comparable.
                        double[][] data = shiftAndScale(raw, new double[6], logScales);
                        int k = Math.min(kDrawn, data[0].length);

                        // Z = U·S·Vᵀ, so ZᵀZ/(m−1) = V·S²/(m−1)·Vᵀ: V's columns are the eigenvectors, already
                        // in decreasing order of singular value.
                        RealMatrix v = new SingularValueDecomposition(
                                MatrixUtils.createRealMatrix(standardise(data))).getV();
                        double[][] expected = new double[data[0].length][k];
                        for (int j = 0; j < k; j++) {
                            double[] direction = withSignConvention(v.getColumn(j));
                            for (int i = 0; i < direction.length; i++) {
                                expected[i][j] = direction[i];
                            }
                        }

                        assertMatrixClose("components vs the SVD's right singular vectors (after the sign"
                                + " convention)", Pca.principalComponents(data, k), expected, OTHER_ALGORITHM);
                    });
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a single feature has the single component [1]")
        void singleFeature() {
            assertMatrixClose("the component of one feature", Pca.principalComponents(
                    new double[][] {{1}, {2}, {4}}, 1), new double[][] {{1}}, ROUNDING);
        }

        @Test
        @DisplayName("two samples are enough: the component points along their standardised difference")
        void twoSamples() {
            // Standardised, the rows are (−1, 1, 1) and (1, −1, −1): one direction, ±(1, −1, −1)/√3, and all
            // entries tie in magnitude, so the first is made positive.
            double third = 1 / Math.sqrt(3);

            double[][] components = Pca.principalComponents(new double[][] {{1, 2, 3}, {3, 1, 0}}, 1);

            assertMatrixClose("the component of two samples", components,
                    new double[][] {{third}, {-third}, {-third}}, ROUNDING);
        }

        @Test
        @DisplayName("a constant feature is centred, not divided by its zero standard deviation")
        void constantFeature() {
            // Feature 2 is constant: after centring it is all zeros, so it has no variance and no loading on
            // the other components; its own direction (0, 0, 1) has eigenvalue 0 and comes last.
            double[][] data = {{1, 2, 5}, {2, 1, 5}, {3, 5, 5}, {4, 6, 5}};

            double[][] components = Pca.principalComponents(data, 3);

            assertAllFinite("components with a constant feature (dividing by its standard deviation 0 gives NaN)",
                    components);
            assertMatrixClose("components with a constant feature", components,
                    new double[][] {{R, R, 0}, {R, -R, 0}, {0, 0, 1}}, ROUNDING);
        }

        @Test
        @DisplayName("entries tied in magnitude: the first of them is made positive")
        void tiedEntries() {
            // Two standardised features always give the directions (1, 1)/√2 and (1, −1)/√2, whose entries
            // tie. Negatively correlated features put (1, −1)/√2 first; its first entry must be the positive one.
            double[][] data = {{1, 6}, {2, 5}, {3, 3}, {4, 2}};

            double[][] components = Pca.principalComponents(data, 2);

            assertMatrixClose("components of two negatively correlated features", components,
                    new double[][] {{R, R}, {-R, R}}, ROUNDING);
        }

        @Test
        @DisplayName("features around 1e8 give the same components as the same data around 0")
        void largeOffsets() {
            // A one-pass variance E[x²] − E[x]² cancels catastrophically here (x² ≈ 1e16, the variance ≈ 2);
            // subtract the mean first.
            double[][] centred = {{-2, 1.5, 0.3}, {-1, -1, 1.1}, {0, 0.5, -2.2}, {1, -2, 0.4}, {2, 1, 0.4}};
            double[][] shifted = shiftAndScale(centred, new double[] {1e8, -3e8, 2e8}, new double[3]);

            assertMatrixClose("components of the shifted data vs the centred data",
                    Pca.principalComponents(shifted, 2), Pca.principalComponents(centred, 2), OFFSET_ROUNDING);
        }

        @Test
        @DisplayName("null data, or a null row, is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "principalComponents(null, 1)",
                    () -> Pca.principalComponents(null, 1), "data");
            assertRejects(NullPointerException.class, "principalComponents({{1, 2}, null}, 1)",
                    () -> Pca.principalComponents(new double[][] {{1, 2}, null}, 1), "data[1]");
        }

        @Test
        @DisplayName("empty, ragged or single-row data is rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class, "principalComponents(new double[0][], 1)",
                    () -> Pca.principalComponents(new double[0][], 1), "data");
            assertRejects(IllegalArgumentException.class, "principalComponents({{1, 2}, {3}}, 1)",
                    () -> Pca.principalComponents(new double[][] {{1, 2}, {3}}, 1), "data");
            assertRejects(IllegalArgumentException.class, "principalComponents({{1, 2}}, 1)",
                    () -> Pca.principalComponents(new double[][] {{1, 2}}, 1), "data");
        }

        @ParameterizedTest(name = "entry = {0}")
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        @DisplayName("a NaN or infinite entry is rejected")
        void nonFiniteEntry(double entry) {
            assertRejects(IllegalArgumentException.class,
                    "principalComponents({{1, 2}, {3, " + entry + "}, {5, 1}}, 1)",
                    () -> Pca.principalComponents(new double[][] {{1, 2}, {3, entry}, {5, 1}}, 1), "data");
        }

        @ParameterizedTest(name = "k = {0}")
        @ValueSource(ints = {0, -1, 4})
        @DisplayName("k must be in [1, d]")
        void badK(int k) {
            assertRejects(IllegalArgumentException.class, "principalComponents(DEEP_ML, " + k + ")",
                    () -> Pca.principalComponents(DEEP_ML, k), "k");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("not standardising: measuring feature 0 in thousandths must not change the components")
        void notStandardising() {
            double[][] rescaled = shiftAndScale(DEEP_ML, new double[3], new double[] {3, 0, 0});

            assertMatrixClose("feature 0 multiplied by 1000 changed the components: without standardising, the"
                    + " feature with the largest units dominates the covariance. Divide each centred feature by"
                    + " its standard deviation first", Pca.principalComponents(rescaled, 2),
                    Pca.principalComponents(DEEP_ML, 2), INVARIANCE);
        }

        @Test
        @DisplayName("ascending order: the first column is the direction of largest variance")
        void ascendingOrder() {
            double[][] components = Pca.principalComponents(DEEP_ML, 1);

            assertThat(isClose(components, new double[][] {{0.7239}, {-0.6364}, {0.2662}}, FOUR_DECIMALS))
                    .as("for k = 1 the only column is %s, the direction of the smallest eigenvalue: sort the"
                            + " eigenvalues in decreasing order (NumPy's eigh, for one, returns them ascending)",
                            Arrays.deepToString(components))
                    .isFalse();
            assertMatrixClose("the first component (k = 1)", components,
                    new double[][] {{0.6855}, {0.6202}, {-0.3814}}, FOUR_DECIMALS);
        }

        @Test
        @DisplayName("rows instead of columns: the result is d×k, one column per component")
        void rowsInsteadOfColumns() {
            double[][] components = Pca.principalComponents(DEEP_ML, 2);

            assertThat(components.length)
                    .as("3 features and k = 2 must give 3 rows of 2, but there are %d rows: return the"
                            + " eigenvectors as columns (entry [i][j] is feature i's loading on component j)",
                            components.length)
                    .isEqualTo(3);
            assertThat(components).as("the d×k result").hasDimensions(3, 2);
        }

        @Test
        @DisplayName("no sign convention: each column's largest entry is positive")
        void noSignConvention() {
            // commons-math, for one, returns both of these directions with their largest entry negative.
            double[][] components = Pca.principalComponents(DEEP_ML, 2);

            assertThat(components).as("the d×k result").hasDimensions(3, 2);
            for (int j = 0; j < 2; j++) {
                double[] expected = column(DEEP_ML_COMPONENTS, j);
                double[] negated = Arrays.stream(column(components, j)).map(v -> -v).toArray();
                assertThat(maxDifference(negated, expected) <= FOUR_DECIMALS)
                        .as("column %d is %s, the negative of the expected %s: an eigenvector is only defined up"
                                + " to sign. Flip each column so its entry of largest magnitude is positive", j,
                                Arrays.toString(column(components, j)), Arrays.toString(expected))
                        .isFalse();
            }
            assertMatrixClose("components", components, DEEP_ML_COMPONENTS, FOUR_DECIMALS);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Property runs with a bounded shrink (see SHRINK_CYCLES). */
    private static QuickTheory properties(int examples) {
        return qt().withExamples(examples).withShrinkCycles(SHRINK_CYCLES);
    }

    /** Data with 1–5 well-spread features and at least 7 samples: the covariance has full rank. */
    private static Gen<double[][]> fullRankData() {
        return wellSpread(Gens.matrices(7, 15, 1, 5, -10, 10));
    }

    /** Only matrices whose every column has a population std of at least MIN_SPREAD·max|x_j|. */
    private static Gen<double[][]> wellSpread(Gen<double[][]> matrices) {
        return matrices.assuming(data -> {
            for (int j = 0; j < data[0].length; j++) {
                double[] x = column(data, j);
                double mean = Arrays.stream(x).average().orElseThrow();
                double std = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length);
                double largest = Arrays.stream(x).map(Math::abs).max().orElseThrow();
                if (!(std > 0 && std >= MIN_SPREAD * largest)) {
                    return false;
                }
            }
            return true;
        }).describedAs(Arrays::deepToString);
    }

    /** A number of components; properties use min(k, d). */
    private static Gen<Integer> ks() {
        return integers().between(1, 5);
    }

    /** x_ij → 10^logScales[j] · x_ij + shifts[j]. */
    private static double[][] shiftAndScale(double[][] data, double[] shifts, double[] logScales) {
        double[][] moved = deepCopy(data);
        for (double[] row : moved) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.pow(10, logScales[j]) * row[j] + shifts[j];
            }
        }
        return moved;
    }

    /** Each column centred and divided by its population standard deviation (constant columns become 0). */
    private static double[][] standardise(double[][] data) {
        int m = data.length;
        double[][] z = deepCopy(data);
        for (int j = 0; j < data[0].length; j++) {
            double mean = 0;
            for (double[] row : data) {
                mean += row[j] / m;
            }
            double variance = 0;
            for (double[] row : data) {
                variance += (row[j] - mean) * (row[j] - mean) / m;
            }
            for (double[] row : z) {
                row[j] = variance == 0 ? 0 : (row[j] - mean) / Math.sqrt(variance);
            }
        }
        return z;
    }

    /** Covariance eigenvalues of the standardised data, decreasing (squared singular values over m − 1). */
    private static double[] eigenvalues(double[][] data) {
        double[] singular = new SingularValueDecomposition(MatrixUtils.createRealMatrix(standardise(data)))
                .getSingularValues();
        return Arrays.stream(singular).map(s -> s * s / (data.length - 1)).toArray();
    }

    /** True when the k + 1 leading eigenvalues (k if k = d) are apart by at least MIN_RELATIVE_GAP·λ_max. */
    private static boolean wellSeparated(double[][] data, int k) {
        double[] lambda = eigenvalues(data);
        if (lambda[0] <= 0) {
            return false;
        }
        for (int j = 1; j < Math.min(k + 1, lambda.length); j++) {
            if (lambda[j - 1] - lambda[j] < MIN_RELATIVE_GAP * lambda[0]) {
                return false;
            }
        }
        return true;
    }

    /** Sample variance (m − 1) of the standardised data projected on each column of {@code components}. */
    private static double[] projectedVariances(double[][] data, double[][] components) {
        RealMatrix scores = MatrixUtils.createRealMatrix(standardise(data))
                .multiply(MatrixUtils.createRealMatrix(components));
        double[] variances = new double[components[0].length];
        for (int j = 0; j < variances.length; j++) {
            double[] s = scores.getColumn(j);
            double mean = Arrays.stream(s).average().orElseThrow();
            variances[j] = Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / (data.length - 1);
        }
        return variances;
    }

    /** Index of the first entry whose magnitude is within a relative TIE of the largest magnitude. */
    private static int firstOfLargestMagnitude(double[] v) {
        double largest = Arrays.stream(v).map(Math::abs).max().orElseThrow();
        int first = 0;
        while (Math.abs(v[first]) < largest * (1 - TIE)) {
            first++;
        }
        return first;
    }

    private static double[] withSignConvention(double[] v) {
        double sign = Math.signum(v[firstOfLargestMagnitude(v)]);
        return Arrays.stream(v).map(x -> sign * x).toArray();
    }

    /** {@code expected} with each column negated where that brings it closer to the same column of actual. */
    private static double[][] alignSigns(double[][] expected, double[][] actual) {
        double[][] aligned = deepCopy(expected);
        if (actual == null || actual.length != expected.length) {
            return aligned;
        }
        for (int j = 0; j < expected[0].length; j++) {
            double dot = 0;
            for (int i = 0; i < expected.length; i++) {
                dot += j < actual[i].length ? expected[i][j] * actual[i][j] : 0;
            }
            for (double[] row : aligned) {
                row[j] = dot < 0 ? -row[j] : row[j];
            }
        }
        return aligned;
    }

    /** True when both matrices have the same shape and every entry agrees within {@code tolerance}. */
    private static boolean isClose(double[][] actual, double[][] expected, double tolerance) {
        if (actual == null || actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (actual[i] == null || actual[i].length != expected[i].length
                    || maxDifference(actual[i], expected[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double[] column(double[][] m, int j) {
        return Arrays.stream(m).mapToDouble(row -> row[j]).toArray();
    }
}
