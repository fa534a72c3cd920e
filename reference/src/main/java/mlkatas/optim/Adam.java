package mlkatas.optim;

import java.util.function.UnaryOperator;
import mlkatas.Checks;
import org.apache.commons.math3.util.FastMath;

/**
 * Kata 5.1 Adam: the Adam optimiser (adaptive moment estimation), one parameter vector at a time.
 *
 * <p>See katas.md, section "5.1 Adam".
 *
 * <p>For each component, with step count t starting at 1 on the first call:
 * <pre>
 *   m ← β1·m + (1 − β1)·g          first moment (a running mean of the gradient)
 *   v ← β2·v + (1 − β2)·g²         second moment (a running mean of the squared gradient)
 *   m̂ = m / (1 − β1ᵗ)              bias corrections: m and v start at 0
 *   v̂ = v / (1 − β2ᵗ)
 *   θ ← θ − lr · m̂ / (√v̂ + ε)      ε is added outside the square root
 * </pre>
 * One {@code Adam} object holds the state (m, v, t) of one parameter vector: the first call to
 * {@link #step} fixes its length, and every later call must use the same length.
 */
public final class Adam {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private double[] m;
    private double[] v;
    private int t;

    /**
     * An optimiser with the usual defaults β1 = 0.9, β2 = 0.999, ε = 1e-8.
     *
     * @param learningRate step size lr, finite and &gt; 0
     * @throws IllegalArgumentException unless {@code learningRate} is finite and &gt; 0
     */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * An optimiser with explicit hyper-parameters.
     *
     * @param learningRate step size lr, finite and &gt; 0
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      added to √v̂ to avoid dividing by zero, finite and &gt; 0
     * @throws IllegalArgumentException if a hyper-parameter is out of range or NaN (the message names it)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = Checks.positive(learningRate, "learningRate");
        this.beta1 = Checks.inHalfOpenRange(beta1, 0, 1, "beta1");
        this.beta2 = Checks.inHalfOpenRange(beta2, 0, 1, "beta2");
        this.epsilon = Checks.positive(epsilon, "epsilon");
    }

    /**
     * Applies one Adam update to {@code params}, in place; the step count t increases by 1.
     *
     * @param params    the parameters θ, updated in place; the same length on every call to this object
     * @param gradients ∂loss/∂θ at the current θ, same length as {@code params} (not modified)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code params} is empty, {@code gradients} has a different length,
     *                                  or {@code params} has a different length than on the first call
     */
    public void step(double[] params, double[] gradients) {
        int n = Checks.vector(params, "params");
        Checks.notNull(gradients, "gradients");
        Checks.length(gradients.length, n, "gradients", "one entry per parameter");
        if (m == null) {
            m = new double[n];
            v = new double[n];
        } else {
            Checks.length(n, m.length, "params",
                    "the length of the first vector this Adam optimised (one Adam per parameter vector)");
        }

        t++;
        double biasCorrection1 = 1 - FastMath.pow(beta1, t);
        double biasCorrection2 = 1 - FastMath.pow(beta2, t);
        for (int i = 0; i < n; i++) {
            double g = gradients[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double mHat = m[i] / biasCorrection1;
            double vHat = v[i] / biasCorrection2;
            params[i] -= learningRate * mHat / (FastMath.sqrt(vHat) + epsilon);
        }
    }

    /**
     * Runs {@code iterations} Adam steps from {@code x0} with a fresh optimiser and returns the final point.
     *
     * @param gradient     maps a point x to the gradient at x (same length as x); it receives a copy
     * @param x0           the starting point (not modified)
     * @param learningRate step size, finite and &gt; 0
     * @param beta1        in [0, 1)
     * @param beta2        in [0, 1)
     * @param epsilon      finite and &gt; 0
     * @param iterations   number of steps, ≥ 0 (0 returns a copy of x0)
     * @return the point after the last step, a new array
     * @throws NullPointerException     if {@code gradient}, {@code x0} or a returned gradient is null
     * @throws IllegalArgumentException if {@code x0} is empty, a hyper-parameter is out of range,
     *                                  {@code iterations} &lt; 0 (all checked even when {@code iterations} is
     *                                  0) or a returned gradient has the wrong length (naming {@code gradient})
     */
    public static double[] optimize(UnaryOperator<double[]> gradient, double[] x0, double learningRate,
                                    double beta1, double beta2, double epsilon, int iterations) {
        Checks.notNull(gradient, "gradient");
        Checks.vector(x0, "x0");
        Checks.nonNegative(iterations, "iterations");
        Adam adam = new Adam(learningRate, beta1, beta2, epsilon);

        double[] x = x0.clone();
        for (int iteration = 0; iteration < iterations; iteration++) {
            adam.step(x, Checks.notNull(gradient.apply(x.clone()), "gradient(x)"));
        }
        return x;
    }
}
