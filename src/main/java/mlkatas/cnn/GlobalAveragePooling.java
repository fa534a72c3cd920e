package mlkatas.cnn;

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
        throw new UnsupportedOperationException(
                "Kata 6.2 GlobalAveragePooling: implement poolHwc(...), see katas.md#62-globalaveragepooling");
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
        throw new UnsupportedOperationException(
                "Kata 6.2 GlobalAveragePooling: implement poolNchw(...), see katas.md#62-globalaveragepooling");
    }
}
