package mlkatas.sequence;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("7.2 GruCell: a gated recurrent unit (Deep-ML's convention)")
class GruCellTest {

    /** The spec quotes Deep-ML's example to 5 decimals (0.15656; Deep-ML itself prints 0.1565). */
    private static final double FIVE_DECIMALS = 1e-5;
    /** One or two steps of the same formulas computed in the test: only rounding differs. */
    private static final double EXACT = 1e-12;
    /** A NumPy replay of the same formula: same operations, a different summation order. */
    private static final double REPLAY = 1e-12;
    /**
     * A gate with bias ±50 and |pre-activation − bias| ≤ 12 here is saturated to within σ(−38) ≈ 3e-17:
     * the state equals h or h̃ up to rounding.
     */
    private static final double SATURATED = 1e-12;
    /** run must do exactly what step does, in the same order: no rounding difference at all. */
    private static final double SAME = 0;
    /** PyTorch's convention (with the update gate negated) moves at least one entry by more than this. */
    private static final double VISIBLE = 1e-3;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one step from h = 0: the new state is z·h̃, here σ(0)·tanh(1) = tanh(1)/2")
        void oneStepFromZero() {
            // Update gate: no weights, bias 0 → z = ½. Candidate: input weight 1 → h̃ = tanh(1·x) with x = 1.
            // From h = 0, h' = (1 − z)·0 + z·h̃.
            GruCell cell = new GruCell(oneUnit(0, 0, 0), oneUnit(0, 0, 0), oneUnit(1, 0, 0));

            double[] next = cell.step(new double[] {1}, new double[] {0});

            assertVectorClose("h' after one step", next, new double[] {Math.tanh(1) / 2}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 287: x = [1, 0.5], h = 0, W_z = W_r = 0.1, W_h = 0.2, U = 0.2 → 0.15656 each")
        void deepMl() {
            GruCell cell = new GruCell(filled(3, 2, 0.1, 0.2), filled(3, 2, 0.1, 0.2), filled(3, 2, 0.2, 0.2));

            double[] next = cell.step(new double[] {1, 0.5}, new double[3]);

            // z = σ(0.15) and h̃ = tanh(0.3) in every unit: z·h̃ = 0.156560.
            assertVectorClose("h'", next, new double[] {0.15656, 0.15656, 0.15656}, FIVE_DECIMALS);
        }

        @Test
        @Order(3)
        @DisplayName("run returns the state after every step: Deep-ML's cell over two inputs")
        void runTwoSteps() {
            GruCell cell = new GruCell(filled(3, 2, 0.1, 0.2), filled(3, 2, 0.1, 0.2), filled(3, 2, 0.2, 0.2));
            double first = sigmoid(0.15) * Math.tanh(0.3);
            // Second step from h = first in every unit, by hand: a = W·x + U·h with x = [1, 0.5].
            double z = sigmoid(0.15 + 0.6 * first);
            double r = z; // the reset gate has the same weights as the update gate here
            double hTilde = Math.tanh(0.3 + 0.6 * r * first);
            double second = (1 - z) * first + z * hTilde;

            double[][] states = cell.run(new double[][] {{1, 0.5}, {1, 0.5}}, new double[3]);

            assertMatrixClose("states", states, new double[][] {{first, first, first}, {second, second, second}},
                    EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("|h'| < 1 whenever |h| < 1")
        void staysInsideTheUnitBox() {
            qt().withExamples(200).forAll(setups(1, 1, 0)).checkAssert(s -> {
                double[] next = s.cell().step(s.inputs()[0], s.h0());
                for (double value : next) {
                    assertThat(Math.abs(value)).as("|h'| for h' = %s", Arrays.toString(next)).isLessThan(1.0);
                }
            });
        }

        @Test
        @DisplayName("an update gate closed (bias −50, z ≈ 0) keeps the previous state")
        void closedUpdateGateKeepsTheState() {
            qt().withExamples(200).forAll(setups(1, 1, -50)).checkAssert(s -> {
                double[] next = s.cell().step(s.inputs()[0], s.h0());

                assertVectorClose("h' with z ≈ 0 vs h", next, s.h0(), SATURATED);
            });
        }

        @Test
        @DisplayName("an update gate open (bias +50, z ≈ 1) gives the candidate h̃")
        void openUpdateGateTakesTheCandidate() {
            qt().withExamples(200).forAll(setups(1, 1, 50)).checkAssert(s -> {
                double[] next = s.cell().step(s.inputs()[0], s.h0());

                assertVectorClose("h' with z ≈ 1 vs h̃ = tanh(W_h x + U_h (r ⊙ h) + b_h)", next,
                        candidate(s.gates(), s.inputs()[0], s.h0()), SATURATED);
            });
        }

        @Test
        @DisplayName("run is step applied row by row, one state per input")
        void runEqualsRepeatedSteps() {
            qt().withExamples(200).forAll(setups(0, 5, 0)).checkAssert(s -> {
                double[][] expected = new double[s.inputs().length][];
                double[] h = s.h0();
                for (int t = 0; t < expected.length; t++) {
                    h = s.cell().step(s.inputs()[t], h);
                    expected[t] = h;
                }

                assertMatrixClose("run(inputs, h0) vs repeated step(...)", s.cell().run(s.inputs(), s.h0()),
                        expected, SAME);
            });
        }

        @Test
        @DisplayName("the inputs and the initial state are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(200).forAll(setups(1, 5, 0)).checkAssert(s -> {
                double[][] inputs = Arrays.stream(s.inputs()).map(double[]::clone).toArray(double[][]::new);
                double[] h0 = s.h0().clone();

                s.cell().run(s.inputs(), s.h0());
                s.cell().step(s.inputs()[0], s.h0());

                assertThat(s.inputs()).as("inputs after the call").isDeepEqualTo(inputs);
                assertThat(s.h0()).as("h0 after the call").containsExactly(h0);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final GruCellOracle.Case[] NUMPY_CASES = GruCellOracle.CASES;
        static final GruCellOracle.TorchStep[] TORCH_ZERO_STATE = GruCellOracle.TORCH_ZERO_STATE;
        static final GruCellOracle.TorchStep[] TORCH_NONZERO_STATE = GruCellOracle.TORCH_NONZERO_STATE;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches a NumPy replay of the formula")
        void matchesNumpyReplay(GruCellOracle.Case c) {
            GruCell cell = new GruCell(c.update(), c.reset(), c.candidate());

            assertMatrixClose("states for " + c.name(), cell.run(c.inputs(), c.h0()), c.states(), REPLAY);
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_ZERO_STATE")
        @DisplayName("from h = 0 it agrees with PyTorch's GRUCell once PyTorch's update gate is negated")
        void agreesWithTorchFromZeroState(GruCellOracle.TorchStep c) {
            // PyTorch's z weights the old state; negating its update-gate parameters turns its z into our 1 − z.
            // With h = 0 where the reset gate goes (before or after U_h) cannot matter.
            GruCell cell = new GruCell(c.update(), c.reset(), c.candidate());

            assertVectorClose("h' vs PyTorch (update gate negated) from h = 0", cell.step(c.x(), c.hPrev()),
                    c.torchNext(), REPLAY);
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("TORCH_NONZERO_STATE")
        @DisplayName("from h ≠ 0 it differs from PyTorch's GRUCell, which applies r after U_h")
        void differsFromTorchFromNonzeroState(GruCellOracle.TorchStep c) {
            // PyTorch computes h̃ = tanh(W_h x + b_h + r ⊙ (U_h h)); this kata, like Deep-ML and Cho et al.,
            // tanh(W_h x + U_h (r ⊙ h) + b_h). Both are in use; the point is to know which one you implement.
            GruCell cell = new GruCell(c.update(), c.reset(), c.candidate());
            double[] ours = cell.step(c.x(), c.hPrev());
            double largest = 0;
            for (int j = 0; j < ours.length; j++) {
                largest = Math.max(largest, Math.abs(ours[j] - c.torchNext()[j]));
            }

            assertThat(largest).as("largest difference between this kata's h' %s and PyTorch's %s: the reset gate"
                    + " must act on h before U_h", Arrays.toString(ours), Arrays.toString(c.torchNext()))
                    .isGreaterThan(VISIBLE);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("no inputs give no states")
        void emptySequence() {
            GruCell cell = new GruCell(filled(2, 3, 0.1, 0.2), filled(2, 3, 0.1, 0.2), filled(2, 3, 0.1, 0.2));

            assertThat(cell.run(new double[0][], new double[] {0.3, -0.2})).as("run of an empty sequence").isEmpty();
        }

        @Test
        @DisplayName("the cell keeps its own copy of the weights: changing the caller's arrays later changes nothing")
        void weightsCopied() {
            GruCell.Gate update = filled(1, 1, 0.5, 0.5);
            GruCell.Gate reset = filled(1, 1, 0.5, 0.5);
            GruCell.Gate candidate = filled(1, 1, 0.5, 0.5);
            GruCell cell = new GruCell(update, reset, candidate);
            double[] before = cell.step(new double[] {1.0}, new double[] {0.5});

            for (GruCell.Gate g : new GruCell.Gate[] {update, reset, candidate}) {
                g.inputWeights()[0][0] = -7;
                g.recurrentWeights()[0][0] = -7;
                g.bias()[0] = -7;
            }
            double[] after = cell.step(new double[] {1.0}, new double[] {0.5});

            assertVectorClose("h' after the caller overwrote the gates' arrays (the constructor must copy them)",
                    after, before, EXACT);
        }

        @Test
        @DisplayName("a null gate, or a null array inside a gate, is rejected with a NullPointerException naming it")
        void nullGates() {
            GruCell.Gate g = filled(2, 3, 0.1, 0.2);
            assertRejects(NullPointerException.class, "new GruCell(null, g, g)",
                    () -> new GruCell(null, g, g), "update");
            assertRejects(NullPointerException.class, "new GruCell(g, g, null)",
                    () -> new GruCell(g, g, null), "candidate");
            GruCell.Gate noBias = new GruCell.Gate(g.inputWeights(), g.recurrentWeights(), null);
            assertRejects(NullPointerException.class, "new GruCell(g, noBias, g)",
                    () -> new GruCell(g, noBias, g), "reset.bias");
        }

        @Test
        @DisplayName("gates of different shapes, non-square recurrent weights or a wrong bias length are rejected")
        void badGateShapes() {
            GruCell.Gate g = filled(2, 3, 0.1, 0.2);
            GruCell.Gate wideRecurrent = new GruCell.Gate(g.inputWeights(), new double[][] {{1, 2, 3}, {4, 5, 6}},
                    g.bias());
            GruCell.Gate longBias = new GruCell.Gate(g.inputWeights(), g.recurrentWeights(), new double[3]);
            assertRejects(IllegalArgumentException.class, "new GruCell(g, filled(2, 4, 0.1, 0.2), g)",
                    () -> new GruCell(g, filled(2, 4, 0.1, 0.2), g), "reset.inputWeights");
            assertRejects(IllegalArgumentException.class, "new GruCell(wideRecurrent, g, g)",
                    () -> new GruCell(wideRecurrent, g, g), "update.recurrentWeights");
            assertRejects(IllegalArgumentException.class, "new GruCell(g, g, longBias)",
                    () -> new GruCell(g, g, longBias), "candidate.bias");
        }

        @Test
        @DisplayName("empty or ragged update-gate input weights are rejected")
        void emptyOrRaggedWeights() {
            GruCell.Gate g = filled(2, 3, 0.1, 0.2);
            GruCell.Gate empty = new GruCell.Gate(new double[0][], new double[0][], new double[0]);
            GruCell.Gate ragged = new GruCell.Gate(new double[][] {{1, 2, 3}, {4}}, g.recurrentWeights(), g.bias());
            assertRejects(IllegalArgumentException.class, "new GruCell(empty, empty, empty)",
                    () -> new GruCell(empty, empty, empty), "update.inputWeights");
            assertRejects(IllegalArgumentException.class, "new GruCell(ragged, g, g)",
                    () -> new GruCell(ragged, g, g), "update.inputWeights");
        }

        @Test
        @DisplayName("step rejects null or wrongly sized x and hPrev, naming them")
        void badStepArguments() {
            GruCell cell = new GruCell(filled(2, 3, 0.1, 0.2), filled(2, 3, 0.1, 0.2), filled(2, 3, 0.1, 0.2));
            assertRejects(NullPointerException.class, "cell.step(null, new double[2])",
                    () -> cell.step(null, new double[2]), "x");
            assertRejects(NullPointerException.class, "cell.step(new double[3], null)",
                    () -> cell.step(new double[3], null), "hPrev");
            assertRejects(IllegalArgumentException.class, "cell.step(new double[2], new double[2])",
                    () -> cell.step(new double[2], new double[2]), "x");
            assertRejects(IllegalArgumentException.class, "cell.step(new double[3], new double[3])",
                    () -> cell.step(new double[3], new double[3]), "hPrev");
        }

        @Test
        @DisplayName("run rejects null inputs, rows or h0, input rows of the wrong width and h0 of the wrong length")
        void badRunArguments() {
            GruCell cell = new GruCell(filled(2, 3, 0.1, 0.2), filled(2, 3, 0.1, 0.2), filled(2, 3, 0.1, 0.2));
            assertRejects(NullPointerException.class, "cell.run(null, new double[2])",
                    () -> cell.run(null, new double[2]), "inputs");
            assertRejects(NullPointerException.class, "cell.run({{1, 2, 3}}, null)",
                    () -> cell.run(new double[][] {{1, 2, 3}}, null), "h0");
            assertRejects(NullPointerException.class, "cell.run({{1, 2, 3}, null}, new double[2])",
                    () -> cell.run(new double[][] {{1, 2, 3}, null}, new double[2]), "inputs[1]");
            assertRejects(IllegalArgumentException.class, "cell.run({{1, 2, 3}, {1, 2}}, new double[2])",
                    () -> cell.run(new double[][] {{1, 2, 3}, {1, 2}}, new double[2]), "inputs[1]");
            assertRejects(IllegalArgumentException.class, "cell.run({{1, 2, 3}}, new double[1])",
                    () -> cell.run(new double[][] {{1, 2, 3}}, new double[1]), "h0");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("PyTorch's convention: here z weights the NEW candidate, h' = (1 − z)⊙h + z⊙h̃")
        void pytorchConvention() {
            // z = σ(50) = 1 and a candidate with no weights: h̃ = tanh(0) = 0. The state must become 0.
            GruCell cell = new GruCell(oneUnit(0, 0, 50), oneUnit(0, 0, 0), oneUnit(0, 0, 0));

            double[] next = cell.step(new double[] {1}, new double[] {0.5});

            assertVectorClose("with z = 1 the state stayed at " + next[0] + " instead of becoming the candidate 0:"
                    + " is z weighting the old state (PyTorch's GRUCell convention)? In this kata, as in Deep-ML"
                    + " and Cho et al. 2014, h' = (1 − z) ⊙ h + z ⊙ h̃", next, new double[] {0}, EXACT);
        }

        @Test
        @DisplayName("reset applied after U_h: the candidate sees U_h (r ⊙ h), not r ⊙ (U_h h)")
        void resetAfterRecurrent() {
            // Two units. r = [1, 0] (reset biases ±50), z = 1, U_h swaps the two units, W_h = 0, b_h = 0.
            // r ⊙ h = [0.5, 0] then U_h → [0, 0.5]; h̃ = [0, tanh(0.5)].
            // r ⊙ (U_h h) would be [1·(−0.3), 0·0.5] → h̃ = [tanh(−0.3), 0].
            GruCell.Gate update = new GruCell.Gate(new double[][] {{0}, {0}}, new double[2][2], new double[] {50, 50});
            GruCell.Gate reset = new GruCell.Gate(new double[][] {{0}, {0}}, new double[2][2], new double[] {50, -50});
            GruCell.Gate candidate = new GruCell.Gate(new double[][] {{0}, {0}}, new double[][] {{0, 1}, {1, 0}},
                    new double[2]);
            GruCell cell = new GruCell(update, reset, candidate);

            double[] next = cell.step(new double[] {0}, new double[] {0.5, -0.3});

            assertVectorClose("the candidate must be tanh(U_h (r ⊙ h)) = [0, tanh(0.5)]: was r applied after the"
                    + " product, r ⊙ (U_h h)? That is PyTorch's variant; this kata resets h before U_h",
                    next, new double[] {0, Math.tanh(0.5)}, EXACT);
        }

        @Test
        @DisplayName("sigmoid on the candidate: h̃ uses tanh and can be negative")
        void sigmoidOnCandidate() {
            // z = 1 and a candidate pre-activation of −1: h' = h̃ = tanh(−1) = −0.7616.
            GruCell cell = new GruCell(oneUnit(0, 0, 50), oneUnit(0, 0, 0), oneUnit(0, 0, -1));

            double[] next = cell.step(new double[] {0}, new double[] {0});

            assertVectorClose("with z = 1 and a candidate pre-activation of −1, h' must be tanh(−1) = −0.7616: was"
                    + " σ used for the candidate? Only the gates z and r are sigmoids; h̃ is a tanh",
                    next, new double[] {Math.tanh(-1)}, EXACT);
        }
    }

    /** A one-unit gate W = [[w]], U = [[u]], b = [b]. */
    private static GruCell.Gate oneUnit(double w, double u, double b) {
        return new GruCell.Gate(new double[][] {{w}}, new double[][] {{u}}, new double[] {b});
    }

    /** An H×I gate with every input weight {@code w}, every recurrent weight {@code u} and bias 0. */
    private static GruCell.Gate filled(int h, int i, double w, double u) {
        double[][] inputWeights = new double[h][i];
        double[][] recurrentWeights = new double[h][h];
        for (int r = 0; r < h; r++) {
            Arrays.fill(inputWeights[r], w);
            Arrays.fill(recurrentWeights[r], u);
        }
        return new GruCell.Gate(inputWeights, recurrentWeights, new double[h]);
    }

    /** h̃ = tanh(W_h x + U_h (r ⊙ h) + b_h), with r = σ(W_r x + U_r h + b_r). */
    private static double[] candidate(GruCell.Gate[] gates, double[] x, double[] h) {
        GruCell.Gate reset = gates[1];
        GruCell.Gate cand = gates[2];
        double[] resetH = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            resetH[j] = sigmoid(dot(reset.inputWeights()[j], x) + dot(reset.recurrentWeights()[j], h)
                    + reset.bias()[j]) * h[j];
        }
        double[] out = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            out[j] = Math.tanh(dot(cand.inputWeights()[j], x) + dot(cand.recurrentWeights()[j], resetH)
                    + cand.bias()[j]);
        }
        return out;
    }

    /** Gates (update, reset, candidate), an input sequence and an initial state. */
    record Setup(GruCell.Gate[] gates, double[][] inputs, double[] h0) {
        GruCell cell() {
            return new GruCell(gates[0], gates[1], gates[2]);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            String[] names = {"update", "reset", "candidate"};
            for (int g = 0; g < 3; g++) {
                sb.append(names[g]).append(": W=").append(Arrays.deepToString(gates[g].inputWeights()))
                        .append(" U=").append(Arrays.deepToString(gates[g].recurrentWeights()))
                        .append(" b=").append(Arrays.toString(gates[g].bias())).append('\n');
            }
            return sb.append("inputs=").append(Arrays.deepToString(inputs)).append(" h0=")
                    .append(Arrays.toString(h0)).toString();
        }
    }

    /**
     * Random cells with I, H in [1, 4], weights and biases in [−1, 1], inputs in [−2, 2] (so every
     * pre-activation stays within ±12 of its bias), |h0| &lt; 1 and T in [minSteps, maxSteps]. A nonzero
     * {@code updateBias} replaces the update gate's bias (±50 saturates z).
     */
    private static Gen<Setup> setups(int minSteps, int maxSteps, double updateBias) {
        Gen<Integer> sizes = integers().between(1, 4);
        Gen<Integer> steps = integers().between(minSteps, maxSteps);
        Gen<Setup> gen = in -> {
            int i = sizes.generate(in);
            int h = sizes.generate(in);
            GruCell.Gate[] gates = new GruCell.Gate[3];
            for (int g = 0; g < 3; g++) {
                double[] b = Gens.vectors(h, -1, 1).generate(in);
                if (updateBias != 0 && g == 0) {
                    Arrays.fill(b, updateBias);
                }
                gates[g] = new GruCell.Gate(Gens.matrices(h, i, -1, 1).generate(in),
                        Gens.matrices(h, h, -1, 1).generate(in), b);
            }
            int t = steps.generate(in);
            double[][] inputs = t == 0 ? new double[0][] : Gens.matrices(t, i, -2, 2).generate(in);
            return new Setup(gates, inputs, Gens.vectors(h, -0.999, 0.999).generate(in));
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
