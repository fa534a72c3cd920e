package mlkatas.algorithms;

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
        throw new UnsupportedOperationException("Kata 1.3 KMeans: implement cluster(...), see katas.md#13-kmeans");
    }
}
