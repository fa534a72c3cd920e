package mlkatas.sequence;

import mlkatas.Checks;
import org.apache.commons.math3.util.FastMath;

/**
 * Kata 7.1 Lstm: run a long short-term memory layer over a sequence.
 *
 * <p>See katas.md, section "7.1 Lstm".
 *
 * <p>I is the input width and H the hidden width. Each gate has its own weights: W (H×I) applied to the
 * input x, U (H×H) applied to the previous hidden state h, and a bias b (H). For every time step:
 * <pre>
 *   f  = σ(W_f x + U_f h + b_f)        forget gate
 *   i  = σ(W_i x + U_i h + b_i)        input gate
 *   c̃  = tanh(W_c x + U_c h + b_c)     candidate cell
 *   o  = σ(W_o x + U_o h + b_o)        output gate
 *   c ← f ⊙ c + i ⊙ c̃
 *   h ← o ⊙ tanh(c)
 * </pre>
 * Deep-ML writes one matrix per gate applied to the concatenation [h; x]: that matrix is [U | W], with the
 * recurrent part first.
 */
public final class Lstm {

    /**
     * One gate's parameters.
     *
     * @param inputWeights     W, H×I, multiplies the input x
     * @param recurrentWeights U, H×H, multiplies the previous hidden state h
     * @param bias             b, length H
     */
    public record Gate(double[][] inputWeights, double[][] recurrentWeights, double[] bias) {
    }

    /**
     * The result of a forward pass.
     *
     * @param hiddenStates T×H: row t is h after step t (each row its own array)
     * @param hidden       the final hidden state h_T (h0 for an empty sequence)
     * @param cell         the final cell state c_T (c0 for an empty sequence)
     */
    public record Result(double[][] hiddenStates, double[] hidden, double[] cell) {
    }

    private final Gate forget;
    private final Gate input;
    private final Gate candidate;
    private final Gate output;
    private final int inputSize;
    private final int hiddenSize;

    /**
     * Builds an LSTM layer from its four gates. The gates' arrays are copied.
     *
     * @param forget    the forget gate f
     * @param input     the input gate i
     * @param candidate the candidate cell c̃ (the only one squashed with tanh)
     * @param output    the output gate o
     * @throws NullPointerException     if a gate or one of its arrays is null (naming it, e.g.
     *                                  {@code candidate.bias})
     * @throws IllegalArgumentException if the forget gate's inputWeights is empty or ragged, its
     *                                  recurrentWeights is not H×H or its bias not of length H, or another gate
     *                                  does not have exactly the forget gate's shapes (naming the array, e.g.
     *                                  {@code input.inputWeights})
     */
    public Lstm(Gate forget, Gate input, Gate candidate, Gate output) {
        Checks.notNull(forget, "forget");
        this.inputSize = Checks.matrix(forget.inputWeights(), "forget.inputWeights");
        this.hiddenSize = forget.inputWeights().length;
        this.forget = checkedCopy(forget, "forget");
        this.input = checkedCopy(input, "input");
        this.candidate = checkedCopy(candidate, "candidate");
        this.output = checkedCopy(output, "output");
    }

    /**
     * Runs the layer over {@code inputs} from the initial state (h0, c0).
     *
     * @param inputs T×I, one row per time step; T = 0 is allowed (the state is returned unchanged)
     * @param h0     initial hidden state, length H
     * @param c0     initial cell state, length H
     * @return the hidden state after every step and the final hidden and cell states, all new arrays
     * @throws NullPointerException     if an argument or a row of {@code inputs} is null (a row is named
     *                                  {@code inputs[t]})
     * @throws IllegalArgumentException if a row of {@code inputs} does not have I entries (naming
     *                                  {@code inputs[t]}), or h0 or c0 does not have H entries
     */
    public Result forward(double[][] inputs, double[] h0, double[] c0) {
        Checks.notNull(inputs, "inputs");
        for (int t = 0; t < inputs.length; t++) {
            Checks.notNull(inputs[t], "inputs[" + t + "]");
            Checks.length(inputs[t].length, inputSize, "inputs[" + t + "]", "the input width I of the weights");
        }
        Checks.notNull(h0, "h0");
        Checks.length(h0.length, hiddenSize, "h0", "the hidden size H");
        Checks.notNull(c0, "c0");
        Checks.length(c0.length, hiddenSize, "c0", "the hidden size H");

        double[] h = h0.clone();
        double[] c = c0.clone();
        double[][] hiddenStates = new double[inputs.length][];
        for (int t = 0; t < inputs.length; t++) {
            double[] x = inputs[t];
            double[] f = sigmoid(preActivation(forget, x, h));
            double[] i = sigmoid(preActivation(input, x, h));
            double[] cTilde = tanh(preActivation(candidate, x, h));
            double[] o = sigmoid(preActivation(output, x, h));
            double[] nextC = new double[hiddenSize];
            double[] nextH = new double[hiddenSize];
            for (int j = 0; j < hiddenSize; j++) {
                nextC[j] = f[j] * c[j] + i[j] * cTilde[j];
                nextH[j] = o[j] * FastMath.tanh(nextC[j]);
            }
            c = nextC;
            h = nextH;
            hiddenStates[t] = h.clone();
        }
        return new Result(hiddenStates, h, c);
    }

    /** W x + U h + b for one gate. */
    private static double[] preActivation(Gate gate, double[] x, double[] h) {
        double[] z = gate.bias().clone();
        for (int j = 0; j < z.length; j++) {
            z[j] += dot(gate.inputWeights()[j], x) + dot(gate.recurrentWeights()[j], h);
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static double[] sigmoid(double[] z) {
        double[] s = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            s[j] = 1 / (1 + FastMath.exp(-z[j]));
        }
        return s;
    }

    private static double[] tanh(double[] z) {
        double[] s = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            s[j] = FastMath.tanh(z[j]);
        }
        return s;
    }

    /** Checks a gate against the shapes I and H and returns a deep copy. */
    private Gate checkedCopy(Gate gate, String name) {
        Checks.notNull(gate, name);
        double[][] w = exactShape(gate.inputWeights(), hiddenSize, inputSize, name + ".inputWeights", "H x I");
        double[][] u = exactShape(gate.recurrentWeights(), hiddenSize, hiddenSize, name + ".recurrentWeights",
                "H x H");
        Checks.notNull(gate.bias(), name + ".bias");
        Checks.length(gate.bias().length, hiddenSize, name + ".bias", "the hidden size H");
        return new Gate(w, u, gate.bias().clone());
    }

    private static double[][] exactShape(double[][] m, int rows, int cols, String name, String symbols) {
        Checks.notNull(m, name);
        boolean ok = m.length == rows;
        for (int r = 0; ok && r < rows; r++) {
            Checks.notNull(m[r], name + "[" + r + "]");
            ok = m[r].length == cols;
        }
        if (!ok) {
            throw new IllegalArgumentException(name + " must be " + rows + "x" + cols + " (" + symbols
                    + ", the forget gate's shape), but is " + describe(m));
        }
        double[][] copy = new double[rows][];
        for (int r = 0; r < rows; r++) {
            copy[r] = m[r].clone();
        }
        return copy;
    }

    private static String describe(double[][] m) {
        if (m.length == 0) {
            return "empty";
        }
        for (double[] row : m) {
            if (row == null || row.length != m[0].length) {
                return m.length + " rows of unequal length";
            }
        }
        return m.length + "x" + m[0].length;
    }
}
