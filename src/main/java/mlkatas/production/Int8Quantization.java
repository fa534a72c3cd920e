package mlkatas.production;


/**
 * Kata 9.7 Int8Quantization: symmetric per-tensor INT8 quantization of model weights.
 *
 * <p>See katas.md, section "9.7 Int8Quantization".
 */
public final class Int8Quantization {

    private Int8Quantization() {
    }

    /**
     * The quantized values, the scale that maps them back, and the dequantized approximation of the input.
     *
     * @param quantized   q, one byte per input value, each in [−127, 127]
     * @param scale       the step between neighbouring quantized levels, &gt; 0
     * @param dequantized q·scale, the values a quantized model actually computes with
     */
    public record Result(byte[] quantized, double scale, double[] dequantized) {
    }

    /**
     * Quantizes {@code x} symmetrically to signed 8-bit integers with zero point 0.
     *
     * <pre>
     *   scale = max|x| / 127                      (1.0 if every value is 0)
     *   q     = clamp(roundHalfEven(x / scale), −127, 127)
     *   dequantized = q · scale
     * </pre>
     * Ties round to the even neighbour ({@link Math#rint}), as PyTorch and NumPy do; the largest |x| maps to
     * ±127 and 0 maps to 0.
     *
     * @param x values to quantize, at least one, all finite; not modified
     * @return q, the scale and the dequantized values (new arrays)
     * @throws NullPointerException     if {@code x} is null
     * @throws IllegalArgumentException if {@code x} is empty or holds NaN or an infinity
     */
    public static Result quantize(double[] x) {
        throw new UnsupportedOperationException(
                "Kata 9.7 Int8Quantization: implement quantize(...), see katas.md#97-int8quantization");
    }

    /**
     * Maps quantized values back to real numbers: q·scale.
     *
     * @param quantized the quantized values; not modified
     * @param scale     the scale they were quantized with, finite and &gt; 0
     * @return a new array of q[i]·scale
     * @throws NullPointerException     if {@code quantized} is null
     * @throws IllegalArgumentException unless {@code scale} is finite and &gt; 0
     */
    public static double[] dequantize(byte[] quantized, double scale) {
        throw new UnsupportedOperationException(
                "Kata 9.7 Int8Quantization: implement dequantize(...), see katas.md#97-int8quantization");
    }
}
