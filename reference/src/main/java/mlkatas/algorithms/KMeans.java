package mlkatas.algorithms;

import java.util.Arrays;
import mlkatas.Checks;
import org.apache.commons.math3.util.MathArrays;

/**
 * Kata 1.3 KMeans: cluster points with Lloyd's algorithm from given initial centroids.
 *
 * <p>See katas.md, section "1.3 KMeans".
 */
public final class KMeans {

    private KMeans() {
    }

    /**
     * Runs Lloyd's algorithm (k-means) from the given centroids; k is {@code initialCentroids.length}.
     *
     * <p>Each iteration has two steps:
     * <ol>
     *   <li>Assignment: every point joins its nearest centroid by Euclidean distance; a point at equal distance
     *       from several centroids joins the one with the <em>lowest</em> index.</li>
     *   <li>Update: every centroid moves to the mean of the points assigned to it; a centroid with no points
     *       keeps its previous position (it never becomes NaN).</li>
     * </ol>
     * At most {@code maxIterations} iterations run; the loop stops early after an iteration in which no centroid
     * moved. The centroids are returned in the order of {@code initialCentroids} (centroid j started at
     * {@code initialCentroids[j]}).
     *
     * @param points           m×d points, one row per point (not modified)
     * @param initialCentroids k×d starting centroids (not modified)
     * @param maxIterations    the largest number of assignment-and-update iterations, ≥ 0 (0 returns a copy of
     *                         the initial centroids)
     * @return the k×d final centroids, a new array (no row is shared with an argument)
     * @throws NullPointerException     if {@code points} or {@code initialCentroids} is null
     * @throws IllegalArgumentException if either matrix is empty or ragged, the centroids' dimension is not d,
     *                                  or {@code maxIterations} &lt; 0
     */
    public static double[][] cluster(double[][] points, double[][] initialCentroids, int maxIterations) {
        int d = Checks.matrix(points, "points");
        int centroidDimension = Checks.matrix(initialCentroids, "initialCentroids");
        Checks.length(centroidDimension, d, "initialCentroids", "one coordinate per column of points");
        Checks.nonNegative(maxIterations, "maxIterations");

        double[][] centroids = copy(initialCentroids);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            int[] assignment = assign(points, centroids);
            double[][] updated = update(points, assignment, centroids);
            boolean moved = !Arrays.deepEquals(updated, centroids);
            centroids = updated;
            if (!moved) {
                break;
            }
        }
        return centroids;
    }

    /** The index of each point's nearest centroid; the strict {@code <} keeps ties at the lowest index. */
    private static int[] assign(double[][] points, double[][] centroids) {
        int[] assignment = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < centroids.length; j++) {
                double distance = MathArrays.distance(points[i], centroids[j]);
                if (distance < best) {
                    best = distance;
                    assignment[i] = j;
                }
            }
        }
        return assignment;
    }

    /** New centroids: the mean of each cluster's points, or the old centroid if the cluster is empty. */
    private static double[][] update(double[][] points, int[] assignment, double[][] centroids) {
        int d = points[0].length;
        double[][] sums = new double[centroids.length][d];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < points.length; i++) {
            int j = assignment[i];
            counts[j]++;
            for (int c = 0; c < d; c++) {
                sums[j][c] += points[i][c];
            }
        }
        double[][] updated = new double[centroids.length][];
        for (int j = 0; j < centroids.length; j++) {
            if (counts[j] == 0) {
                updated[j] = centroids[j].clone();
                continue;
            }
            updated[j] = new double[d];
            for (int c = 0; c < d; c++) {
                updated[j][c] = sums[j][c] / counts[j];
            }
        }
        return updated;
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }
}
