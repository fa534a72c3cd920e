package mlkatas.sequence;

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
        throw new UnsupportedOperationException(
                "Kata 7.2 GruCell: implement the constructor, see katas.md#72-grucell");
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
        throw new UnsupportedOperationException(
                "Kata 7.2 GruCell: implement step(...), see katas.md#72-grucell");
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
        throw new UnsupportedOperationException(
                "Kata 7.2 GruCell: implement run(...), see katas.md#72-grucell");
    }
}
