package mlkatas.cnn;

/**
 * Kata 6.1 Conv2d: a 2-D convolution layer's forward pass, as deep-learning libraries define it.
 *
 * <p>See katas.md, section "6.1 Conv2d".
 *
 * <p>"Convolution" in deep learning is a cross-correlation: the kernel slides over the input without being
 * flipped. With zero padding P on all four sides and stride S, an H×W input and a KH×KW kernel give an
 * OH×OW output with
 * <pre>
 *   OH = ⌊(H + 2P − KH) / S⌋ + 1,   OW = ⌊(W + 2P − KW) / S⌋ + 1
 *   out[i][j] = Σ_a Σ_b padded[i·S + a][j·S + b] · kernel[a][b]
 * </pre>
 * where padded[r][c] = input[r − P][c − P] inside the input and 0 outside.
 */
public final class Conv2d {

    private Conv2d() {
    }

    /**
     * Cross-correlates one H×W input with one KH×KW kernel.
     *
     * @param input   H×W matrix (not modified)
     * @param kernel  KH×KW matrix (not modified); it must fit inside the padded input
     * @param padding zeros added on every side, ≥ 0
     * @param stride  step between kernel positions, ≥ 1
     * @return a new OH×OW matrix, OH = ⌊(H + 2P − KH)/S⌋ + 1, OW = ⌊(W + 2P − KW)/S⌋ + 1
     * @throws NullPointerException     if {@code input} or {@code kernel} (or a row) is null; a null row is
     *                                  named {@code input[i]} or {@code kernel[i]}
     * @throws IllegalArgumentException if a matrix is empty, has empty rows or is ragged, {@code padding} &lt; 0,
     *                                  {@code stride} &lt; 1, or the kernel is larger than the padded input in
     *                                  either dimension (naming {@code kernel})
     */
    public static double[][] conv2d(double[][] input, double[][] kernel, int padding, int stride) {
        throw new UnsupportedOperationException(
                "Kata 6.1 Conv2d: implement conv2d(input, kernel, padding, stride), see katas.md#61-conv2d");
    }

    /**
     * Part B: a convolution layer with several input and output channels and no bias:
     * output[o] = Σ_c input[c] ⋆ kernels[o][c], each ⋆ being the single-channel {@code conv2d} above.
     *
     * @param input   C×H×W (channels first, not modified)
     * @param kernels OC×C×KH×KW: for each output channel, one KH×KW kernel per input channel (not modified)
     * @param padding zeros added on every side of every channel, ≥ 0
     * @param stride  ≥ 1
     * @return a new OC×OH×OW tensor
     * @throws NullPointerException     if an array at any level is null (a null channel is named
     *                                  {@code input[c]})
     * @throws IllegalArgumentException if a dimension is empty, channels differ in size (naming {@code input}),
     *                                  kernels differ in shape or a kernel's input-channel count is not C
     *                                  (naming {@code kernels}), {@code padding} &lt; 0, {@code stride} &lt; 1,
     *                                  or the kernel does not fit the padded input (naming {@code kernel})
     */
    public static double[][][] conv2d(double[][][] input, double[][][][] kernels, int padding, int stride) {
        throw new UnsupportedOperationException(
                "Kata 6.1 Conv2d: implement Part B, conv2d(input, kernels, padding, stride) for several channels,"
                        + " see katas.md#61-conv2d");
    }
}
