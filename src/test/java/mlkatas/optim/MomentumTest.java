package mlkatas.optim;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("5.2 Momentum: gradient descent with a velocity")
class MomentumTest {

    /** One multiply-add on numbers of order 1: a few ulps. */
    private static final double EXACT = 1e-12;
    /**
     * Terminal velocity after 400 steps: the gap to ηg/(1 − μ) shrinks like μ⁴⁰⁰ ≤ 0.95⁴⁰⁰ ≈ 1.2e-9 of
     * |v0 − ηg/(1 − μ)| (at most ~25 here), plus the rounding of 400 multiply-adds.
     */
    private static final double TERMINAL = 1e-7;
    /** PyTorch computes η·(μ·b + g) where we compute μ·v + η·g: the same value up to rounding. */
    private static final double REPLAY = 1e-10;

    private static final double[] THETA = {1, 2};
    private static final double[] GRADIENT = {0.1, 0.2};
    private static final double[] VELOCITY = {0.5, 1.0};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("from rest, one step is plain gradient descent: v' = η·g, θ' = θ − η·g")
        void fromRest() {
            Momentum.Update update = Momentum.step(new double[] {1.0}, new double[] {2.0}, new double[] {0.0}, 0.1,
                    0.9);

            assertVectorClose("velocity", update.velocity(), new double[] {0.2}, EXACT);
            assertVectorClose("parameter", update.parameter(), new double[] {0.8}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML: θ [1, 2], g [0.1, 0.2], v [0.5, 1], η 0.01, μ 0.9 → θ [0.549, 1.098], v [0.451, 0.902]")
        void deepMlBasic() {
            Momentum.Update update = Momentum.step(THETA, GRADIENT, VELOCITY, 0.01, 0.9);

            assertVectorClose("parameter", update.parameter(), new double[] {0.549, 1.098}, EXACT);
            assertVectorClose("velocity", update.velocity(), new double[] {0.451, 0.902}, EXACT);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML: momentum 0 forgets the velocity → θ [0.999, 1.998], v [0.001, 0.002]")
        void deepMlNoMomentum() {
            Momentum.Update update = Momentum.step(THETA, GRADIENT, VELOCITY, 0.01, 0.0);

            assertVectorClose("parameter", update.parameter(), new double[] {0.999, 1.998}, EXACT);
            assertVectorClose("velocity", update.velocity(), new double[] {0.001, 0.002}, EXACT);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML: a zero gradient still coasts → θ [0.55, 1.55], v [0.45, 0.45]")
        void deepMlZeroGradient() {
            Momentum.Update update = Momentum.step(THETA, new double[] {0, 0}, new double[] {0.5, 0.5}, 0.01, 0.9);

            assertVectorClose("parameter", update.parameter(), new double[] {0.55, 1.55}, EXACT);
            assertVectorClose("velocity", update.velocity(), new double[] {0.45, 0.45}, EXACT);
        }

        @Test
        @Order(5)
        @DisplayName("Deep-ML: one parameter θ 1, g 0.1, v 0.5 → θ 0.549, v 0.451")
        void deepMlScalar() {
            Momentum.Update update = Momentum.step(new double[] {1}, new double[] {0.1}, new double[] {0.5}, 0.01,
                    0.9);

            assertVectorClose("parameter", update.parameter(), new double[] {0.549}, EXACT);
            assertVectorClose("velocity", update.velocity(), new double[] {0.451}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("momentum 0 is plain gradient descent, whatever the old velocity")
        void zeroMomentumIsGradientDescent() {
            qt().forAll(Gens.vectors(4, -10, 10), Gens.vectors(4, -10, 10), Gens.vectors(4, -10, 10),
                            Gens.values(1e-4, 1))
                    .checkAssert((theta, gradient, velocity, lr) -> {
                        Momentum.Update update = Momentum.step(theta, gradient, velocity, lr, 0.0);

                        double[] expected = new double[theta.length];
                        for (int i = 0; i < theta.length; i++) {
                            expected[i] = theta[i] - lr * gradient[i];
                        }
                        assertVectorClose("θ' with μ = 0 vs θ − η·g", update.parameter(), expected, EXACT);
                    });
        }

        @Test
        @DisplayName("under a constant gradient the velocity approaches η·g/(1 − μ)")
        void terminalVelocity() {
            qt().withExamples(100)
                    .forAll(Gens.vectors(3, -5, 5), Gens.vectors(3, -1, 1), Gens.values(0.001, 0.5),
                            Gens.values(0, 0.95))
                    .checkAssert((gradient, v0, lr, mu) -> {
                        double[] theta = {0, 0, 0};
                        double[] velocity = v0;
                        for (int t = 0; t < 400; t++) {
                            Momentum.Update update = Momentum.step(theta, gradient, velocity, lr, mu);
                            theta = update.parameter();
                            velocity = update.velocity();
                        }

                        double[] terminal = new double[3];
                        for (int i = 0; i < 3; i++) {
                            terminal[i] = lr * gradient[i] / (1 - mu);
                        }
                        assertVectorClose("velocity after 400 steps (η " + lr + ", μ " + mu + ")", velocity,
                                terminal, TERMINAL);
                    });
        }

        @Test
        @DisplayName("the inputs are left unchanged and the results are new arrays")
        void inputsUnchanged() {
            qt().forAll(Gens.vectors(3, -10, 10), Gens.vectors(3, -10, 10), Gens.vectors(3, -10, 10))
                    .checkAssert((theta, gradient, velocity) -> {
                        double[] thetaCopy = theta.clone();
                        double[] gradientCopy = gradient.clone();
                        double[] velocityCopy = velocity.clone();

                        Momentum.Update update = Momentum.step(theta, gradient, velocity, 0.1, 0.9);

                        assertThat(theta).as("parameter after the call").containsExactly(thetaCopy);
                        assertThat(gradient).as("gradient after the call").containsExactly(gradientCopy);
                        assertThat(velocity).as("velocity after the call").containsExactly(velocityCopy);
                        assertThat(update.parameter()).isNotSameAs(theta);
                        assertThat(update.velocity()).isNotSameAs(velocity);
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final MomentumOracle.Case[] TORCH_CASES = MomentumOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("follows torch.optim.SGD(momentum=μ) step by step (its buffer is v/η)")
        void matchesTorchSgd(MomentumOracle.Case c) {
            double[] theta = c.theta0();
            double[] velocity = c.v0();
            for (int t = 0; t < c.gradients().length; t++) {
                Momentum.Update update = Momentum.step(theta, c.gradients()[t], velocity, c.learningRate(),
                        c.momentum());
                theta = update.parameter();
                velocity = update.velocity();

                assertVectorClose(c.name() + ": θ after step " + (t + 1), theta, c.thetas()[t], REPLAY);
                assertVectorClose(c.name() + ": v after step " + (t + 1), velocity, c.velocities()[t], REPLAY);
            }
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a zero gradient from rest changes nothing, and still returns new arrays")
        void zeroGradientAtRest() {
            double[] velocity = new double[2];
            Momentum.Update update = Momentum.step(THETA, new double[2], velocity, 0.1, 0.9);

            assertThat(update.parameter()).containsExactly(1.0, 2.0);
            assertThat(update.velocity()).containsExactly(0.0, 0.0);
            assertThat(update.parameter()).as("θ' must be a new array even when nothing moves").isNotSameAs(THETA);
            assertThat(update.velocity()).as("v' must be a new array even when nothing moves").isNotSameAs(velocity);
        }

        @Test
        @DisplayName("null arrays are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "Momentum.step(null, GRADIENT, VELOCITY, 0.1, 0.9)",
                    () -> Momentum.step(null, GRADIENT, VELOCITY, 0.1, 0.9), "parameter");
            assertRejects(NullPointerException.class, "Momentum.step(THETA, null, VELOCITY, 0.1, 0.9)",
                    () -> Momentum.step(THETA, null, VELOCITY, 0.1, 0.9), "gradient");
            assertRejects(NullPointerException.class, "Momentum.step(THETA, GRADIENT, null, 0.1, 0.9)",
                    () -> Momentum.step(THETA, GRADIENT, null, 0.1, 0.9), "velocity");
        }

        @Test
        @DisplayName("an empty parameter and arrays of different lengths are rejected")
        void badShapes() {
            assertRejects(IllegalArgumentException.class,
                    "Momentum.step(new double[0], new double[0], new double[0], 0.1, 0.9)",
                    () -> Momentum.step(new double[0], new double[0], new double[0], 0.1, 0.9), "parameter");
            assertRejects(IllegalArgumentException.class, "Momentum.step(THETA, {1}, VELOCITY, 0.1, 0.9)",
                    () -> Momentum.step(THETA, new double[] {1}, VELOCITY, 0.1, 0.9), "gradient");
            assertRejects(IllegalArgumentException.class, "Momentum.step(THETA, GRADIENT, {1, 2, 3}, 0.1, 0.9)",
                    () -> Momentum.step(THETA, GRADIENT, new double[] {1, 2, 3}, 0.1, 0.9), "velocity");
        }

        @ParameterizedTest(name = "learningRate = {0}")
        @ValueSource(doubles = {0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("the learning rate must be finite and > 0")
        void badLearningRate(double lr) {
            assertRejects(IllegalArgumentException.class, "Momentum.step(THETA, GRADIENT, VELOCITY, " + lr + ", 0.9)",
                    () -> Momentum.step(THETA, GRADIENT, VELOCITY, lr, 0.9), "learningRate");
        }

        @ParameterizedTest(name = "momentum = {0}")
        @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
        @DisplayName("the momentum must be in [0, 1)")
        void badMomentum(double mu) {
            assertRejects(IllegalArgumentException.class, "Momentum.step(THETA, GRADIENT, VELOCITY, 0.01, " + mu + ")",
                    () -> Momentum.step(THETA, GRADIENT, VELOCITY, 0.01, mu), "momentum");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("θ updated with the old velocity: from rest the first step must already move θ")
        void parameterUpdatedWithOldVelocity() {
            Momentum.Update update = Momentum.step(new double[] {1.0}, new double[] {2.0}, new double[] {0.0}, 0.1,
                    0.9);

            assertThat(update.parameter()[0])
                    .as("θ' is %s but must be 1 − 0.2 = 0.8: did you subtract the old velocity v instead of the"
                            + " new one? Compute v' = μ·v + η·g first, then θ' = θ − v'", update.parameter()[0])
                    .isCloseTo(0.8, within(EXACT));
        }

        @Test
        @DisplayName("η applied twice: the velocity already contains η, θ' = θ − v'")
        void learningRateAppliedTwice() {
            Momentum.Update update = Momentum.step(THETA, GRADIENT, VELOCITY, 0.01, 0.9);

            assertVectorClose("θ' must be θ − v' = [0.549, 1.098]: θ − η·v' = [0.99549, 1.99098] multiplies by the"
                    + " learning rate a second time (v' = μ·v + η·g already has η in it)", update.parameter(),
                    new double[] {0.549, 1.098}, EXACT);
        }

        @Test
        @DisplayName("velocity as an average: v' = μ·v + η·g, not μ·v + (1 − μ)·η·g")
        void velocityAveragedInsteadOfSummed() {
            Momentum.Update update = Momentum.step(new double[] {1.0}, new double[] {2.0}, new double[] {0.0}, 0.1,
                    0.9);

            assertThat(update.velocity()[0])
                    .as("v' is %s but must be η·g = 0.2: a factor (1 − μ) on the gradient (dampening, as in an"
                            + " exponential moving average) shrinks every step; the heavy-ball velocity is"
                            + " μ·v + η·g", update.velocity()[0])
                    .isCloseTo(0.2, within(EXACT));
        }

        @Test
        @DisplayName("velocity sign flipped: with v' = μ·v − η·g the update must be θ + v', or it goes uphill")
        void velocitySignFlipped() {
            Momentum.Update update = Momentum.step(new double[] {1.0}, new double[] {2.0}, new double[] {0.0}, 0.1,
                    0.9);

            assertThat(update.parameter()[0])
                    .as("a positive gradient moved θ up, to %s: the step must go against the gradient."
                            + " This kata's convention is v' = μ·v + η·g and θ' = θ − v'", update.parameter()[0])
                    .isLessThan(1.0);
            assertThat(update.velocity()[0])
                    .as("v' must be +η·g = 0.2 with this kata's sign convention (v' = μ·v + η·g)")
                    .isCloseTo(0.2, within(EXACT));
        }

        @Test
        @DisplayName("inputs modified in place: the caller's θ and v must stay as they were")
        void inputsModifiedInPlace() {
            double[] theta = {1.0, 2.0};
            double[] velocity = {0.5, 1.0};

            Momentum.step(theta, GRADIENT, velocity, 0.01, 0.9);

            assertThat(theta).as("the parameter array was changed: return new arrays in the Update instead of"
                    + " writing into the inputs").containsExactly(1.0, 2.0);
            assertThat(velocity).as("the velocity array was changed: return new arrays in the Update instead of"
                    + " writing into the inputs").containsExactly(0.5, 1.0);
        }
    }
}
