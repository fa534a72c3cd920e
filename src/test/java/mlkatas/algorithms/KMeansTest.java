package mlkatas.algorithms;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertAllFinite;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("1.3 KMeans: Lloyd's algorithm from given centroids")
class KMeansTest {

    /** Means of a few small numbers: a handful of roundings, far below any real mistake. */
    private static final double EXACT = 1e-12;
    /**
     * scikit-learn runs the same iteration but centres the data first and sums in blocks: results differ by a
     * few units in the last place. Relative to the largest coordinate (some cases sit around 1e6).
     */
    private static final double REPLAY = 1e-9;
    /**
     * Reordering the points changes only the order in which each cluster's coordinates are summed: a few ulps
     * of the largest coordinate (10 here) per iteration.
     */
    private static final double SUMMATION_ORDER = 1e-9;

    /** Deep-ML 17: two columns of three points, at x = 1 and at x = 10. */
    private static final double[][] POINTS = {{1, 2}, {1, 4}, {1, 0}, {10, 2}, {10, 4}, {10, 0}};
    private static final double[][] INITIAL = {{1, 1}, {10, 1}};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one iteration: each centroid moves to the mean of the points nearest to it")
        void oneIteration() {
            // (1, 1) is nearest to the three points at x = 1, whose mean is (1, 2); likewise (10, 1) → (10, 2).
            double[][] centroids = KMeans.cluster(POINTS, INITIAL, 1);

            assertMatrixClose("centroids after one iteration", centroids, new double[][] {{1, 2}, {10, 2}}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 17: two columns of points, 10 iterations → (1, 2) and (10, 2)")
        void twoColumns() {
            double[][] centroids = KMeans.cluster(POINTS, INITIAL, 10);

            assertMatrixClose("centroids", centroids, new double[][] {{1, 2}, {10, 2}}, EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 17: two groups in 3-D → (1, 1, 1) and (10.3333, 10.6667, 10.3333)")
        void threeDimensions() {
            double[][] points = {{0, 0, 0}, {2, 2, 2}, {1, 1, 1}, {9, 10, 9}, {10, 11, 10}, {12, 11, 12}};
            double[][] initial = {{1, 1, 1}, {10, 10, 10}};

            double[][] centroids = KMeans.cluster(points, initial, 10);

            // The spec quotes 10.3333 and 10.6667: the exact means are 31/3 and 32/3.
            assertMatrixClose("centroids", centroids, new double[][] {{1, 1, 1}, {31.0 / 3, 32.0 / 3, 31.0 / 3}},
                    EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("k = 1: the only centroid ends at the mean of all points")
        void singleCluster() {
            double[][] points = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};

            double[][] centroids = KMeans.cluster(points, new double[][] {{0, 0}}, 10);

            assertMatrixClose("centroid", centroids, new double[][] {{2.5, 2.5}}, EXACT);
        }

        @Test
        @Order(5)
        @DisplayName("four unit squares, started at their corners → their centres")
        void fourSquares() {
            double[][] corners = {{0, 0}, {0, 5}, {5, 0}, {5, 5}};
            double[][] points = new double[16][];
            int i = 0;
            for (double[] corner : corners) {
                for (int dx = 0; dx <= 1; dx++) {
                    for (int dy = 0; dy <= 1; dy++) {
                        points[i++] = new double[] {corner[0] + dx, corner[1] + dy};
                    }
                }
            }

            double[][] centroids = KMeans.cluster(points, corners, 10);

            assertMatrixClose("centroids", centroids,
                    new double[][] {{0.5, 0.5}, {0.5, 5.5}, {5.5, 0.5}, {5.5, 5.5}}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the result is a fixed point: one more iteration moves nothing")
        void resultIsAFixedPoint() {
            qt().withExamples(100)
                    .forAll(problems())
                    .checkAssert(p -> {
                        // Lloyd's algorithm reaches a fixed point in finitely many steps; 1000 is far more than
                        // these small problems need.
                        double[][] result = KMeans.cluster(p.points(), p.initialCentroids(), 1000);

                        assertMatrixClose("one more iteration from the result", KMeans.cluster(p.points(), result, 1),
                                result, 0);
                    });
        }

        @Test
        @DisplayName("the within-cluster sum of squares never ends above where it started")
        void withinClusterSumOfSquaresDoesNotGrow() {
            qt().withExamples(200)
                    .forAll(problems(), integers().between(0, 10))
                    .checkAssert((p, iterations) -> {
                        double before = withinClusterSumOfSquares(p.points(), p.initialCentroids());

                        double after = withinClusterSumOfSquares(p.points(),
                                KMeans.cluster(p.points(), p.initialCentroids(), iterations));

                        // Each assignment and each update can only lower it; the slack covers rounding.
                        assertThat(after).as("sum of squares after %d iterations vs before", iterations)
                                .isLessThanOrEqualTo(before * (1 + 1e-12) + 1e-12);
                    });
        }

        @Test
        @DisplayName("k = 1 gives the mean of the points, wherever the centroid starts")
        void oneCentroidIsTheMean() {
            qt().withExamples(200)
                    .forAll(Gens.matrices(1, 30, 1, 4, -10, 10), Gens.values(-100, 100))
                    .checkAssert((points, start) -> {
                        double[] initial = new double[points[0].length];
                        Arrays.fill(initial, start);

                        double[][] centroids = KMeans.cluster(points, new double[][] {initial}, 10);

                        assertMatrixClose("the single centroid", centroids, new double[][] {mean(points)}, EXACT);
                    });
        }

        @Test
        @DisplayName("the order of the points does not matter")
        void orderOfPointsDoesNotMatter() {
            qt().withExamples(200)
                    .forAll(problems(), integers().between(1, 29))
                    .checkAssert((p, shift) -> {
                        double[][] reordered = reversedAndRotated(p.points(), shift);

                        assertMatrixClose("centroids for the points in another order",
                                KMeans.cluster(reordered, p.initialCentroids(), 50),
                                KMeans.cluster(p.points(), p.initialCentroids(), 50), SUMMATION_ORDER);
                    });
        }

        @Test
        @DisplayName("points and initialCentroids are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(100)
                    .forAll(problems())
                    .checkAssert(p -> {
                        double[][] pointsCopy = deepCopy(p.points());
                        double[][] initialCopy = deepCopy(p.initialCentroids());

                        KMeans.cluster(p.points(), p.initialCentroids(), 10);

                        assertThat(p.points()).as("points after the call").isDeepEqualTo(pointsCopy);
                        assertThat(p.initialCentroids()).as("initialCentroids after the call")
                                .isDeepEqualTo(initialCopy);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final KMeansOracle.Case[] SKLEARN_CASES = KMeansOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SKLEARN_CASES")
        @DisplayName("matches scikit-learn's KMeans(init=given, n_init=1, algorithm=\"lloyd\", tol=0)")
        void matchesScikitLearn(KMeansOracle.Case c) {
            double[][] centroids = KMeans.cluster(c.points(), c.initialCentroids(), c.maxIterations());

            assertMatrixClose("centroids for " + c.name(), centroids, c.centroids(), REPLAY * scale(c.centroids()));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("zero iterations return a copy of the initial centroids")
        void zeroIterations() {
            double[][] centroids = KMeans.cluster(POINTS, INITIAL, 0);

            assertThat(centroids).as("centroids").isDeepEqualTo(INITIAL).isNotSameAs(INITIAL);
            assertThat(centroids[0]).as("row 0 must be a new array").isNotSameAs(INITIAL[0]);
        }

        @Test
        @DisplayName("a single point pulls its centroid onto itself")
        void singlePoint() {
            double[][] centroids = KMeans.cluster(new double[][] {{3, -4}}, new double[][] {{0, 0}}, 5);

            assertMatrixClose("centroid", centroids, new double[][] {{3, -4}}, EXACT);
        }

        @Test
        @DisplayName("two identical initial centroids: in the first iteration the first takes every point")
        void duplicateInitialCentroids() {
            // Every point is equally far from both, so every tie goes to index 0 and centroid 1 is empty: it stays.
            // (From the second iteration on they differ and split the points into the two columns.)
            double[][] centroids = KMeans.cluster(POINTS, new double[][] {{0, 0}, {0, 0}}, 1);

            assertMatrixClose("centroids after one iteration", centroids, new double[][] {{5.5, 2}, {0, 0}}, EXACT);
            assertMatrixClose("centroids after 10 iterations", KMeans.cluster(POINTS, new double[][] {{0, 0}, {0, 0}}, 10),
                    new double[][] {{10, 2}, {1, 2}}, EXACT);
        }

        @Test
        @DisplayName("more centroids than points: the extra ones keep their place, in a new row")
        void moreCentroidsThanPoints() {
            double[][] points = {{0, 0}, {4, 0}};
            double[][] initial = {{1, 0}, {3, 0}, {2, 10}};

            double[][] centroids = KMeans.cluster(points, initial, 10);

            assertMatrixClose("centroids", centroids, new double[][] {{0, 0}, {4, 0}, {2, 10}}, EXACT);
            assertThat(centroids[2]).as("row 2 of the result, an empty cluster's centroid, is the caller's"
                    + " initialCentroids[2]: an empty cluster keeps its position, in a new array")
                    .isNotSameAs(initial[2]);
        }

        @Test
        @DisplayName("null points or initialCentroids are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "cluster(null, INITIAL, 1)",
                    () -> KMeans.cluster(null, INITIAL, 1), "points");
            assertRejects(NullPointerException.class, "cluster(POINTS, null, 1)",
                    () -> KMeans.cluster(POINTS, null, 1), "initialCentroids");
        }

        @Test
        @DisplayName("empty or ragged points are rejected")
        void badPoints() {
            assertRejects(IllegalArgumentException.class, "cluster(new double[0][], INITIAL, 1)",
                    () -> KMeans.cluster(new double[0][], INITIAL, 1), "points");
            assertRejects(IllegalArgumentException.class, "cluster({{1, 2}, {3}}, INITIAL, 1)",
                    () -> KMeans.cluster(new double[][] {{1, 2}, {3}}, INITIAL, 1), "points");
        }

        @Test
        @DisplayName("empty or ragged initial centroids are rejected")
        void badInitialCentroids() {
            assertRejects(IllegalArgumentException.class, "cluster(POINTS, new double[0][], 1)",
                    () -> KMeans.cluster(POINTS, new double[0][], 1), "initialCentroids");
            assertRejects(IllegalArgumentException.class, "cluster(POINTS, {{1, 1}, {10}}, 1)",
                    () -> KMeans.cluster(POINTS, new double[][] {{1, 1}, {10}}, 1), "initialCentroids");
        }

        @Test
        @DisplayName("the centroids must have as many coordinates as the points")
        void dimensionMismatch() {
            assertRejects(IllegalArgumentException.class, "cluster(POINTS, {{1, 1, 1}, {10, 1, 1}}, 1)",
                    () -> KMeans.cluster(POINTS, new double[][] {{1, 1, 1}, {10, 1, 1}}, 1), "initialCentroids");
        }

        @Test
        @DisplayName("maxIterations must be ≥ 0")
        void negativeIterations() {
            assertRejects(IllegalArgumentException.class, "cluster(POINTS, INITIAL, -1)",
                    () -> KMeans.cluster(POINTS, INITIAL, -1), "maxIterations");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("empty cluster: a centroid with no points keeps its position instead of becoming NaN")
        void emptyClusterNaN() {
            double[][] initial = {{1, 1}, {10, 1}, {100, 100}};

            double[][] centroids = KMeans.cluster(POINTS, initial, 10);

            assertAllFinite("centroids: the far-away centroid (100, 100) gets no points, and the mean of zero points"
                    + " is 0/0 = NaN; keep an empty cluster's centroid where it was", centroids);
            assertMatrixClose("centroids: (100, 100) gets no points and must stay where it was (not move to the"
                    + " origin or anywhere else)", centroids, new double[][] {{1, 2}, {10, 2}, {100, 100}}, EXACT);
        }

        @Test
        @DisplayName("ties: a point equally far from two centroids joins the one with the lower index")
        void tiesToLastIndex() {
            // Point 2 is at distance 1 from both centroids 1 and 3. Lowest index: {0, 2} → 1 and {4} → 4.
            double[][] points = {{0}, {2}, {4}};
            double[][] initial = {{1}, {3}};

            double[][] centroids = KMeans.cluster(points, initial, 1);

            assertMatrixClose("centroids after one iteration: [[0], [3]] means the tied point 2 went to the last"
                    + " centroid; keep the first nearest one (compare with <, not <=)", centroids,
                    new double[][] {{1}, {4}}, EXACT);
        }

        @Test
        @DisplayName("input centroids mutated: initialCentroids is left as it was and no row is shared")
        void inputCentroidsMutated() {
            double[][] initial = {{1, 1}, {10, 1}};

            double[][] centroids = KMeans.cluster(POINTS, initial, 10);

            assertThat(initial).as("initialCentroids after the call: the caller's array was moved in place; copy"
                    + " the initial centroids before updating them").isDeepEqualTo(new double[][] {{1, 1}, {10, 1}});
            for (int j = 0; j < centroids.length; j++) {
                assertThat(centroids[j]).as("row %d of the result is the caller's initialCentroids[%d]: return new"
                        + " arrays", j, j).isNotSameAs(initial[j]);
            }
        }

        @Test
        @DisplayName("centroid order: centroid j is the one that started at initialCentroids[j]")
        void centroidOrderKept() {
            double[][] centroids = KMeans.cluster(POINTS, new double[][] {{10, 1}, {1, 1}}, 10);

            assertMatrixClose("centroids started at (10, 1) and (1, 1) must come back in that order; do not sort"
                    + " them", centroids, new double[][] {{10, 2}, {1, 2}}, EXACT);
        }

        @Test
        @DisplayName("iteration count: maxIterations = 1 is exactly one assignment and one update")
        void oneIterationIsOneUpdate() {
            // Iteration 1: only 0 is nearest to 0, so the centroids become 0 and (1+2+10+11+12)/5 = 7.2.
            // Iteration 2: the boundary is at 3.6, so they become 1 and 11.
            double[][] centroids = KMeans.cluster(LINE, new double[][] {{0}, {1}}, 1);

            assertMatrixClose("centroids after maxIterations = 1: [[1], [11]] means a second iteration ran (is the"
                    + " loop bound <= instead of <?)", centroids, new double[][] {{0}, {7.2}}, EXACT);
        }

        @Test
        @DisplayName("early stop: keep going until no centroid moves, not until one centroid stays")
        void stopsOnlyWhenNothingMoves() {
            // In iteration 1 the centroid at 1 moves to 7.2 while the last one, at 0, stays put: not yet converged.
            double[][] centroids = KMeans.cluster(LINE, new double[][] {{1}, {0}}, 10);

            assertMatrixClose("centroids after up to 10 iterations: [[7.2], [0]] means the loop stopped after"
                    + " iteration 1 because one centroid (the last) did not move; stop only when none of them moved",
                    centroids, new double[][] {{11}, {1}}, EXACT);
        }
    }

    /** Six points on a line in two groups, {0, 1, 2} and {10, 11, 12}. */
    private static final double[][] LINE = {{0}, {1}, {2}, {10}, {11}, {12}};

    /** Points and starting centroids of the same dimension. */
    private record Problem(double[][] points, double[][] initialCentroids) {
        @Override
        public String toString() {
            return "points = " + Arrays.deepToString(points) + ", initialCentroids = "
                    + Arrays.deepToString(initialCentroids);
        }
    }

    /**
     * 2..30 points of 1..3 coordinates in [−10, 10] and 1..4 starting centroids in the same box (some of them
     * may end up with no points, which the kata must handle).
     */
    private static Gen<Problem> problems() {
        Gen<double[][]> pointSets = Gens.matrices(2, 30, 1, 3, -10, 10);
        Gen<Integer> ks = integers().between(1, 4);
        Gen<Problem> gen = in -> {
            double[][] points = pointSets.generate(in);
            double[][] initial = Gens.matrices(ks.generate(in), points[0].length, -10, 10).generate(in);
            return new Problem(points, initial);
        };
        return gen.describedAs(Problem::toString);
    }

    /** Σ over points of the squared distance to the nearest centroid. */
    private static double withinClusterSumOfSquares(double[][] points, double[][] centroids) {
        double total = 0;
        for (double[] point : points) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] centroid : centroids) {
                double squared = 0;
                for (int c = 0; c < point.length; c++) {
                    squared += (point[c] - centroid[c]) * (point[c] - centroid[c]);
                }
                best = Math.min(best, squared);
            }
            total += best;
        }
        return total;
    }

    private static double[] mean(double[][] points) {
        double[] mean = new double[points[0].length];
        for (double[] point : points) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += point[c] / points.length;
            }
        }
        return mean;
    }

    /** The points reversed, then rotated left by {@code shift} places. */
    private static double[][] reversedAndRotated(double[][] points, int shift) {
        int m = points.length;
        double[][] result = new double[m][];
        for (int i = 0; i < m; i++) {
            result[i] = points[m - 1 - (i + shift) % m].clone();
        }
        return result;
    }

    /** max(1, the largest |coordinate|): turns a relative tolerance into an absolute one. */
    private static double scale(double[][] m) {
        return Math.max(1, Arrays.stream(m).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElse(0));
    }
}
