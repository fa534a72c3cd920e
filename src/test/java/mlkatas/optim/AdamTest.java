package mlkatas.optim;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertAllFinite;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.function.UnaryOperator;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("5.1 Adam: adaptive moment estimation")
class AdamTest {

    /** The spec quotes Deep-ML's examples to 8 decimals; 1e-8 is their last digit. */
    private static final double EIGHT_DECIMALS = 1e-8;
    /** A few roundings of numbers of order 1: far below any real mistake. */
    private static final double EXACT = 1e-12;
    /**
     * The first step moves by lr·|g|/(|g| + ε), which differs from lr by the relative amount ε/(|g| + ε):
     * at most 1e-5 for |g| ≥ 1e-3 and ε = 1e-8, plus rounding.
     */
    private static final double FIRST_STEP_RELATIVE = 1.1e-5;
    /**
     * Scaling every gradient by c turns ε into ε/c relative to √v̂. With |g| ≥ 0.1, c ≥ 0.01 and
     * |m̂|/√v̂ ≤ 1/√(1 − β2) ≈ 32, each of 10 steps of lr = 0.01 moves at most 0.01·32·1e-6/0.1 = 3.2e-6 apart.
     */
    private static final double SCALE_INVARIANCE = 5e-5;
    /** Adam with a small constant lr settles within a few learning rates of a quadratic's minimum. */
    private static final double CONVERGED = 1e-3;
    /** PyTorch groups the same operations differently (lr/(1 − β1ᵗ), √v/√(1 − β2ᵗ)): rounding only. */
    private static final double REPLAY = 1e-9;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("the first step moves every parameter by lr against its gradient's sign")
        void firstStep() {
            // t = 1: m̂ = g and v̂ = g² exactly, so the step is lr·g/(|g| + ε) ≈ lr·sign(g).
            double[] params = {1.0, 1.0, 1.0};
            Adam adam = new Adam(0.1);

            adam.step(params, new double[] {0.5, -2.0, 30.0});

            assertVectorClose("θ after one step of lr 0.1", params, new double[] {0.9, 1.1, 0.9}, EIGHT_DECIMALS);
        }

