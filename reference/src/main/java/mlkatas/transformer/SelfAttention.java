package mlkatas.transformer;

import mlkatas.Checks;
import org.apache.commons.math3.util.FastMath;

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
        return attention(q, k, v, false);
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
        int dk = Checks.matrix(k, "k");
        Checks.length(Checks.matrix(q, "q"), dk, "q", "as many columns as k (d_k)");
        int dv = Checks.matrix(v, "v");
        Checks.length(v.length, k.length, "v", "one row per key, the rows of k");
        if (causal) {
            Checks.length(q.length, k.length, "q", "one row per key for causal attention, the rows of k");
        }

        double scale = FastMath.sqrt(dk);
        double[][] out = new double[q.length][dv];
        for (int i = 0; i < q.length; i++) {
            int visible = causal ? i + 1 : k.length;
            double[] scores = new double[visible];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < visible; j++) {
                scores[j] = dot(q[i], k[j]) / scale;
                max = Math.max(max, scores[j]);
            }
            double total = 0;
            for (int j = 0; j < visible; j++) {
                scores[j] = FastMath.exp(scores[j] - max);
                total += scores[j];
            }
            for (int j = 0; j < visible; j++) {
                double weight = scores[j] / total;
                for (int c = 0; c < dv; c++) {
                    out[i][c] += weight * v[j][c];
                }
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += a[c] * b[c];
        }
        return sum;
    }
}
