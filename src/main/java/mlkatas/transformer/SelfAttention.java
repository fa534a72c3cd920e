package mlkatas.transformer;

/**
 * Kata 8.1 SelfAttention: scaled dot-product attention, softmax(Q·Kᵀ / √d_k) · V.
 *
 * <p>See katas.md, section "8.1 SelfAttention".
 *
 * <p>Shapes: Q is n×d_k (one row per query), K is m×d_k (one row per key), V is m×d_v (one row per key, any
 * width). Each output row i is a weighted average of V's rows, with weights softmax_j(q_i · k_j / √d_k).
 */
public final class SelfAttention {

    private SelfAttention() {
    }

    /**
     * Scaled dot-product attention.
     *
     * <pre>
     *   scores[i][j] = (q_i · k_j) / √d_k          d_k = number of columns of K
     *   weights[i]   = softmax(scores[i])          over the keys j, computed stably (subtract the row's max)
     *   out[i]       = Σ_j weights[i][j] · v_j
     * </pre>
     *
     * @param q n×d_k queries
     * @param k m×d_k keys
     * @param v m×d_v values, one row per key
     * @return n×d_v, a new matrix
     * @throws NullPointerException     if an argument or one of its rows is null (a row is named {@code q[i]})
     * @throws IllegalArgumentException if a matrix is empty or ragged, q and k differ in width (naming
     *                                  {@code q}), or v does not have one row per key (naming {@code v})
     */
    public static double[][] attention(double[][] q, double[][] k, double[][] v) {
        throw new UnsupportedOperationException(
                "Kata 8.1 SelfAttention: implement attention(...), see katas.md#81-selfattention");
    }

    /**
     * Part B: scaled dot-product attention with an optional causal mask.
     *
     * <p>With {@code causal}, query i attends only to keys j ≤ i (scores for j &gt; i are left out of the
     * softmax, as if they were −∞), so a position never sees the future. This needs as many queries as keys.
     *
     * @param q      n×d_k queries
     * @param k      m×d_k keys
     * @param v      m×d_v values, one row per key
     * @param causal whether query i may only attend to keys 0..i
     * @return n×d_v, a new matrix
     * @throws NullPointerException     if an argument or one of its rows is null
     * @throws IllegalArgumentException as {@link #attention(double[][], double[][], double[][])}, and if
     *                                  {@code causal} and q does not have as many rows as k
     */
    public static double[][] attention(double[][] q, double[][] k, double[][] v, boolean causal) {
        throw new UnsupportedOperationException(
                "Kata 8.1 SelfAttention: implement attention(q, k, v, causal) (Part B), see katas.md#81-selfattention");
    }
}
