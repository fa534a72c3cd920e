package mlkatas.algorithms;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import mlkatas.Checks;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Kata 1.4 Pca: principal component analysis of standardised data.
 *
 * <p>See katas.md, section "1.4 Pca".
 */
public final class Pca {

    /** Entries whose magnitudes agree to this relative precision count as tied for the sign convention. */
    private static final double TIE = 1e-9;

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
        int d = Checks.matrix(data, "data");
        if (data.length < 2) {
            throw new IllegalArgumentException(
                    "data must have at least 2 rows (samples) to estimate a covariance, but has " + data.length);
        }
        for (int i = 0; i < data.length; i++) {
            Checks.finite(data[i], "data[" + i + "]");
        }
        if (k < 1 || k > d) {
            throw new IllegalArgumentException(
                    "k must be in [1, d] where d = " + d + " is the number of features, but was " + k);
        }

        RealMatrix z = standardise(data);
        RealMatrix covariance = z.transpose().multiply(z).scalarMultiply(1.0 / (data.length - 1));
        EigenDecomposition eigen = new EigenDecomposition(covariance);

        // Sort explicitly: the decomposition's own order is an implementation detail.
        double[] eigenvalues = eigen.getRealEigenvalues();
        int[] byDecreasingEigenvalue = IntStream.range(0, d).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> eigenvalues[i]).reversed())
                .mapToInt(Integer::intValue)
                .toArray();

        double[][] components = new double[d][k];
        for (int j = 0; j < k; j++) {
            double[] direction = withSignConvention(eigen.getEigenvector(byDecreasingEigenvalue[j]));
            for (int i = 0; i < d; i++) {
                components[i][j] = direction[i];
            }
        }
        return components;
    }

    /** Centres every column and divides it by its population standard deviation (constant columns become 0). */
    private static RealMatrix standardise(double[][] data) {
        int m = data.length;
        RealMatrix z = MatrixUtils.createRealMatrix(data);
        for (int j = 0; j < z.getColumnDimension(); j++) {
            double[] column = z.getColumn(j);
            double mean = Arrays.stream(column).sum() / m;
            double variance = Arrays.stream(column).map(v -> (v - mean) * (v - mean)).sum() / m;
            boolean constant = Arrays.stream(column).allMatch(v -> v == column[0]);
            double std = Math.sqrt(variance);
            for (int i = 0; i < m; i++) {
                column[i] = constant ? 0.0 : (column[i] - mean) / std;
            }
            z.setColumn(j, column);
        }
        return z;
    }

    /** Flips {@code v} so that its first entry of (within {@link #TIE}) largest magnitude is positive. */
    private static double[] withSignConvention(RealVector eigenvector) {
        double[] v = eigenvector.unitVector().toArray();
        double largest = Arrays.stream(v).map(Math::abs).max().orElseThrow();
        int first = 0;
        while (Math.abs(v[first]) < largest * (1 - TIE)) {
            first++;
        }
        if (v[first] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }
}
