package mlkatas.sequence;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("7.1 Lstm: a long short-term memory layer over a sequence")
class LstmTest {

    /** Deep-ML's examples are quoted to 8 decimals. */
    private static final double EIGHT_DECIMALS = 1e-8;
    /** A few steps of the same formulas computed in the test: only rounding differs. */
    private static final double EXACT = 1e-12;
    /**
     * PyTorch in float64 computes the same gates with another summation order; over up to 10 steps of
     * saturating nonlinearities rounding stays near 1e-15, far below any real mistake.
     */
    private static final double TORCH = 1e-10;
    /**
     * A forget gate with bias −50 lets through at most σ(−50 + 16) ≈ 2e-15 of the old cell (|W x + U h| ≤ 16
     * here) and an input gate with bias +50 passes all but 2e-15 of the candidate.
     */
    private static final double SATURATED = 1e-12;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one step of a one-unit LSTM: c = i·c̃ from a zero cell, h = o·tanh(c)")
        void oneStep() {
            // Deep-ML's weights: [U | W] = [0.5, 0.5] for f, i, o and [0.3, 0.3] for the candidate, bias 0.1.
            // From h0 = c0 = 0 with x = 1: f = i = o = σ(0.5 + 0.1) and c̃ = tanh(0.3 + 0.1).
            Lstm lstm = deepMlOneUnit();
            double gate = sigmoid(0.6);
            double expectedCell = gate * Math.tanh(0.4);
            double expectedHidden = gate * Math.tanh(expectedCell);

            Lstm.Result result = lstm.forward(new double[][] {{1}}, new double[] {0}, new double[] {0});

            assertVectorClose("cell after one step", result.cell(), new double[] {expectedCell}, EXACT);
            assertVectorClose("hidden after one step", result.hidden(), new double[] {expectedHidden}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 59, one unit, inputs 1, 2, 3 → h 0.73698596, c 1.27787829")
        void deepMlOneUnitThreeSteps() {
            Lstm.Result result = deepMlOneUnit().forward(new double[][] {{1}, {2}, {3}}, new double[] {0},
                    new double[] {0});

            assertVectorClose("final hidden state", result.hidden(), new double[] {0.73698596}, EIGHT_DECIMALS);
            assertVectorClose("final cell state", result.cell(), new double[] {1.27787829}, EIGHT_DECIMALS);
            assertThat(result.hiddenStates()).as("one hidden state per step").hasDimensions(3, 1);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 59, two units, two steps → h [0.16613133, 0.40299449], c [0.28673137, 0.65559038]")
        void deepMlTwoUnitsTwoSteps() {
            // Deep-ML's concatenated matrix [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]] multiplies [h; x]:
            // its first two columns are U (for h), its last two W (for x).
            Lstm.Gate gate = new Lstm.Gate(new double[][] {{0.3, 0.4}, {0.7, 0.8}},
                    new double[][] {{0.1, 0.2}, {0.5, 0.6}}, new double[] {0.1, 0.2});
            Lstm lstm = new Lstm(gate, gate, gate, gate);

            Lstm.Result result = lstm.forward(new double[][] {{0.1, 0.2}, {0.3, 0.4}}, new double[2], new double[2]);

            assertVectorClose("final hidden state", result.hidden(), new double[] {0.16613133, 0.40299449},
                    EIGHT_DECIMALS);
            assertVectorClose("final cell state", result.cell(), new double[] {0.28673137, 0.65559038},
                    EIGHT_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("every hidden state lies strictly inside (−1, 1)")
        void hiddenStatesBounded() {
            qt().withExamples(200).forAll(setups(1, 6, 0)).checkAssert(s -> {
                Lstm.Result result = s.lstm().forward(s.inputs(), s.h0(), s.c0());
                for (double[] h : result.hiddenStates()) {
                    for (double value : h) {
                        assertThat(Math.abs(value)).as("|h| = o·|tanh(c)| in %s", Arrays.toString(h))
                                .isLessThan(1.0);
                    }
                }
            });
        }

        @Test
        @DisplayName("a closed forget gate and an open input gate make the cell equal the step's candidate")
        void closedForgetGateKeepsOnlyTheCandidate() {
            qt().withExamples(200).forAll(setups(1, 6, 50)).checkAssert(s -> {
                Lstm.Result result = s.lstm().forward(s.inputs(), s.h0(), s.c0());
                int last = s.inputs().length - 1;
                double[] previousHidden = last == 0 ? s.h0() : result.hiddenStates()[last - 1];
                Lstm.Gate c = s.gates()[2];
                double[] candidate = new double[s.h0().length];
                for (int j = 0; j < candidate.length; j++) {
                    candidate[j] = Math.tanh(dot(c.inputWeights()[j], s.inputs()[last])
                            + dot(c.recurrentWeights()[j], previousHidden) + c.bias()[j]);
                }

                assertVectorClose("final cell with f ≈ 0 and i ≈ 1 vs the last step's c̃", result.cell(),
                        candidate, SATURATED);
            });
        }

        @Test
        @DisplayName("an empty sequence returns copies of h0 and c0 and no hidden states")
        void emptySequenceReturnsInitialState() {
            qt().withExamples(200).forAll(setups(0, 0, 0)).checkAssert(s -> {
                Lstm.Result result = s.lstm().forward(s.inputs(), s.h0(), s.c0());

                assertThat(result.hiddenStates()).as("hidden states of an empty sequence").isEmpty();
                assertThat(result.hidden()).as("final hidden state").containsExactly(s.h0())
                        .isNotSameAs(s.h0());
                assertThat(result.cell()).as("final cell state").containsExactly(s.c0()).isNotSameAs(s.c0());
            });
        }

        @Test
        @DisplayName("the last of the hidden states is the final hidden state, one H-wide row per step")
        void lastHiddenStateIsTheResult() {
            qt().withExamples(200).forAll(setups(1, 6, 0)).checkAssert(s -> {
                Lstm.Result result = s.lstm().forward(s.inputs(), s.h0(), s.c0());

                assertThat(result.hiddenStates()).hasDimensions(s.inputs().length, s.h0().length);
                assertThat(result.hiddenStates()[s.inputs().length - 1]).as("hiddenStates[T − 1]")
                        .containsExactly(result.hidden());
            });
        }

        @Test
        @DisplayName("the inputs and the initial state are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(200).forAll(setups(1, 6, 0)).checkAssert(s -> {
                double[][] inputs = deepCopy(s.inputs());
                double[] h0 = s.h0().clone();
                double[] c0 = s.c0().clone();

                s.lstm().forward(s.inputs(), s.h0(), s.c0());

                assertThat(s.inputs()).as("inputs after the call").isDeepEqualTo(inputs);
                assertThat(s.h0()).as("h0 after the call").containsExactly(h0);
                assertThat(s.c0()).as("c0 after the call").containsExactly(c0);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final LstmOracle.Case[] TORCH_CASES = LstmOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_CASES")
        @DisplayName("matches PyTorch's nn.LSTM (float64, gates stacked i, f, g, o, bias_hh = 0)")
        void matchesTorch(LstmOracle.Case c) {
            Lstm lstm = new Lstm(c.forget(), c.input(), c.candidate(), c.output());

            Lstm.Result result = lstm.forward(c.inputs(), c.h0(), c.c0());

            assertMatrixClose("hidden states for " + c.name(), result.hiddenStates(), c.hiddenStates(), TORCH);
            assertVectorClose("final hidden state for " + c.name(), result.hidden(), c.hidden(), TORCH);
            assertVectorClose("final cell state for " + c.name(), result.cell(), c.cell(), TORCH);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("all-zero weights open every gate halfway: the cell halves each step")
        void zeroWeightsHalveTheCell() {
            // f = i = o = σ(0) = 0.5 and c̃ = tanh(0) = 0, so c ← c/2 and h = tanh(c)/2.
            Lstm.Gate zero = new Lstm.Gate(new double[][] {{0}}, new double[][] {{0}}, new double[] {0});
            Lstm lstm = new Lstm(zero, zero, zero, zero);

            Lstm.Result result = lstm.forward(new double[][] {{5}, {-3}}, new double[] {0.7}, new double[] {4});

            assertVectorClose("cell after two steps", result.cell(), new double[] {1}, EXACT);
            assertMatrixClose("hidden states", result.hiddenStates(),
                    new double[][] {{Math.tanh(2) / 2}, {Math.tanh(1) / 2}}, EXACT);
        }

        @Test
        @DisplayName("the layer keeps its own copy of the weights: changing the caller's arrays later changes nothing")
        void weightsCopied() {
            Lstm.Gate forget = gate(1, 1, 0.5);
            Lstm.Gate input = gate(1, 1, 0.5);
            Lstm.Gate candidate = gate(1, 1, 0.5);
            Lstm.Gate output = gate(1, 1, 0.5);
            Lstm lstm = new Lstm(forget, input, candidate, output);
            double[][] inputs = {{1.0}};
            Lstm.Result before = lstm.forward(inputs, new double[1], new double[1]);

            for (Lstm.Gate g : List.of(forget, input, candidate, output)) {
                g.inputWeights()[0][0] = -7;
                g.recurrentWeights()[0][0] = -7;
                g.bias()[0] = -7;
            }
            Lstm.Result after = lstm.forward(inputs, new double[1], new double[1]);

            assertVectorClose("h after the caller overwrote the gates' arrays (the constructor must copy them)",
                    after.hidden(), before.hidden(), EXACT);
            assertVectorClose("c after the caller overwrote the gates' arrays (the constructor must copy them)",
                    after.cell(), before.cell(), EXACT);
        }

        @Test
        @DisplayName("a null gate, or a null array inside a gate, is rejected with a NullPointerException naming it")
        void nullGates() {
            Lstm.Gate g = gate(2, 3, 0.1);
            assertRejects(NullPointerException.class, "new Lstm(null, g, g, g)",
                    () -> new Lstm(null, g, g, g), "forget");
            assertRejects(NullPointerException.class, "new Lstm(g, g, g, null)",
                    () -> new Lstm(g, g, g, null), "output");
            Lstm.Gate noBias = new Lstm.Gate(g.inputWeights(), g.recurrentWeights(), null);
            assertRejects(NullPointerException.class, "new Lstm(g, g, noBias, g)",
                    () -> new Lstm(g, g, noBias, g), "candidate.bias");
        }

        @Test
        @DisplayName("a gate whose shapes differ from the forget gate's is rejected, naming that gate")
        void mismatchedGates() {
            Lstm.Gate g = gate(2, 3, 0.1);
            assertRejects(IllegalArgumentException.class, "new Lstm(g, gate(2, 4, 0.1), g, g)",
                    () -> new Lstm(g, gate(2, 4, 0.1), g, g), "input.inputWeights");
            assertRejects(IllegalArgumentException.class, "new Lstm(g, g, gate(3, 3, 0.1), g)",
                    () -> new Lstm(g, g, gate(3, 3, 0.1), g), "candidate.inputWeights");
        }

        @Test
        @DisplayName("recurrent weights must be H×H and the bias of length H")
        void badGateShapes() {
            Lstm.Gate g = gate(2, 3, 0.1);
            Lstm.Gate wideRecurrent = new Lstm.Gate(g.inputWeights(), new double[][] {{1, 2, 3}, {4, 5, 6}},
                    g.bias());
            Lstm.Gate longBias = new Lstm.Gate(g.inputWeights(), g.recurrentWeights(), new double[] {1, 2, 3});
            assertRejects(IllegalArgumentException.class, "new Lstm(wideRecurrent, g, g, g)",
                    () -> new Lstm(wideRecurrent, g, g, g), "forget.recurrentWeights");
            assertRejects(IllegalArgumentException.class, "new Lstm(g, g, g, longBias)",
                    () -> new Lstm(g, g, g, longBias), "output.bias");
        }

        @Test
        @DisplayName("empty or ragged forget-gate input weights are rejected")
        void emptyOrRaggedWeights() {
            Lstm.Gate g = gate(2, 3, 0.1);
            Lstm.Gate empty = new Lstm.Gate(new double[0][], new double[0][], new double[0]);
            Lstm.Gate ragged = new Lstm.Gate(new double[][] {{1, 2, 3}, {4}}, g.recurrentWeights(), g.bias());
            assertRejects(IllegalArgumentException.class, "new Lstm(empty, empty, empty, empty)",
                    () -> new Lstm(empty, empty, empty, empty), "forget.inputWeights");
            assertRejects(IllegalArgumentException.class, "new Lstm(ragged, g, g, g)",
                    () -> new Lstm(ragged, g, g, g), "forget.inputWeights");
        }

        @Test
        @DisplayName("null inputs, a null input row, h0 or c0 are rejected with a NullPointerException naming them")
        void nullForwardArguments() {
            Lstm lstm = twoByThree();
            double[][] inputs = {{1, 2, 3}};
            assertRejects(NullPointerException.class, "lstm.forward(null, new double[2], new double[2])",
                    () -> lstm.forward(null, new double[2], new double[2]), "inputs");
            assertRejects(NullPointerException.class, "lstm.forward(inputs, null, new double[2])",
                    () -> lstm.forward(inputs, null, new double[2]), "h0");
            assertRejects(NullPointerException.class, "lstm.forward(inputs, new double[2], null)",
                    () -> lstm.forward(inputs, new double[2], null), "c0");
            assertRejects(NullPointerException.class, "lstm.forward({{1, 2, 3}, null}, new double[2], new double[2])",
                    () -> lstm.forward(new double[][] {{1, 2, 3}, null}, new double[2], new double[2]), "inputs[1]");
        }

        @Test
        @DisplayName("each input row must have the I entries the weights expect")
        void wrongInputWidth() {
            Lstm lstm = twoByThree();
            assertRejects(IllegalArgumentException.class,
                    "lstm.forward({{1, 2, 3}, {1, 2}}, new double[2], new double[2])",
                    () -> lstm.forward(new double[][] {{1, 2, 3}, {1, 2}}, new double[2], new double[2]),
                    "inputs[1]");
        }

        @Test
        @DisplayName("h0 and c0 must have H entries")
        void wrongStateLength() {
            Lstm lstm = twoByThree();
            double[][] inputs = {{1, 2, 3}};
            assertRejects(IllegalArgumentException.class, "lstm.forward(inputs, new double[3], new double[2])",
                    () -> lstm.forward(inputs, new double[3], new double[2]), "h0");
            assertRejects(IllegalArgumentException.class, "lstm.forward(inputs, new double[2], new double[1])",
                    () -> lstm.forward(inputs, new double[2], new double[1]), "c0");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("input and recurrent weights swapped: W multiplies x, U multiplies h")
        void inputAndRecurrentWeightsSwapped() {
            // Input weights 1, recurrent weights 0: from h0 = 0 the first step sees only W·x = 1.
            // Swapped, every pre-activation is U·x + W·h0 = 0 and nothing happens.
            Lstm.Gate g = new Lstm.Gate(new double[][] {{1}}, new double[][] {{0}}, new double[] {0});
            Lstm lstm = new Lstm(g, g, g, g);
            double expectedCell = sigmoid(1) * Math.tanh(1);

            Lstm.Result result = lstm.forward(new double[][] {{1}}, new double[] {0}, new double[] {0});

            assertVectorClose("the first step ignored x (cell " + result.cell()[0] + " instead of σ(1)·tanh(1)):"
                    + " are inputWeights and recurrentWeights swapped? W (H×I) multiplies x and U (H×H) multiplies"
                    + " h. Deep-ML's concatenated matrix multiplies [h; x], so its FIRST H columns are U",
                    result.cell(), new double[] {expectedCell}, EXACT);
        }

        @Test
        @DisplayName("the same array appended for every step: each hidden state must keep its own values")
        void sameArrayForEveryStep() {
            Lstm lstm = deepMlOneUnit();
            double[] firstStep = lstm.forward(new double[][] {{1}}, new double[] {0}, new double[] {0}).hidden();

            Lstm.Result result = lstm.forward(new double[][] {{1}, {2}, {3}}, new double[] {0}, new double[] {0});

            assertThat(result.hiddenStates()[0])
                    .as("hiddenStates[0] is %s, the final h, instead of h after step 1 (%s): was one array updated"
                            + " in place and appended at every step? Append a copy (h.clone()) or a fresh array per"
                            + " step", Arrays.toString(result.hiddenStates()[0]), Arrays.toString(firstStep))
                    .containsExactly(firstStep, within(EXACT));
        }

        @Test
        @DisplayName("tanh and σ swapped on the output: h = σ(output gate) · tanh(c)")
        void outputTanhAndSigmoidSwapped() {
            // f ≈ 0, i ≈ 1, c̃ = tanh(−1), o ≈ 1: the cell is negative, so h = tanh(c) must be negative too.
            Lstm.Gate forget = bias(-50);
            Lstm.Gate input = bias(50);
            Lstm.Gate candidate = bias(-1);
            Lstm.Gate output = bias(50);
            Lstm lstm = new Lstm(forget, input, candidate, output);

            Lstm.Result result = lstm.forward(new double[][] {{0}}, new double[] {0}, new double[] {0});

            assertThat(result.hidden()[0])
                    .as("with an open output gate and cell c = tanh(−1) the hidden state is %s instead of"
                            + " tanh(tanh(−1)) = −0.642: were σ and tanh swapped on the output? The output gate is"
                            + " o = σ(W_o x + U_o h + b_o), and h = o ⊙ tanh(c)", result.hidden()[0])
                    .isCloseTo(Math.tanh(Math.tanh(-1)), within(EXACT));
        }
    }

    /** Deep-ML 59's one-unit layer: [U | W] = [0.5, 0.5] (candidate [0.3, 0.3]), every bias 0.1. */
    private static Lstm deepMlOneUnit() {
        Lstm.Gate gate = new Lstm.Gate(new double[][] {{0.5}}, new double[][] {{0.5}}, new double[] {0.1});
        Lstm.Gate candidate = new Lstm.Gate(new double[][] {{0.3}}, new double[][] {{0.3}}, new double[] {0.1});
        return new Lstm(gate, gate, candidate, gate);
    }

    private static Lstm twoByThree() {
        Lstm.Gate g = gate(2, 3, 0.1);
        return new Lstm(g, g, g, g);
    }

    /** An H×I gate whose every weight and bias is {@code value}. */
    private static Lstm.Gate gate(int h, int i, double value) {
        double[][] w = new double[h][i];
        double[][] u = new double[h][h];
        double[] b = new double[h];
        for (int r = 0; r < h; r++) {
            Arrays.fill(w[r], value);
            Arrays.fill(u[r], value);
        }
        Arrays.fill(b, value);
        return new Lstm.Gate(w, u, b);
    }

    /** A one-unit gate with zero weights and the given bias. */
    private static Lstm.Gate bias(double b) {
        return new Lstm.Gate(new double[][] {{0}}, new double[][] {{0}}, new double[] {b});
    }

    /** Gates (forget, input, candidate, output), an input sequence and an initial state. */
    record Setup(Lstm.Gate[] gates, double[][] inputs, double[] h0, double[] c0) {
        Lstm lstm() {
            return new Lstm(gates[0], gates[1], gates[2], gates[3]);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            String[] names = {"forget", "input", "candidate", "output"};
            for (int g = 0; g < 4; g++) {
                sb.append(names[g]).append(": W=").append(Arrays.deepToString(gates[g].inputWeights()))
                        .append(" U=").append(Arrays.deepToString(gates[g].recurrentWeights()))
                        .append(" b=").append(Arrays.toString(gates[g].bias())).append('\n');
            }
            return sb.append("inputs=").append(Arrays.deepToString(inputs)).append(" h0=")
                    .append(Arrays.toString(h0)).append(" c0=").append(Arrays.toString(c0)).toString();
        }
    }

    /**
     * Random layers with I, H in [1, 4], weights and biases in [−1, 1], inputs in [−3, 3], |h0|, |c0| ≤ 1 and
     * T in [minSteps, maxSteps]. A nonzero {@code saturation} closes the forget gate (bias −saturation) and
     * opens the input gate (bias +saturation).
     */
    private static Gen<Setup> setups(int minSteps, int maxSteps, double saturation) {
        Gen<Integer> sizes = integers().between(1, 4);
        Gen<Integer> steps = integers().between(minSteps, maxSteps);
        Gen<Setup> gen = in -> {
            int i = sizes.generate(in);
            int h = sizes.generate(in);
            Lstm.Gate[] gates = new Lstm.Gate[4];
            for (int g = 0; g < 4; g++) {
                double[] b = Gens.vectors(h, -1, 1).generate(in);
                if (saturation != 0 && g < 2) {
                    Arrays.fill(b, g == 0 ? -saturation : saturation);
                }
                gates[g] = new Lstm.Gate(Gens.matrices(h, i, -1, 1).generate(in), Gens.matrices(h, h, -1, 1)
                        .generate(in), b);
            }
            int t = steps.generate(in);
            double[][] inputs = t == 0 ? new double[0][] : Gens.matrices(t, i, -3, 3).generate(in);
            return new Setup(gates, inputs, Gens.vectors(h, -1, 1).generate(in), Gens.vectors(h, -1, 1)
                    .generate(in));
        };
        return gen.describedAs(Setup::toString);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
