package mlkatas.transformer;

/**
 * Kata 8.3 PositionalEncoding: the sinusoidal position encodings of "Attention Is All You Need".
 *
 * <p>See katas.md, section "8.3 PositionalEncoding".
 */
public final class PositionalEncoding {

    private PositionalEncoding() {
    }

    /**
     * The sinusoidal encoding of positions 0 … length − 1 in dModel dimensions.
     *
     * <p>Columns come in (sine, cosine) pairs; pair i (columns 2i and 2i + 1) uses the angular frequency
     * ω_i = 1 / 10000^(2i / dModel):
     * <pre>
     *   PE[pos][2i]     = sin(pos · ω_i)
     *   PE[pos][2i + 1] = cos(pos · ω_i)
     * </pre>
     * An odd dModel ends with a sine column whose cosine partner is dropped.
     *
     * @param length number of positions, ≥ 1
     * @param dModel number of columns, ≥ 1
     * @return length×dModel, a new matrix
     * @throws IllegalArgumentException if {@code length} &lt; 1 or {@code dModel} &lt; 1
     */
    public static double[][] encode(int length, int dModel) {
        throw new UnsupportedOperationException(
                "Kata 8.3 PositionalEncoding: implement encode(...), see katas.md#83-positionalencoding");
    }
}
