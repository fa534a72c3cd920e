package mlkatas.optim;

/**
 * Kata 5.2 Momentum: one step of gradient descent with (heavy-ball) momentum.
 *
 * <p>See katas.md, section "5.2 Momentum".
 *
 * <pre>
 *   v' = μ·v + η·g        the velocity remembers a decaying sum of past steps
 *   θ' = θ − v'           the parameter moves by the new velocity
 * </pre>
 * With μ = 0 this is plain gradient descent θ' = θ − η·g. Under a constant gradient the velocity
 * approaches η·g/(1 − μ): momentum μ = 0.9 makes steps up to ten times longer.
 */
public final class Momentum {

    private Momentum() {
    }

    /**
     * The parameter and the velocity after one momentum step.
     *
     * @param parameter θ', a new array
     * @param velocity  v', a new array
     */
    public record Update(double[] parameter, double[] velocity) {
    }

    /**
     * Computes one momentum step. The inputs are not modified.
     *
     * @param parameter    θ, the current parameters (non-empty)
     * @param gradient     g = ∂loss/∂θ at θ, same length as {@code parameter}
     * @param velocity     v, the velocity returned by the previous step (zeros before the first), same length
     * @param learningRate η, finite and &gt; 0
     * @param momentum     μ, in [0, 1)
     * @return θ' = θ − v' and v' = μ·v + η·g, as new arrays
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code parameter} is empty, the lengths differ, or a hyper-parameter is
     *                                  out of range (the message names it)
     */
    public static Update step(double[] parameter, double[] gradient, double[] velocity, double learningRate,
                              double momentum) {
        throw new UnsupportedOperationException(
                "Kata 5.2 Momentum: implement step(...), see katas.md#52-momentum");
    }
}
