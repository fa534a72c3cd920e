package mlkatas.cnn;

import mlkatas.Checks;

/**
 * Kata 6.2 GlobalAveragePooling: average every feature map down to one number per channel.
 *
 * <p>See katas.md, section "6.2 GlobalAveragePooling".
 *
 * <p>For each channel c the result is the mean over all H·W spatial positions:
 * <pre>
 *   out[c] = (1 / (H·W)) · Σ_i Σ_j x[i][j][c]       (H×W×C, channels last)
 *   out[n][c] = (1 / (H·W)) · Σ_i Σ_j x[n][c][i][j]  (N×C×H×W, channels first, one row per sample)
 * </pre>
 * The same numbers in the two layouts give the same result: only where the channel index sits differs.
 */
public final class GlobalAveragePooling {

    private GlobalAveragePooling() {
    }

    /**
     * Pools one feature map stored channels-last.
     *
     * @param x H×W×C, H, W, C ≥ 1, rectangular (not modified)
     * @return a new array of C channel means
     * @throws NullPointerException     if {@code x} or a sub-array is null (a sub-array is named by its index,
     *                                  e.g. {@code x[0][1]})
     * @throws IllegalArgumentException if a dimension is empty or the tensor is ragged
     */
    public static double[] poolHwc(double[][][] x) {
        int[] shape = checkTensor3(x, "x");
        int height = shape[0];
        int width = shape[1];
        int channels = shape[2];

        double[] means = new double[channels];
        for (double[][] row : x) {
            for (double[] pixel : row) {
                for (int c = 0; c < channels; c++) {
                    means[c] += pixel[c];
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            means[c] /= (double) height * width;
        }
        return means;
    }

    /**
     * Pools a batch stored channels-first (BCHW), each sample on its own.
     *
     * @param x N×C×H×W, every extent ≥ 1, rectangular (not modified)
     * @return a new N×C matrix of channel means, one row per sample
     * @throws NullPointerException     if {@code x} or a sub-array is null (a sub-array is named by its index,
     *                                  e.g. {@code x[1]})
     * @throws IllegalArgumentException if a dimension is empty (N, C, H or W) or the tensor is ragged
     */
    public static double[][] poolNchw(double[][][][] x) {
        Checks.notNull(x, "x");
        if (x.length == 0) {
            throw new IllegalArgumentException("x must have at least one sample, was empty");
        }
        int[] shape = checkTensor3(x[0], "x[0]");
        for (int n = 1; n < x.length; n++) {
            int[] sampleShape = checkTensor3(x[n], "x[" + n + "]");
            if (sampleShape[0] != shape[0] || sampleShape[1] != shape[1] || sampleShape[2] != shape[2]) {
                throw new IllegalArgumentException("x must have samples of one shape: x[0] is " + format(shape)
                        + " but x[" + n + "] is " + format(sampleShape));
            }
        }
        int channels = shape[0];
        double area = (double) shape[1] * shape[2];

        double[][] means = new double[x.length][channels];
        for (int n = 0; n < x.length; n++) {
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (double[] row : x[n][c]) {
                    for (double value : row) {
                        sum += value;
                    }
                }
                means[n][c] = sum / area;
            }
        }
        return means;
    }

    /** Checks a non-empty, rectangular three-dimensional tensor and returns its three extents. */
    private static int[] checkTensor3(double[][][] t, String name) {
        Checks.notNull(t, name);
        if (t.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty (its first extent is 0)");
        }
        int second = Checks.matrix(t[0], name + "[0]");
        int first = t[0].length;
        for (int i = 1; i < t.length; i++) {
            int columns = Checks.matrix(t[i], name + "[" + i + "]");
            if (t[i].length != first || columns != second) {
                throw new IllegalArgumentException(name + " must be rectangular: " + name + "[0] is " + first + "x"
                        + second + " but " + name + "[" + i + "] is " + t[i].length + "x" + columns);
            }
        }
        return new int[] {t.length, first, second};
    }

    private static String format(int[] shape) {
        return shape[0] + "x" + shape[1] + "x" + shape[2];
    }
}
