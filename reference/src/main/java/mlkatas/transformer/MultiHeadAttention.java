package mlkatas.transformer;

import mlkatas.Checks;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.FastMath;

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
        int dModel = Checks.matrix(k, "k");
        Checks.length(Checks.matrix(q, "q"), dModel, "q", "as many columns as k (d_model)");
        int dv = Checks.matrix(v, "v");
        Checks.length(v.length, k.length, "v", "one row per key, the rows of k");
        Checks.atLeast(heads, 1, "heads");
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("heads must divide d_model (the columns of q and k): d_model "
                    + dModel + ", heads " + heads);
        }
        if (dv % heads != 0) {
            throw new IllegalArgumentException("heads must divide d_v (the columns of v): d_v " + dv + ", heads "
                    + heads);
        }

        int dHead = dModel / heads;
        int dvHead = dv / heads;
        double[][] out = new double[q.length][dv];
        for (int head = 0; head < heads; head++) {
            double[][] headOut = attention(q, k, v, head * dHead, dHead, head * dvHead, dvHead);
            for (int i = 0; i < q.length; i++) {
                System.arraycopy(headOut[i], 0, out[i], head * dvHead, dvHead);
            }
        }
        return out;
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
        int dIn = Checks.matrix(x, "x");
        int dModel = Checks.matrix(wq, "wq");
        Checks.length(wq.length, dIn, "wq", "one row per column of x (d_in)");
        Checks.length(Checks.matrix(wk, "wk"), dModel, "wk", "as many columns as wq (d_model)");
        Checks.length(wk.length, dIn, "wk", "one row per column of x (d_in)");
        int dv = Checks.matrix(wv, "wv");
        Checks.length(wv.length, dIn, "wv", "one row per column of x (d_in)");
        Checks.matrix(wo, "wo");
        Checks.length(wo.length, dv, "wo", "one row per column of wv (d_v)");

        RealMatrix input = MatrixUtils.createRealMatrix(x);
        double[][] q = input.multiply(MatrixUtils.createRealMatrix(wq)).getData();
        double[][] k = input.multiply(MatrixUtils.createRealMatrix(wk)).getData();
        double[][] v = input.multiply(MatrixUtils.createRealMatrix(wv)).getData();
        double[][] concatenated = attend(q, k, v, heads);
        return MatrixUtils.createRealMatrix(concatenated).multiply(MatrixUtils.createRealMatrix(wo)).getData();
    }

    /**
     * One head: scaled dot-product attention over the columns [qkFrom, qkFrom + dHead) of q and k and
     * [vFrom, vFrom + dvHead) of v, with a stable softmax over the keys.
     */
    private static double[][] attention(double[][] q, double[][] k, double[][] v, int qkFrom, int dHead,
                                        int vFrom, int dvHead) {
        double scale = FastMath.sqrt(dHead);
        double[][] out = new double[q.length][dvHead];
        for (int i = 0; i < q.length; i++) {
            double[] weights = new double[k.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k.length; j++) {
                double dot = 0;
                for (int c = qkFrom; c < qkFrom + dHead; c++) {
                    dot += q[i][c] * k[j][c];
                }
                weights[j] = dot / scale;
                max = Math.max(max, weights[j]);
            }
            double total = 0;
            for (int j = 0; j < k.length; j++) {
                weights[j] = FastMath.exp(weights[j] - max);
                total += weights[j];
            }
            for (int j = 0; j < k.length; j++) {
                for (int c = 0; c < dvHead; c++) {
                    out[i][c] += weights[j] / total * v[j][vFrom + c];
                }
            }
        }
        return out;
    }
}
