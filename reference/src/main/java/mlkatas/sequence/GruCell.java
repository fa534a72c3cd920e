package mlkatas.sequence;

import mlkatas.Checks;
import org.apache.commons.math3.util.FastMath;

/**
 * Kata 7.2 GruCell: one gated recurrent unit, stepped over a sequence.
 *
 * <p>See katas.md, section "7.2 GruCell".
 *
 * <p>I is the input width and H the hidden width. Each gate has input weights W (H×I), recurrent weights
 * U (H×H) and a bias b (H). One step from the previous hidden state h (Cho et al. 2014, as in Deep-ML):
 * <pre>
 *   z  = σ(W_z x + U_z h + b_z)             update gate: how much of the new candidate to take
 *   r  = σ(W_r x + U_r h + b_r)             reset gate: how much of h the candidate may see
 *   h̃  = tanh(W_h x + U_h (r ⊙ h) + b_h)    candidate (r is applied to h BEFORE U_h)
 *   h' = (1 − z) ⊙ h + z ⊙ h̃
 * </pre>
 * PyTorch's {@code GRUCell} uses the other conventions: z weights the old state, h' = z ⊙ h + (1 − z) ⊙ h̃,
 * and r multiplies U_h h after the product.
 */
public final class GruCell {

    /**
     * One gate's parameters.
     *
     * @param inputWeights     W, H×I, multiplies the input x
     * @param recurrentWeights U, H×H, multiplies the previous hidden state (the reset-gated one for the candidate)
     * @param bias             b, length H
     */
    public record Gate(double[][] inputWeights, double[][] recurrentWeights, double[] bias) {
    }

    private final Gate update;
    private final Gate reset;
    private final Gate candidate;
    private final int inputSize;
    private final int hiddenSize;

    /**
     * Builds a GRU cell from its three gates. The gates' arrays are copied.
     *
     * @param update    the update gate z
     * @param reset     the reset gate r
     * @param candidate the candidate h̃ (squashed with tanh)
     * @throws NullPointerException     if a gate or one of its arrays is null (naming it, e.g.
     *                                  {@code reset.bias})
     * @throws IllegalArgumentException if the update gate's inputWeights is empty or ragged, its
     *                                  recurrentWeights is not H×H or its bias not of length H, or another gate
     *                                  does not have exactly the update gate's shapes (naming the array, e.g.
     *                                  {@code reset.inputWeights})
     */
    public GruCell(Gate update, Gate reset, Gate candidate) {
        Checks.notNull(update, "update");
        this.inputSize = Checks.matrix(update.inputWeights(), "update.inputWeights");
        this.hiddenSize = update.inputWeights().length;
        this.update = checkedCopy(update, "update");
        this.reset = checkedCopy(reset, "reset");
        this.candidate = checkedCopy(candidate, "candidate");
    }

    /**
     * One step: the next hidden state from input {@code x} and previous state {@code hPrev}.
     *
     * @param x     the input, length I
     * @param hPrev the previous hidden state, length H
     * @return h' = (1 − z) ⊙ hPrev + z ⊙ h̃, a new array of length H
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code x} does not have I entries or {@code hPrev} not H
     */
    public double[] step(double[] x, double[] hPrev) {
        Checks.notNull(x, "x");
        Checks.length(x.length, inputSize, "x", "the input width I of the weights");
        Checks.notNull(hPrev, "hPrev");
        Checks.length(hPrev.length, hiddenSize, "hPrev", "the hidden size H");
        return advance(x, hPrev);
    }

    /**
     * Steps through {@code inputs} from {@code h0} and returns every hidden state.
     *
     * @param inputs T×I, one row per time step; T = 0 is allowed
     * @param h0     the initial hidden state, length H
     * @return T×H: row t is the hidden state after step t (0×H for no inputs); every row a new array
     * @throws NullPointerException     if an argument or a row of {@code inputs} is null (a row is named
     *                                  {@code inputs[t]})
     * @throws IllegalArgumentException if a row of {@code inputs} does not have I entries (naming
     *                                  {@code inputs[t]}) or {@code h0} not H
     */
    public double[][] run(double[][] inputs, double[] h0) {
        Checks.notNull(inputs, "inputs");
        for (int t = 0; t < inputs.length; t++) {
            Checks.notNull(inputs[t], "inputs[" + t + "]");
            Checks.length(inputs[t].length, inputSize, "inputs[" + t + "]", "the input width I of the weights");
        }
        Checks.notNull(h0, "h0");
        Checks.length(h0.length, hiddenSize, "h0", "the hidden size H");

        double[][] states = new double[inputs.length][];
        double[] h = h0;
        for (int t = 0; t < inputs.length; t++) {
            h = advance(inputs[t], h);
            states[t] = h;
        }
        return states;
    }

    private double[] advance(double[] x, double[] h) {
        double[] z = sigmoid(add(affine(update.inputWeights(), x), affine(update.recurrentWeights(), h),
                update.bias()));
        double[] r = sigmoid(add(affine(reset.inputWeights(), x), affine(reset.recurrentWeights(), h),
                reset.bias()));
        double[] resetH = new double[hiddenSize];
        for (int j = 0; j < hiddenSize; j++) {
            resetH[j] = r[j] * h[j];
        }
        double[] hTilde = add(affine(candidate.inputWeights(), x), affine(candidate.recurrentWeights(), resetH),
                candidate.bias());
        double[] next = new double[hiddenSize];
        for (int j = 0; j < hiddenSize; j++) {
            next[j] = (1 - z[j]) * h[j] + z[j] * FastMath.tanh(hTilde[j]);
        }
        return next;
    }

    /** M·v. */
    private static double[] affine(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int j = 0; j < m.length; j++) {
            for (int k = 0; k < v.length; k++) {
                out[j] += m[j][k] * v[k];
            }
        }
        return out;
    }

    private static double[] add(double[] a, double[] b, double[] c) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] + b[j] + c[j];
        }
        return out;
    }

    private static double[] sigmoid(double[] z) {
        double[] s = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            s[j] = 1 / (1 + FastMath.exp(-z[j]));
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
                    + ", the update gate's shape), but is " + describe(m));
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