        @Test
        @Order(2)
        @DisplayName("a gradient that flips sign: the second step is damped by the first moment")
        void flippedGradient() {
            // Step 1, g = 1: θ = 0 − 0.1 = −0.1.
            // Step 2, g = −1: m = 0.9·0.1 − 0.1 = −0.01, v = 0.999·0.001 + 0.001 = 0.001999,
            // m̂ = −0.01/0.19 = −0.0526316, v̂ = 0.001999/0.001999 = 1, so θ = −0.1 + 0.1·0.0526316.
            double[] params = {0.0};
            Adam adam = new Adam(0.1);

            adam.step(params, new double[] {1.0});
            adam.step(params, new double[] {-1.0});

            // (Each step is divided by √v̂ + ε = 1 + 1e-8, hence the last factor.)
            assertThat(params[0]).as("θ after g = 1 then g = −1").isCloseTo((-0.1 + 0.1 / 19) / (1 + 1e-8),
                    within(EXACT));
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: gradient 2x from [1, 1], lr 0.001, 10 steps → [0.99000325, 0.99000325]")
        void deepMlFromOnes() {
            double[] x = Adam.optimize(x0 -> scaled(x0, 2), new double[] {1, 1}, 0.001, 0.9, 0.999, 1e-8, 10);

            assertVectorClose("x after 10 steps", x, new double[] {0.99000325, 0.99000325}, EIGHT_DECIMALS);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML: gradient 2x from [0.2, 12.3], lr 0.001, 10 steps → [0.19001678, 12.29000026]")
        void deepMlUnevenStart() {
            double[] x = Adam.optimize(x0 -> scaled(x0, 2), new double[] {0.2, 12.3}, 0.001, 0.9, 0.999, 1e-8, 10);

            assertVectorClose("x after 10 steps", x, new double[] {0.19001678, 12.29000026}, EIGHT_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the first step moves every parameter with |g| ≥ 1e-3 by lr against the gradient's sign")
        void firstStepIsLearningRate() {
            qt().withExamples(200)
                    .forAll(Gens.vectors(1, 10, -10, 10), Gens.vectors(10, 1e-3, 1e3), Gens.vectors(10, -1, 1),
                            Gens.values(1e-4, 1))
                    .checkAssert((params, magnitudes, signs, lr) -> {
                        double[] gradients = new double[params.length];
                        for (int i = 0; i < params.length; i++) {
                            gradients[i] = signs[i] < 0 ? -magnitudes[i] : magnitudes[i];
                        }
                        double[] after = params.clone();

                        new Adam(lr).step(after, gradients);

                        for (int i = 0; i < params.length; i++) {
                            double expectedMove = -Math.signum(gradients[i]) * lr;
                            assertThat(after[i] - params[i])
                                    .as("move of parameter %d (gradient %s, lr %s)", i, gradients[i], lr)
                                    .isCloseTo(expectedMove, within(FIRST_STEP_RELATIVE * lr));
                        }
                    });
        }

        @Test
        @DisplayName("scaling every gradient by a positive constant leaves the trajectory unchanged (up to ε)")
        void scaleInvariant() {
            qt().withExamples(50)
                    .forAll(Gens.vectors(1, 6, -5, 5), Gens.vectors(60, 0.1, 1), Gens.vectors(60, -1, 1),
                            Gens.values(-2, 2))
                    .checkAssert((x0, magnitudes, signs, log10Scale) -> {
                        double scale = Math.pow(10, log10Scale);
                        int n = x0.length;
                        double[] plain = x0.clone();
                        double[] scaledParams = x0.clone();
                        Adam plainAdam = new Adam(0.01);
                        Adam scaledAdam = new Adam(0.01);
                        for (int step = 0; step < 10; step++) {
                            double[] g = new double[n];
                            for (int i = 0; i < n; i++) {
                                int k = step * 6 + i;
                                g[i] = signs[k] < 0 ? -magnitudes[k] : magnitudes[k];
                            }
                            plainAdam.step(plain, g);
                            scaledAdam.step(scaledParams, scaled(g, scale));
                        }

                        assertVectorClose("θ after 10 steps with every gradient scaled by " + scale,
                                scaledParams, plain, SCALE_INVARIANCE);
                    });
        }

        @Test
        @DisplayName("converges to the minimum of a convex quadratic from a start away from it")
        void convergesOnQuadratic() {
            // Adam's step is about lr whatever the gradient's size, so a start that is already at the minimum
            // (gradient ≈ 1e-16) gets kicked away by lr and v̂ is too small to damp the wobble for a long time.
            // Starting ≥ 1 away in every coordinate gives v̂ a memory of real gradients, which damps the end.
            qt().withExamples(15)
                    .forAll(Gens.vectors(1, 5, -3, 3), Gens.vectors(5, 0.5, 5), Gens.vectors(5, -3, 3))
                    .checkAssert((centre, curvatures, offsets) -> {
                        int n = centre.length;
                        double[] x0 = new double[n];
                        for (int i = 0; i < n; i++) {
                            x0[i] = centre[i] + offsets[i] + (offsets[i] < 0 ? -1 : 1);
                        }
                        // f(x) = ½ Σ aᵢ (xᵢ − cᵢ)², minimised at x = c.
                        UnaryOperator<double[]> gradient = x -> {
                            double[] g = new double[n];
                            for (int i = 0; i < n; i++) {
                                g[i] = curvatures[i] * (x[i] - centre[i]);
                            }
                            return g;
                        };

                        double[] x = Adam.optimize(gradient, x0, 0.05, 0.9, 0.999, 1e-8, 3000);

                        assertVectorClose("x after 3000 steps of lr 0.05 from " + java.util.Arrays.toString(x0)
                                + " vs the minimum", x, centre, CONVERGED);
                    });
        }

        @Test
        @DisplayName("optimize leaves x0 unchanged and returns a new array")
        void optimizeLeavesX0Alone() {
            qt().withExamples(100).forAll(Gens.vectors(1, 6, -5, 5)).checkAssert(x0 -> {
                double[] copy = x0.clone();

                double[] x = Adam.optimize(v -> scaled(v, 2), x0, 0.1, 0.9, 0.999, 1e-8, 5);

                assertThat(x0).as("x0 after optimize").containsExactly(copy);
                assertThat(x).as("the result must be a new array, not x0").isNotSameAs(x0);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final AdamOracle.SequenceCase[] SEQUENCES = AdamOracle.SEQUENCES;
        static final AdamOracle.FieldCase[] FIELDS = AdamOracle.FIELDS;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SEQUENCES")
        @DisplayName("step() follows torch.optim.Adam's trajectory, step by step")
        void matchesTorchStepByStep(AdamOracle.SequenceCase c) {
            Adam adam = new Adam(c.learningRate(), c.beta1(), c.beta2(), c.epsilon());
            double[] params = c.x0().clone();
            for (int t = 0; t < c.gradients().length; t++) {
                adam.step(params, c.gradients()[t]);

                assertVectorClose(c.name() + ": θ after step " + (t + 1), params, c.trajectory()[t], REPLAY);
            }
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("FIELDS")
        @DisplayName("optimize() ends where torch.optim.Adam ends on g(x) = A·x − b + k ⊙ x³")
        void matchesTorchOnAField(AdamOracle.FieldCase c) {
            UnaryOperator<double[]> gradient = x -> {
                double[] g = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < x.length; j++) {
                        g[i] += c.a()[i][j] * x[j];
                    }
                    g[i] += -c.b()[i] + c.k()[i] * x[i] * x[i] * x[i];
                }
                return g;
            };

            double[] x = Adam.optimize(gradient, c.x0(), c.learningRate(), c.beta1(), c.beta2(), c.epsilon(),
                    c.iterations());

            assertVectorClose(c.name() + ": final point", x, c.last(), REPLAY);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("zero iterations return a copy of x0")
        void zeroIterations() {
            double[] x0 = {1.5, -2.5};

            double[] x = Adam.optimize(v -> scaled(v, 2), x0, 0.1, 0.9, 0.999, 1e-8, 0);

            assertThat(x).containsExactly(1.5, -2.5).isNotSameAs(x0);
        }

        @Test
        @DisplayName("β1 = 0 is allowed: the first moment is just the current gradient")
        void betaOneZero() {
            double[] params = {0.0};
            Adam adam = new Adam(0.1, 0.0, 0.999, 1e-8);

            adam.step(params, new double[] {1.0});
            adam.step(params, new double[] {-1.0});

            // Step 2: m̂ = −1, v̂ = (0.999·0.001 + 0.001)/0.001999 = 1, so θ moves back by lr.
            assertThat(params[0]).isCloseTo(0.0, within(EIGHT_DECIMALS));
        }

        @Test
        @DisplayName("the gradients array is not modified")
        void gradientsUnchanged() {
            double[] gradients = {0.5, -0.25};

            new Adam(0.1).step(new double[] {1, 2}, gradients);

            assertThat(gradients).containsExactly(0.5, -0.25);
        }

        @Test
        @DisplayName("null params or gradients are rejected with a NullPointerException naming them")
        void nullsInStep() {
            Adam adam = new Adam(0.1);
            assertRejects(NullPointerException.class, "adam.step(null, {1})",
                    () -> adam.step(null, new double[] {1}), "params");
            assertRejects(NullPointerException.class, "adam.step({1}, null)",
                    () -> adam.step(new double[] {1}, null), "gradients");
        }

        @Test
        @DisplayName("gradients must have one entry per parameter")
        void mismatchedLengths() {
            assertRejects(IllegalArgumentException.class, "new Adam(0.1).step({1, 2}, {1})",
                    () -> new Adam(0.1).step(new double[] {1, 2}, new double[] {1}), "gradients");
        }

        @Test
        @DisplayName("empty params are rejected")
        void emptyParams() {
            assertRejects(IllegalArgumentException.class, "new Adam(0.1).step(new double[0], new double[0])",
                    () -> new Adam(0.1).step(new double[0], new double[0]), "params");
        }

        @Test
        @DisplayName("one Adam serves one parameter vector: a later call with another length is rejected")
        void lengthChangesBetweenCalls() {
            Adam adam = new Adam(0.1);
            adam.step(new double[] {1, 2}, new double[] {1, 1});

            assertRejects(IllegalArgumentException.class, "adam.step({1, 2, 3}, {1, 1, 1})",
                    () -> adam.step(new double[] {1, 2, 3}, new double[] {1, 1, 1}), "params");
        }

        @ParameterizedTest(name = "learningRate = {0}")
        @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("learningRate must be finite and > 0")
        void badLearningRate(double lr) {
            assertRejects(IllegalArgumentException.class, "new Adam(" + lr + ")",
                    () -> new Adam(lr), "learningRate");
            assertRejects(IllegalArgumentException.class, "new Adam(" + lr + ", 0.9, 0.999, 1e-8)",
                    () -> new Adam(lr, 0.9, 0.999, 1e-8), "learningRate");
        }

        @ParameterizedTest(name = "beta = {0}")
        @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
        @DisplayName("beta1 and beta2 must be in [0, 1)")
        void badBetas(double beta) {
            assertRejects(IllegalArgumentException.class, "new Adam(0.1, " + beta + ", 0.999, 1e-8)",
                    () -> new Adam(0.1, beta, 0.999, 1e-8), "beta1");
            assertRejects(IllegalArgumentException.class, "new Adam(0.1, 0.9, " + beta + ", 1e-8)",
                    () -> new Adam(0.1, 0.9, beta, 1e-8), "beta2");
        }

        @ParameterizedTest(name = "epsilon = {0}")
        @ValueSource(doubles = {0.0, -1e-8, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("epsilon must be finite and > 0")
        void badEpsilon(double epsilon) {
            assertRejects(IllegalArgumentException.class, "new Adam(0.1, 0.9, 0.999, " + epsilon + ")",
                    () -> new Adam(0.1, 0.9, 0.999, epsilon), "epsilon");
        }

        @Test
        @DisplayName("optimize rejects a null gradient function or x0, and negative iterations")
        void badOptimizeArguments() {
            assertRejects(NullPointerException.class, "Adam.optimize(null, {1}, 0.1, 0.9, 0.999, 1e-8, 1)",
                    () -> Adam.optimize(null, new double[] {1}, 0.1, 0.9, 0.999, 1e-8, 1), "gradient");
            assertRejects(NullPointerException.class, "Adam.optimize(v -> v, null, 0.1, 0.9, 0.999, 1e-8, 1)",
                    () -> Adam.optimize(v -> v, null, 0.1, 0.9, 0.999, 1e-8, 1), "x0");
            assertRejects(IllegalArgumentException.class, "Adam.optimize(v -> v, {1}, 0.1, 0.9, 0.999, 1e-8, -1)",
                    () -> Adam.optimize(v -> v, new double[] {1}, 0.1, 0.9, 0.999, 1e-8, -1), "iterations");
            assertRejects(IllegalArgumentException.class, "Adam.optimize(v -> v, {1}, 0.1, 1.0, 0.999, 1e-8, 1)",
                    () -> Adam.optimize(v -> v, new double[] {1}, 0.1, 1.0, 0.999, 1e-8, 1), "beta1");
        }

        @Test
        @DisplayName("optimize rejects a gradient function that returns the wrong length")
        void gradientOfWrongLength() {
            assertRejects(IllegalArgumentException.class,
                    "Adam.optimize(v -> {1}, {1, 2}, 0.1, 0.9, 0.999, 1e-8, 1)",
                    () -> Adam.optimize(v -> new double[] {1}, new double[] {1, 2}, 0.1, 0.9, 0.999, 1e-8, 1),
                    "gradient");
        }

        @Test
        @DisplayName("optimize rejects a gradient function that returns null")
        void gradientReturnsNull() {
            assertRejects(NullPointerException.class, "Adam.optimize(v -> null, {1, 2}, 0.1, 0.9, 0.999, 1e-8, 1)",
                    () -> Adam.optimize(v -> null, new double[] {1, 2}, 0.1, 0.9, 0.999, 1e-8, 1), "gradient");
        }

        @Test
        @DisplayName("optimize rejects an empty x0, even with zero iterations")
        void emptyStart() {
            assertRejects(IllegalArgumentException.class,
                    "Adam.optimize(v -> v, new double[0], 0.1, 0.9, 0.999, 1e-8, 0)",
                    () -> Adam.optimize(v -> v, new double[0], 0.1, 0.9, 0.999, 1e-8, 0), "x0");
        }

        @Test
        @DisplayName("optimize checks its hyper-parameters even with zero iterations")
        void hyperParametersCheckedWithoutSteps() {
            assertRejects(IllegalArgumentException.class, "Adam.optimize(v -> v, {1}, -0.1, 0.9, 0.999, 1e-8, 0)",
                    () -> Adam.optimize(v -> v, new double[] {1}, -0.1, 0.9, 0.999, 1e-8, 0), "learningRate");
            assertRejects(IllegalArgumentException.class, "Adam.optimize(v -> v, {1}, 0.1, 0.9, 0.999, 0, 0)",
                    () -> Adam.optimize(v -> v, new double[] {1}, 0.1, 0.9, 0.999, 0, 0), "epsilon");
        }

        @Test
        @DisplayName("the gradient function receives a copy: writing into its argument does not move x")
        void gradientFunctionGetsACopy() {
            UnaryOperator<double[]> scribbling = x -> {
                double[] g = scaled(x, 2);
                java.util.Arrays.fill(x, 100.0);
                return g;
            };

            double[] x = Adam.optimize(scribbling, new double[] {1.0, 1.0}, 0.1, 0.9, 0.999, 1e-8, 1);

            assertVectorClose("x after one step from [1, 1] when the gradient function overwrites its argument"
                    + " (it must be given a copy of x)", x, new double[] {0.9, 0.9}, EIGHT_DECIMALS);
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("no bias correction: the first step must move by lr, not lr·(1 − β1)/√(1 − β2)")
        void noBiasCorrection() {
            double[] params = {0.0};

            new Adam(0.1).step(params, new double[] {1.0});

            assertThat(params[0])
                    .as("the first step moved θ by %s instead of −0.1: without bias correction m = 0.1·g and"
                            + " v = 0.001·g² start biased towards 0 and the step is about 3.16·lr. Divide m by"
                            + " (1 − β1ᵗ) and v by (1 − β2ᵗ)", params[0])
                    .isCloseTo(-0.1, within(EIGHT_DECIMALS));
        }

        @Test
        @DisplayName("bias correction with the step count off by one: a constant gradient moves by lr every step")
        void biasCorrectionOffByOne() {
            // With a constant g, m̂ = g and v̂ = g² at every t, so every step is exactly lr (up to ε).
            double[] params = {0.0};
            Adam adam = new Adam(0.1);
            for (int t = 1; t <= 5; t++) {
                double before = params[0];

                adam.step(params, new double[] {2.0});

                assertThat(before - params[0])
                        .as("step %d moved θ by %s instead of 0.1: with a constant gradient the corrected"
                                + " moments equal g and g² at every step. Is t off by one (t must be 1 on the"
                                + " first call, and increase by 1 before each update)?", t, before - params[0])
                        .isCloseTo(0.1, within(EIGHT_DECIMALS));
            }
        }

        @Test
        @DisplayName("ε inside the square root: a gradient of 1e-4 must still move θ by about lr")
        void epsilonInsideSquareRoot() {
            double[] params = {0.0};

            new Adam(0.1).step(params, new double[] {1e-4});

            assertThat(params[0])
                    .as("a gradient of 1e-4 moved θ by %s instead of about −0.1: √(v̂ + ε) = √(1e-8 + 1e-8) is"
                            + " 1.41e-4, so ε dominates small gradients. Add ε after the square root:"
                            + " m̂ / (√v̂ + ε)", params[0])
                    .isCloseTo(-0.1, within(1e-4 * 0.1 * 1.01));
        }

        @Test
        @DisplayName("one state shared across vectors: two Adam objects must not see each other's moments")
        void stateSharedAcrossObjects() {
            double[] first = {0.0, 0.0};
            double[] second = {0.0, 0.0};
            Adam firstAdam = new Adam(0.1);
            Adam secondAdam = new Adam(0.1);

            firstAdam.step(first, new double[] {5.0, 5.0});
            secondAdam.step(second, new double[] {-1.0, -1.0});

            assertVectorClose("a fresh Adam's first step moved its vector by other than +lr: is m, v or t shared"
                    + " between Adam objects (static fields)? Each Adam keeps its own state for its own parameter"
                    + " vector", second, new double[] {0.1, 0.1}, EIGHT_DECIMALS);
        }

        @Test
        @DisplayName("no ε at all: a zero gradient must leave θ unchanged, not turn it into NaN")
        void zeroGradientGivesNaN() {
            double[] params = {1.0, 2.0};

            new Adam(0.1).step(params, new double[] {0.0, 0.0});

            assertAllFinite("a zero gradient produced NaN: m̂/√v̂ is 0/0 there. Add ε to the denominator,"
                    + " m̂ / (√v̂ + ε)", params);
            assertVectorClose("θ after a zero gradient", params, new double[] {1.0, 2.0}, EXACT);
        }

        @Test
        @DisplayName("optimize must work on a copy of x0, not move the caller's array")
        void optimizeModifiesX0() {
            double[] x0 = {1.0, 1.0};

            Adam.optimize(v -> scaled(v, 2), x0, 0.1, 0.9, 0.999, 1e-8, 3);

            assertThat(x0).as("x0 was changed by optimize: copy it (x0.clone()) before stepping in place")
                    .containsExactly(1.0, 1.0);
        }
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = factor * v[i];
        }
        return out;
    }
}
