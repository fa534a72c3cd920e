package mlkatas.transformer;

/**
 * Kata 8.2 MultiHeadAttention: several scaled dot-product attentions side by side.
 *
 * <p>See katas.md, section "8.2 MultiHeadAttention".
 *
 * <p>With {@code heads} = h, the d_model columns of Q and K are cut into h consecutive blocks of
 * d_head = d_model / h columns, and V's d_v columns into h blocks of d_v / h. Head i attends with its own
 * blocks: softmax(Q_i K_iᵀ / √d_head) V_i. The heads' outputs are concatenated in order, head 0 first.
 */
public final class MultiHeadAttention {

    private MultiHeadAttention() {
    }

    /**
     * Multi-head scaled dot-product attention of already projected Q, K, V.
     *
     * <pre>
     *   head_i = softmax(Q[:, block i] · K[:, block i]ᵀ / √d_head) · V[:, block i]
     *   out    = [head_0 | head_1 | … | head_{h−1}]
     * </pre>
     *
     * @param q     n×d_model queries
     * @param k     m×d_model keys
     * @param v     m×d_v values, one row per key
     * @param heads number of heads h ≥ 1, dividing both d_model and d_v
     * @return n×d_v, a new matrix
     * @throws NullPointerException     if a matrix or one of its rows is null (a row is named {@code q[i]})
     * @throws IllegalArgumentException if a matrix is empty or ragged, q and k differ in width (naming
     *                                  {@code q}), v does not have one row per key, heads &lt; 1, or heads does
     *                                  not divide d_model or d_v (naming {@code heads})
     */
    public static double[][] attend(double[][] q, double[][] k, double[][] v, int heads) {
        throw new UnsupportedOperationException(
                "Kata 8.2 MultiHeadAttention: implement attend(...), see katas.md#82-multiheadattention");
    }

    /**
     * A multi-head attention layer: attend(X·W_q, X·W_k, X·W_v, heads) · W_o.
     *
     * @param x     n×d_in inputs, one row per position
     * @param wq    d_in×d_model query projection
     * @param wk    d_in×d_model key projection (the same shape as wq)
     * @param wv    d_in×d_v value projection
     * @param wo    d_v×d_out output projection
     * @param heads number of heads h ≥ 1, dividing both d_model and d_v
     * @return n×d_out, a new matrix
     * @throws NullPointerException     if a matrix or one of its rows is null
     * @throws IllegalArgumentException if a matrix is empty or ragged, the shapes do not chain as above (naming
     *                                  the projection that does not fit), heads &lt; 1, or heads does not
     *                                  divide d_model or d_v (naming {@code heads})
     */
    public static double[][] forward(double[][] x, double[][] wq, double[][] wk, double[][] wv, double[][] wo,
                                     int heads) {
        throw new UnsupportedOperationException(
                "Kata 8.2 MultiHeadAttention: implement forward(...), see katas.md#82-multiheadattention");
    }
}
