package mlkatas.cnn;

import mlkatas.Checks;

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
        int width = Checks.matrix(input, "input");
        int kernelWidth = Checks.matrix(kernel, "kernel");
        checkPaddingAndStride(padding, stride);
        int height = input.length;
        int kernelHeight = kernel.length;
        checkKernelFits(height, width, kernelHeight, kernelWidth, padding);

        int outHeight = (height + 2 * padding - kernelHeight) / stride + 1;
        int outWidth = (width + 2 * padding - kernelWidth) / stride + 1;
        double[][] output = new double[outHeight][outWidth];
        for (int i = 0; i < outHeight; i++) {
            for (int j = 0; j < outWidth; j++) {
                double sum = 0;
                for (int a = 0; a < kernelHeight; a++) {
                    int row = i * stride + a - padding;
                    if (row < 0 || row >= height) {
                        continue; // a row of padding zeros
                    }
                    for (int b = 0; b < kernelWidth; b++) {
                        int column = j * stride + b - padding;
                        if (column >= 0 && column < width) {
                            sum += input[row][column] * kernel[a][b];
                        }
                    }
                }
                output[i][j] = sum;
            }
        }
        return output;
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
        int[] inputShape = checkTensor3(input, "input");
        Checks.notNull(kernels, "kernels");
        if (kernels.length == 0) {
            throw new IllegalArgumentException("kernels must have at least one output channel, was empty");
        }
        int[] kernelShape = checkTensor3(kernels[0], "kernels[0]");
        for (int o = 0; o < kernels.length; o++) {
            int[] shape = checkTensor3(kernels[o], "kernels[" + o + "]");
            if (shape[0] != inputShape[0]) {
                throw new IllegalArgumentException("kernels[" + o + "] must have one kernel per input channel ("
                        + inputShape[0] + "), but has " + shape[0]);
            }
            if (shape[1] != kernelShape[1] || shape[2] != kernelShape[2]) {
                throw new IllegalArgumentException("kernels must all have the same size: kernels[0] is "
                        + kernelShape[1] + "x" + kernelShape[2] + " but kernels[" + o + "] is " + shape[1] + "x"
                        + shape[2]);
            }
        }
        checkPaddingAndStride(padding, stride);
        checkKernelFits(inputShape[1], inputShape[2], kernelShape[1], kernelShape[2], padding);

        double[][][] output = new double[kernels.length][][];
        for (int o = 0; o < kernels.length; o++) {
            for (int c = 0; c < input.length; c++) {
                double[][] contribution = conv2d(input[c], kernels[o][c], padding, stride);
                output[o] = output[o] == null ? contribution : add(output[o], contribution);
            }
        }
        return output;
    }

    private static void checkPaddingAndStride(int padding, int stride) {
        Checks.nonNegative(padding, "padding");
        Checks.atLeast(stride, 1, "stride");
    }

    private static void checkKernelFits(int height, int width, int kernelHeight, int kernelWidth, int padding) {
        int paddedHeight = height + 2 * padding;
        int paddedWidth = width + 2 * padding;
        if (kernelHeight > paddedHeight || kernelWidth > paddedWidth) {
            throw new IllegalArgumentException("kernel must fit inside the padded input: kernel " + kernelHeight
                    + "x" + kernelWidth + ", padded input " + paddedHeight + "x" + paddedWidth);
        }
    }

    /** Checks a non-empty C×H×W tensor whose channels all have the same H×W, and returns {C, H, W}. */
    private static int[] checkTensor3(double[][][] tensor, String name) {
        Checks.notNull(tensor, name);
        if (tensor.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one channel, was empty");
        }
        int width = Checks.matrix(tensor[0], name + "[0]");
        int height = tensor[0].length;
        for (int c = 1; c < tensor.length; c++) {
            int channelWidth = Checks.matrix(tensor[c], name + "[" + c + "]");
            if (tensor[c].length != height || channelWidth != width) {
                throw new IllegalArgumentException(name + " must have channels of one size: " + name + "[0] is "
                        + height + "x" + width + " but " + name + "[" + c + "] is " + tensor[c].length + "x"
                        + channelWidth);
            }
        }
        return new int[] {tensor.length, height, width};
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] sum = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                sum[i][j] = a[i][j] + b[i][j];
            }
        }
        return sum;
    }
}
