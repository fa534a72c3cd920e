package mlkatas.nn;

/**
 * Kata 4.5 Relu: the rectified linear unit, its derivative and the leaky variant.
 *
 * <p>See katas.md, section "4.5 Relu".
 */
public final class Relu {

    private Relu() {
    }

    /**
     * ReLU: max(0, z).
     *
     * @param z any double; NaN gives NaN (it is not silently turned into 0)
     * @return z if z &gt; 0, else 0
     */
    public static double relu(double z) {
        return Math.max(0.0, z);
    }

    /**
     * ReLU of every entry.
     *
     * @param z any vector, possibly empty (not modified)
     * @return a new array with relu(z[i]) at every position
     * @throws NullPointerException if {@code z} is null
     */
    public static double[] relu(double[] z) {
        mlkatas.Checks.notNull(z, "z");
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = relu(z[i]);
        }
        return out;
    }

    /**
     * The derivative of ReLU: 1 for z &gt; 0, else 0. At the kink z = 0 the function has no derivative; like
     * PyTorch, this kata uses 0 there. NaN gives NaN.
     *
     * @param z any double
     * @return 1 if z &gt; 0, 0 if z ≤ 0, NaN if z is NaN
     */
    public static double derivative(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return z > 0 ? 1.0 : 0.0;
    }

    /**
     * Leaky ReLU: z for z &gt; 0, slope·z otherwise, so negative inputs keep a small gradient.
     *
     * @param z     any double; NaN gives NaN
     * @param slope the slope for z ≤ 0, finite and ≥ 0 (0 gives plain ReLU; PyTorch's default is 0.01)
     * @return z if z &gt; 0, else slope·z
     * @throws IllegalArgumentException if {@code slope} is negative, infinite or NaN
     */
    public static double leaky(double z, double slope) {
        mlkatas.Checks.nonNegative(slope, "slope");
        return z > 0 ? z : slope * z;
    }
}
