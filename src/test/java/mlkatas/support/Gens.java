package mlkatas.support;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators for the data types the katas use: vectors ({@code double[]}), matrices
 * ({@code double[][]}, row-major), image tensors ({@code double[][][]} and BCHW {@code double[][][][]}) and
 * class labels ({@code int[]}).
 *
 * <p>Every generator draws from QuickTheories' randomness source, so failing inputs shrink and print
 * readably ({@code [1.0, 2.0]}, not {@code [D@1b2c3d}). A property then reads in one line:
 * <pre>{@code
 * qt().forAll(Gens.vectors(1, 20, -1e4, 1e4)).checkAssert(x -> ...);
 * }</pre>
 */
public final class Gens {

    private Gens() {
    }

    /** One finite double in [min, max]. */
    public static Gen<Double> values(double min, double max) {
        return doubles().between(min, max);
    }

    /** Vectors of exactly {@code length} entries in [min, max]. */
    public static Gen<double[]> vectors(int length, double min, double max) {
        return vectors(length, length, min, max);
    }

    /** Vectors whose length is in [minLength, maxLength] and entries in [min, max]. */
    public static Gen<double[]> vectors(int minLength, int maxLength, double min, double max) {
        Gen<Integer> lengths = integers().between(minLength, maxLength);
        Gen<Double> entries = values(min, max);
        Gen<double[]> gen = in -> {
            double[] v = new double[lengths.generate(in)];
            for (int i = 0; i < v.length; i++) {
                v[i] = entries.generate(in);
            }
            return v;
        };
        return gen.describedAs(Arrays::toString);
    }

    /** Matrices of exactly rows×cols entries in [min, max]. */
    public static Gen<double[][]> matrices(int rows, int cols, double min, double max) {
        return matrices(rows, rows, cols, cols, min, max);
    }

    /** Matrices whose shape is drawn from [minRows, maxRows]×[minCols, maxCols], entries in [min, max]. */
    public static Gen<double[][]> matrices(int minRows, int maxRows, int minCols, int maxCols,
                                           double min, double max) {
        Gen<Integer> rowCounts = integers().between(minRows, maxRows);
        Gen<Integer> colCounts = integers().between(minCols, maxCols);
        Gen<Double> entries = values(min, max);
        Gen<double[][]> gen = in -> {
            int rows = rowCounts.generate(in);
            int cols = colCounts.generate(in);
            double[][] m = new double[rows][cols];
            for (double[] row : m) {
                for (int j = 0; j < cols; j++) {
                    row[j] = entries.generate(in);
                }
            }
            return m;
        };
        return gen.describedAs(Arrays::deepToString);
    }

    /**
     * Symmetric, well-conditioned n×n matrices A·Aᵀ + n·I with A's entries in [−1, 1] and n in
     * [minSize, maxSize]: every eigenvalue lies in [n, 2n], so the condition number is at most 2.
     */
    public static Gen<double[][]> wellConditioned(int minSize, int maxSize) {
        Gen<Integer> sizes = integers().between(minSize, maxSize);
        Gen<Double> entries = values(-1, 1);
        Gen<double[][]> gen = in -> {
            int n = sizes.generate(in);
            double[][] a = new double[n][n];
            for (double[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = entries.generate(in);
                }
            }
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        dot += a[i][k] * a[j][k];
                    }
                    s[i][j] = dot + (i == j ? n : 0);
                }
            }
            return s;
        };
        return gen.describedAs(Arrays::deepToString);
    }

    /**
     * Regression designs: m×(n+1) matrices whose first column is all ones (the intercept) and whose other
     * columns are well spread in [−1, 1], with m in [minRows, maxRows] and n in [minFeatures, maxFeatures].
     * Rows are m ≥ 2·(n+1), which keeps XᵀX comfortably invertible for almost every draw; properties that
     * need a guaranteed full-rank design should still assume it (see {@link #isWellPosed}).
     */
    public static Gen<double[][]> designsWithIntercept(int minFeatures, int maxFeatures, int minRows, int maxRows) {
        Gen<Integer> featureCounts = integers().between(minFeatures, maxFeatures);
        Gen<Integer> extraRows = integers().between(0, Math.max(0, maxRows - minRows));
        Gen<Double> entries = values(-1, 1);
        Gen<double[][]> gen = in -> {
            int n = featureCounts.generate(in);
            int m = Math.max(minRows, 2 * (n + 1)) + extraRows.generate(in);
            double[][] x = new double[m][n + 1];
            for (double[] row : x) {
                row[0] = 1.0;
                for (int j = 1; j <= n; j++) {
                    row[j] = entries.generate(in);
                }
            }
            return x;
        };
        return gen.describedAs(Arrays::deepToString);
    }

    /** True when the smallest eigenvalue of XᵀX/m is at least {@code minEigenvalue} (a usable design). */
    public static boolean isWellPosed(double[][] x, double minEigenvalue) {
        var xtx = org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(x);
        var gram = xtx.transpose().multiply(xtx).scalarMultiply(1.0 / x.length);
        double[] eigenvalues = new org.apache.commons.math3.linear.EigenDecomposition(gram).getRealEigenvalues();
        return Arrays.stream(eigenvalues).min().orElse(0) >= minEigenvalue;
    }

    /** C×H×W tensors of exactly the given shape, entries in [min, max]. */
    public static Gen<double[][][]> tensors3(int channels, int height, int width, double min, double max) {
        Gen<Double> entries = values(min, max);
        Gen<double[][][]> gen = in -> {
            double[][][] t = new double[channels][height][width];
            for (double[][] plane : t) {
                for (double[] row : plane) {
                    for (int j = 0; j < width; j++) {
                        row[j] = entries.generate(in);
                    }
                }
            }
            return t;
        };
        return gen.describedAs(Arrays::deepToString);
    }

    /** Three-dimensional tensors whose every extent is drawn from [minExtent, maxExtent]. */
    public static Gen<double[][][]> tensors3(int minExtent, int maxExtent, double min, double max) {
        Gen<Integer> extents = integers().between(minExtent, maxExtent);
        Gen<double[][][]> gen = in -> tensors3(extents.generate(in), extents.generate(in), extents.generate(in),
                min, max).generate(in);
        return gen.describedAs(Arrays::deepToString);
    }

    /** B×C×H×W tensors of exactly the given shape, entries in [min, max]. */
    public static Gen<double[][][][]> tensors4(int batch, int channels, int height, int width,
                                               double min, double max) {
        Gen<double[][][]> samples = tensors3(channels, height, width, min, max);
        Gen<double[][][][]> gen = in -> {
            double[][][][] t = new double[batch][][][];
            for (int b = 0; b < batch; b++) {
                t[b] = samples.generate(in);
            }
            return t;
        };
        return gen.describedAs(Arrays::deepToString);
    }

    /** Four-dimensional tensors whose every extent is drawn from [minExtent, maxExtent]. */
    public static Gen<double[][][][]> tensors4(int minExtent, int maxExtent, double min, double max) {
        Gen<Integer> extents = integers().between(minExtent, maxExtent);
        Gen<double[][][][]> gen = in -> tensors4(extents.generate(in), extents.generate(in), extents.generate(in),
                extents.generate(in), min, max).generate(in);
        return gen.describedAs(Arrays::deepToString);
    }

    /** Class labels in [0, numClasses) of exactly {@code length} entries. */
    public static Gen<int[]> labels(int length, int numClasses) {
        return labels(length, length, numClasses);
    }

    /** Class labels in [0, numClasses), length in [minLength, maxLength]. */
    public static Gen<int[]> labels(int minLength, int maxLength, int numClasses) {
        Gen<Integer> lengths = integers().between(minLength, maxLength);
        Gen<Integer> classes = integers().between(0, numClasses - 1);
        Gen<int[]> gen = in -> {
            int[] y = new int[lengths.generate(in)];
            for (int i = 0; i < y.length; i++) {
                y[i] = classes.generate(in);
            }
            return y;
        };
        return gen.describedAs(Arrays::toString);
    }

    /**
     * Binary labels (0/1) of length in [minLength, maxLength] (minLength ≥ 2) that contain both classes:
     * the first two entries are 1 and 0 in a drawn order, the rest are free.
     */
    public static Gen<int[]> binaryLabelsWithBothClasses(int minLength, int maxLength) {
        Gen<int[]> free = labels(minLength, maxLength, 2);
        Gen<Boolean> positiveFirst = integers().between(0, 1).map(i -> i == 1);
        Gen<int[]> gen = in -> {
            int[] y = free.generate(in);
            boolean first = positiveFirst.generate(in);
            y[0] = first ? 1 : 0;
            y[1] = first ? 0 : 1;
            return y;
        };
        return gen.describedAs(Arrays::toString);
    }

    /** True labels and predicted labels of the same length, e.g. for a confusion matrix. */
    public record LabelPair(int[] yTrue, int[] yPred) {
        @Override
        public String toString() {
            return "yTrue=" + Arrays.toString(yTrue) + ", yPred=" + Arrays.toString(yPred);
        }
    }

    /** Pairs of label arrays in [0, numClasses), of one drawn length in [minLength, maxLength]. */
    public static Gen<LabelPair> labelPairs(int minLength, int maxLength, int numClasses) {
        Gen<Integer> lengths = integers().between(minLength, maxLength);
        Gen<LabelPair> gen = in -> {
            int n = lengths.generate(in);
            return new LabelPair(labels(n, numClasses).generate(in), labels(n, numClasses).generate(in));
        };
        return gen.describedAs(LabelPair::toString);
    }
}
