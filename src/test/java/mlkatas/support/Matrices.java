package mlkatas.support;

import java.util.Arrays;

/**
 * Small matrix helpers for tests: copies (to prove inputs are left unchanged) and a plain product (to build
 * expected values without using any kata's code).
 */
public final class Matrices {

    private Matrices() {
    }

    /** A copy of every row. */
    public static double[][] deepCopy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    /** A copy of every innermost array of a B×C×H×W tensor. */
    public static double[][][][] deepCopy(double[][][][] t) {
        return Arrays.stream(t).map(sample -> Arrays.stream(sample).map(Matrices::deepCopy)
                .toArray(double[][][]::new)).toArray(double[][][][]::new);
    }

    /** The product a·b of an n×k and a k×m matrix. */
    public static double[][] times(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double sum = 0;
                for (int t = 0; t < b.length; t++) {
                    sum += a[i][t] * b[t][j];
                }
                c[i][j] = sum;
            }
        }
        return c;
    }
}
