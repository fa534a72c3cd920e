package mlkatas.sequence;

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
        throw new UnsupportedOperationException("Kata 7.1 Lstm: implement the constructor, see katas.md#71-lstm");
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
        throw new UnsupportedOperationException("Kata 7.1 Lstm: implement forward(...), see katas.md#71-lstm");
    }
}
