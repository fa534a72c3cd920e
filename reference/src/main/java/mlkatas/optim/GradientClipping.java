package mlkatas.optim;

import mlkatas.Checks;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * Kata 5.3 GradientClipping: clip a model's gradients by their global L2 norm.
 *
 * <p>See katas.md, section "5.3 GradientClipping".
 *
 * <p>A model's gradient comes as several arrays, one per parameter (a weight matrix flattened, a bias
 * vector...), of possibly different lengths. Their <em>global</em> norm treats them as one long vector:
 * <pre>
 *   norm = √( Σ over arrays Σ over entries g² )
 * </pre>
 * If norm &gt; maxNorm, every entry of every array is multiplied by the same factor maxNorm / norm, so the
 * direction of the whole gradient is kept and its length becomes maxNorm.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * The global L2 norm of all arrays together.
     *
     * @param gradients one array per parameter; the arrays may have different lengths; an empty list has norm 0
     * @return √(Σ g²) over every entry of every array
     * @throws NullPointerException if {@code gradients} or one of its arrays is null (naming
     *                              {@code gradients[i]})
     */
    public static double globalNorm(double[][] gradients) {
        Checks.notNull(gradients, "gradients");
        double norm = 0;
        for (int i = 0; i < gradients.length; i++) {
            double[] gradient = Checks.notNull(gradients[i], "gradients[" + i + "]");
            // safeNorm and hypot avoid overflowing on the squares of huge entries.
            norm = FastMath.hypot(norm, MathArrays.safeNorm(gradient));
        }
        return norm;
    }

    /**
     * Scales all gradients together so that their global norm is at most {@code maxNorm}.
     *
     * @param gradients one array per parameter, possibly of different lengths (not modified)
     * @param maxNorm   the largest allowed global norm, finite and &gt; 0
     * @return new arrays of the same shapes: the gradients times maxNorm / norm if norm &gt; maxNorm,
     *         otherwise an unchanged copy
     * @throws NullPointerException     if {@code gradients} or one of its arrays is null
     * @throws IllegalArgumentException unless {@code maxNorm} is finite and &gt; 0
     */
    public static double[][] clipByGlobalNorm(double[][] gradients, double maxNorm) {
        double norm = globalNorm(gradients);
        Checks.positive(maxNorm, "maxNorm");

        double scale = norm > maxNorm ? maxNorm / norm : 1.0;
        double[][] clipped = new double[gradients.length][];
        for (int i = 0; i < gradients.length; i++) {
            clipped[i] = new double[gradients[i].length];
            for (int j = 0; j < gradients[i].length; j++) {
                clipped[i][j] = gradients[i][j] * scale;
            }
        }
        return clipped;
    }
}
