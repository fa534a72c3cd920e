package mlkatas.algorithms;

/**
 * Kata 1.4 Pca: principal component analysis of standardised data.
 *
 * <p>See katas.md, section "1.4 Pca".
 */
public final class Pca {

    private Pca() {
    }

    /**
     * Returns the first {@code k} principal components of {@code data}, as the columns of a d×k matrix.
     *
     * <ol>
     *   <li>Standardise every feature (column): z = (x − mean) / σ with the <em>population</em> standard
     *       deviation σ (divide by m). A constant feature (all values equal) is centred to zeros and not scaled,
     *       as scikit-learn's {@code StandardScaler} does.</li>
     *   <li>Take the sample covariance of the standardised data: C = ZᵀZ / (m − 1), a d×d symmetric matrix.</li>
     *   <li>Return the unit eigenvectors of C for its k largest eigenvalues, in decreasing order of eigenvalue,
     *       as columns: column j is the j-th principal direction.</li>
     *   <li>Sign convention: in each column the entry of largest absolute value is positive. If several entries
     *       tie (their magnitudes agree within a relative 1e-9), the first of them is made positive.</li>
     * </ol>
     *
     * @param data m×d matrix, one row per sample, m ≥ 2, every entry finite (not modified)
     * @param k    number of components, 1 ≤ k ≤ d
     * @return a new d×k matrix whose columns are orthonormal principal directions
     * @throws NullPointerException     if {@code data} or one of its rows is null
     * @throws IllegalArgumentException if {@code data} is empty, ragged, has fewer than 2 rows or a non-finite
     *                                  entry, or {@code k} is not in [1, d]
     */
    public static double[][] principalComponents(double[][] data, int k) {
        throw new UnsupportedOperationException(
                "Kata 1.4 Pca: implement principalComponents(...), see katas.md#14-pca");
    }
}
