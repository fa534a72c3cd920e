package mlkatas.transformer;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static mlkatas.support.Matrices.times;
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

@DisplayName("8.2 MultiHeadAttention: attention in several heads, concatenated")
class MultiHeadAttentionTest {

    /**
     * Deep-ML's examples saturate: every softmax puts all its weight on one key, so the outputs are integers
     * up to weights below e^−50. 1e-6 is far tighter than any mistake and far looser than rounding.
     */
    private static final double SATURATED = 1e-6;
    /** A few softmaxes computed in the test: only rounding differs. */
    private static final double EXACT = 1e-12;
    /** The same sums in another order (rows permuted, products computed elsewhere): values are O(10). */
    private static final double REORDERED = 1e-10;
    /** PyTorch in float64: the same mathematics, another summation order; outputs are O(1)–O(10). */
    private static final double TORCH = 1e-10;

    /** Deep-ML 94's 4×4 example. */
    private static final double[][] X4 = {{0, 1, 5, 14}, {13, 11, 8, 9}, {2, 15, 4, 7}, {10, 12, 3, 6}};
    private static final double[][] WQ4 = {{0, 1, 3, 3}, {1, 1, 1, 3}, {3, 0, 0, 3}, {1, 1, 0, 3}};
    private static final double[][] WK4 = {{0, 0, 2, 2}, {1, 3, 3, 2}, {3, 3, 0, 2}, {4, 2, 4, 0}};
    private static final double[][] WV4 = {{1, 3, 0, 3}, {5, 1, 1, 0}, {1, 4, 1, 3}, {3, 3, 3, 4}};

    /** Deep-ML 94's 6×8 example. */
    private static final double[][] X6 = {{27, 40, 26, 43, 24, 37, 12, 19}, {4, 25, 8, 3, 6, 39, 33, 13},
            {17, 45, 15, 9, 16, 29, 32, 46}, {0, 31, 30, 5, 11, 34, 1, 44}, {21, 2, 36, 35, 23, 41, 10, 22},
            {18, 47, 20, 7, 42, 14, 28, 38}};
    private static final double[][] WQ6 = {{0, 3, 1, 1, 1, 0, 1, 0}, {1, 3, 3, 2, 3, 2, 3, 0},
            {3, 2, 2, 1, 0, 3, 1, 3}, {3, 1, 1, 1, 1, 1, 3, 1}, {0, 2, 1, 1, 3, 1, 1, 1}, {3, 1, 2, 3, 2, 3, 1, 2},
            {3, 0, 1, 3, 0, 3, 0, 1}, {2, 0, 3, 1, 0, 3, 3, 3}};
    private static final double[][] WK6 = {{4, 0, 4, 4, 0, 0, 0, 0}, {3, 2, 2, 0, 2, 2, 0, 2},
            {4, 1, 1, 0, 3, 0, 3, 1}, {0, 4, 2, 3, 2, 2, 0, 2}, {4, 2, 0, 4, 1, 2, 0, 1}, {1, 3, 4, 2, 0, 3, 4, 3},
            {4, 4, 2, 4, 3, 4, 2, 2}, {3, 1, 1, 4, 0, 4, 3, 3}};
    private static final double[][] WV6 = {{3, 3, 3, 5, 5, 2, 1, 3}, {0, 5, 0, 0, 0, 2, 5, 0},
            {3, 4, 0, 2, 5, 2, 0, 5}, {4, 0, 2, 1, 3, 2, 5, 0}, {3, 0, 5, 0, 1, 3, 3, 5}, {1, 2, 0, 4, 0, 0, 2, 0},
            {1, 1, 3, 5, 4, 0, 0, 2}, {5, 1, 4, 3, 1, 5, 3, 2}};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("two heads, each attending with its own column: [10·σ(2), 5]")
        void twoHeadsOwnColumns() {
            // Head 0 uses column 0: scores [2·1, 2·0]/√1 → weight σ(2) on v₀ = 10.
            // Head 1 uses column 1: the query's entry is 0, so both keys score 0 → the mean of [10, 0] = 5.
            double[][] q = {{2, 0}};
            double[][] k = {{1, 0}, {0, 1}};
            double[][] v = {{10, 10}, {0, 0}};

            double[][] out = MultiHeadAttention.attend(q, k, v, 2);

            assertMatrixClose("two heads", out, new double[][] {{10 * sigmoid(2), 5}}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 94, 4×4, 2 heads: every row [103, 109, 46, 99]")
        void deepMlFourByFour() {
            double[][] out = MultiHeadAttention.attend(times(X4, WQ4), times(X4, WK4), times(X4, WV4), 2);

            assertMatrixClose("attend(XW_q, XW_k, XW_v, 2)", out, repeat(new double[] {103, 109, 46, 99}, 4),
                    SATURATED);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 94, 6×8, 4 heads: every row [500, 463, 399, 495, 377, 450, 531, 362]")
        void deepMlSixByEightFourHeads() {
            double[][] out = MultiHeadAttention.attend(times(X6, WQ6), times(X6, WK6), times(X6, WV6), 4);

            assertMatrixClose("attend(XW_q, XW_k, XW_v, 4)", out,
                    repeat(new double[] {500, 463, 399, 495, 377, 450, 531, 362}, 6), SATURATED);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML 94, 6×8, 2 heads: every row [547, 490, 399, 495, 377, 450, 531, 362]")
        void deepMlSixByEightTwoHeads() {
            double[][] out = MultiHeadAttention.attend(times(X6, WQ6), times(X6, WK6), times(X6, WV6), 2);

            assertMatrixClose("attend(XW_q, XW_k, XW_v, 2)", out,
                    repeat(new double[] {547, 490, 399, 495, 377, 450, 531, 362}, 6), SATURATED);
        }

        @Test
        @Order(5)
        @DisplayName("forward projects, attends and applies W_o: uniform attention, then W_o swaps the columns")
        void forwardAppliesOutputProjection() {
            // W_q = W_k = 0 make every score 0: each head averages its values. V = X·W_v = [[1, 2], [3, 4]],
            // the mean row is [2, 3], and W_o = [[0, 1], [1, 0]] swaps it to [3, 2].
            double[][] x = {{1, 0}, {0, 1}};
            double[][] zero = {{0, 0}, {0, 0}};
            double[][] wv = {{1, 2}, {3, 4}};
            double[][] wo = {{0, 1}, {1, 0}};

            double[][] out = MultiHeadAttention.forward(x, zero, zero, wv, wo, 2);

            assertMatrixClose("forward", out, new double[][] {{3, 2}, {3, 2}}, EXACT);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("with one head, attend is plain scaled dot-product attention")
        void oneHeadIsPlainAttention() {
            qt().withExamples(300).forAll(attendInputs(1)).checkAssert(s -> assertMatrixClose(
                    "attend(q, k, v, 1) vs softmax(QKᵀ/√d)·V", MultiHeadAttention.attend(s.q(), s.k(), s.v(), 1),
                    attention(s.q(), s.k(), s.v()), REORDERED));
        }

        @Test
        @DisplayName("head i is plain attention on column block i of q, k and v, placed at block i of the output")
        void headsAreAttentionOnColumnBlocks() {
            qt().withExamples(300).forAll(attendInputs(3)).checkAssert(s -> {
                double[][] out = MultiHeadAttention.attend(s.q(), s.k(), s.v(), s.heads());
                int dHead = s.q()[0].length / s.heads();
                int dvHead = s.v()[0].length / s.heads();
                for (int h = 0; h < s.heads(); h++) {
                    double[][] expected = attention(columns(s.q(), h * dHead, dHead), columns(s.k(), h * dHead, dHead),
                            columns(s.v(), h * dvHead, dvHead));
                    assertMatrixClose("output columns of head " + h, columns(out, h * dvHead, dvHead), expected,
                            REORDERED);
                }
            });
        }

        @Test
        @DisplayName("permuting the rows of X permutes the output rows the same way")
        void permutationEquivariant() {
            qt().withExamples(200).forAll(layers()).checkAssert(s -> {
                double[][] out = MultiHeadAttention.forward(s.x(), s.wq(), s.wk(), s.wv(), s.wo(), s.heads());
                double[][] shifted = MultiHeadAttention.forward(rotate(s.x()), s.wq(), s.wk(), s.wv(), s.wo(),
                        s.heads());

                assertMatrixClose("output of X rotated by one row vs the output rotated", shifted, rotate(out),
                        REORDERED);
            });
        }

        @Test
        @DisplayName("with W_o = identity, forward equals attend of the projections XW_q, XW_k, XW_v")
        void identityOutputProjection() {
            qt().withExamples(200).forAll(layers()).checkAssert(s -> {
                double[][] identity = new double[s.wv()[0].length][s.wv()[0].length];
                for (int i = 0; i < identity.length; i++) {
                    identity[i][i] = 1;
                }

                double[][] out = MultiHeadAttention.forward(s.x(), s.wq(), s.wk(), s.wv(), identity, s.heads());

                assertMatrixClose("forward with W_o = I vs attend(XW_q, XW_k, XW_v)", out,
                        MultiHeadAttention.attend(times(s.x(), s.wq()), times(s.x(), s.wk()), times(s.x(), s.wv()),
                                s.heads()), REORDERED);
            });
        }

        @Test
        @DisplayName("the inputs and weights are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(200).forAll(layers()).checkAssert(s -> {
                double[][][] before = {deepCopy(s.x()), deepCopy(s.wq()), deepCopy(s.wk()), deepCopy(s.wv()),
                        deepCopy(s.wo())};

                MultiHeadAttention.forward(s.x(), s.wq(), s.wk(), s.wv(), s.wo(), s.heads());

                assertThat(new double[][][] {s.x(), s.wq(), s.wk(), s.wv(), s.wo()})
                        .as("x, wq, wk, wv, wo after the call").isDeepEqualTo(before);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final MultiHeadAttentionOracle.ForwardCase[] FORWARD = MultiHeadAttentionOracle.FORWARD;
        static final MultiHeadAttentionOracle.AttendCase[] ATTEND = MultiHeadAttentionOracle.ATTEND;

        @ParameterizedTest(name = "{0}")
        @FieldSource("FORWARD")
        @DisplayName("forward matches PyTorch's nn.MultiheadAttention(bias=False) on self-attention")
        void forwardMatchesTorch(MultiHeadAttentionOracle.ForwardCase c) {
            double[][] out = MultiHeadAttention.forward(c.x(), c.wq(), c.wk(), c.wv(), c.wo(), c.heads());

            assertMatrixClose("forward for " + c.name(), out, c.expected(), TORCH);
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("ATTEND")
        @DisplayName("attend matches PyTorch's nn.MultiheadAttention with identity projections")
        void attendMatchesTorch(MultiHeadAttentionOracle.AttendCase c) {
            assertMatrixClose("attend for " + c.name(), MultiHeadAttention.attend(c.q(), c.k(), c.v(), c.heads()),
                    c.expected(), TORCH);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("as many heads as columns: every head has d_head = 1")
        void oneColumnPerHead() {
            // Head c compares q[c] with each k[j][c]: the key with the larger product takes weight σ(difference).
            double[][] q = {{1, -1}};
            double[][] k = {{1, 1}, {0, 0}};
            double[][] v = {{1, 1}, {0, 0}};

            double[][] out = MultiHeadAttention.attend(q, k, v, 2);

            assertMatrixClose("two one-column heads", out, new double[][] {{sigmoid(1), sigmoid(-1)}}, EXACT);
        }

        @Test
        @DisplayName("null matrices or rows are rejected with a NullPointerException naming them")
        void nulls() {
            double[][] m = {{1, 2}};
            assertRejects(NullPointerException.class, "MultiHeadAttention.attend(null, m, m, 1)",
                    () -> MultiHeadAttention.attend(null, m, m, 1), "q");
            assertRejects(NullPointerException.class, "MultiHeadAttention.attend(m, m, null, 1)",
                    () -> MultiHeadAttention.attend(m, m, null, 1), "v");
            double[][] w = {{1, 0}, {0, 1}};
            assertRejects(NullPointerException.class, "MultiHeadAttention.forward(m, w, w, w, null, 1)",
                    () -> MultiHeadAttention.forward(m, w, w, w, null, 1), "wo");
            assertRejects(NullPointerException.class, "MultiHeadAttention.attend({{1, 2}, null}, m, m, 1)",
                    () -> MultiHeadAttention.attend(new double[][] {{1, 2}, null}, m, m, 1), "q[1]");
        }

        @Test
        @DisplayName("heads must be ≥ 1 and divide both d_model and d_v")
        void headsMustDivide() {
            double[][] four = {{1, 2, 3, 4}};
            double[][] two = {{1, 2}};
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.attend(four, four, four, 0)",
                    () -> MultiHeadAttention.attend(four, four, four, 0), "heads");
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.attend(four, four, four, 3)",
                    () -> MultiHeadAttention.attend(four, four, four, 3), "heads");
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.attend(four, four, two, 4)",
                    () -> MultiHeadAttention.attend(four, four, two, 4), "heads");
        }

        @Test
        @DisplayName("heads must divide d_model even when it divides d_v")
        void headsMustDivideModelWidth() {
            double[][] three = {{1, 2, 3}};
            double[][] two = {{1, 2}};
            assertRejects(IllegalArgumentException.class,
                    "MultiHeadAttention.attend({{1, 2, 3}}, {{1, 2, 3}}, {{1, 2}}, 2)",
                    () -> MultiHeadAttention.attend(three, three, two, 2), "heads");
        }

        @Test
        @DisplayName("q and k must have the same width, and v one row per key")
        void attendShapes() {
            assertRejects(IllegalArgumentException.class,
                    "MultiHeadAttention.attend({{1, 2}}, {{1, 2, 3, 4}}, {{1, 2}}, 1)",
                    () -> MultiHeadAttention.attend(new double[][] {{1, 2}}, new double[][] {{1, 2, 3, 4}},
                            new double[][] {{1, 2}}, 1), "q");
            assertRejects(IllegalArgumentException.class,
                    "MultiHeadAttention.attend({{1, 2}}, {{1, 2}}, {{1, 2}, {3, 4}}, 1)",
                    () -> MultiHeadAttention.attend(new double[][] {{1, 2}}, new double[][] {{1, 2}},
                            new double[][] {{1, 2}, {3, 4}}, 1), "v");
        }

        @Test
        @DisplayName("forward's matrices must chain: x·wq, x·wk, x·wv, then ·wo")
        void forwardShapes() {
            double[][] x = {{1, 2, 3}};
            double[][] w32 = {{1, 0}, {0, 1}, {1, 1}};
            double[][] w22 = {{1, 0}, {0, 1}};
            double[][] w33 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.forward(x, w22, w32, w32, w22, 1)",
                    () -> MultiHeadAttention.forward(x, w22, w32, w32, w22, 1), "wq");
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.forward(x, w32, w33, w32, w22, 1)",
                    () -> MultiHeadAttention.forward(x, w32, w33, w32, w22, 1), "wk");
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.forward(x, w32, w22, w32, w22, 1)",
                    () -> MultiHeadAttention.forward(x, w32, w22, w32, w22, 1), "wk");
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.forward(x, w32, w32, w22, w22, 1)",
                    () -> MultiHeadAttention.forward(x, w32, w32, w22, w22, 1), "wv");
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.forward(x, w32, w32, w32, w33, 1)",
                    () -> MultiHeadAttention.forward(x, w32, w32, w32, w33, 1), "wo");
        }

        @Test
        @DisplayName("empty or ragged matrices are rejected, naming them")
        void emptyOrRagged() {
            double[][] m = {{1, 2}};
            assertRejects(IllegalArgumentException.class, "MultiHeadAttention.attend(m, new double[0][], m, 1)",
                    () -> MultiHeadAttention.attend(m, new double[0][], m, 1), "k");
            assertRejects(IllegalArgumentException.class,
                    "MultiHeadAttention.forward({{1, 2}, {3}}, m, m, m, m, 1)",
                    () -> MultiHeadAttention.forward(new double[][] {{1, 2}, {3}}, m, m, m, m, 1), "x");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("scaling by √d_model: each head divides its scores by √d_head")
        void scaledByDModel() {
            // d_model = 8, 2 heads → d_head = 4. Head 0: q·k₀ = 4 → score 4/√4 = 2 → weight σ(2) = 0.881.
            // Dividing by √8 instead gives σ(1.414) = 0.804. Head 1: the query is 0 → 0.5.
            double[][] q = {{1, 1, 1, 1, 0, 0, 0, 0}};
            double[][] k = {{1, 1, 1, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0}};
            double[][] v = {{1, 1}, {0, 0}};

            double[][] out = MultiHeadAttention.attend(q, k, v, 2);

            assertVectorClose("head 0 must put weight σ(4/√4) = 0.8808 on the matching key; 0.8044 means the"
                    + " scores were divided by √d_model = √8. Each head is attention in d_head = d_model/heads"
                    + " dimensions, so it scales by √d_head", out[0], new double[] {sigmoid(2), 0.5}, EXACT);
        }

        @Test
        @DisplayName("splitting rows instead of columns: head i owns columns i·d_head … (i+1)·d_head − 1 of every row")
        void splitRowsInsteadOfColumns() {
            // Head 0 sees column 0 of q and k: query 0 = 1 scores keys [1, 0] → σ(1) on v₀ (column 0 = 1).
            // Head 1 sees column 1: query 0 = 2 scores keys [4, 0] → weight σ(4) on v₀, whose column 1 is 0.
            // Query 1 is all zeros: uniform weights, 0.5 in both heads.
            double[][] qk = {{1, 2}, {0, 0}};
            double[][] v = {{1, 0}, {0, 1}};

            double[][] out = MultiHeadAttention.attend(qk, qk, v, 2);

            assertMatrixClose("were the heads cut from the flattened rows (a reshape to heads × n × d_head without"
                    + " the transpose)? Head i must take columns [i·d_head, (i+1)·d_head) of every row of Q, K"
                    + " and V", out, new double[][] {{sigmoid(1), 1 - sigmoid(4)}, {0.5, 0.5}}, EXACT);
        }

        @Test
        @DisplayName("heads concatenated in the wrong order: head 0's output comes first")
        void headsConcatenatedInWrongOrder() {
            // Head 0 (column 0) gives 10·σ(2) = 8.81, head 1 (column 1) gives 5.
            double[][] out = MultiHeadAttention.attend(new double[][] {{2, 0}}, new double[][] {{1, 0}, {0, 1}},
                    new double[][] {{10, 10}, {0, 0}}, 2);

            assertVectorClose("the output starts with head 0's result 8.81, then head 1's 5: were the heads"
                    + " concatenated in reverse? Head i's output fills columns [i·d_v/h, (i+1)·d_v/h)", out[0],
                    new double[] {10 * sigmoid(2), 5}, EXACT);
        }
    }

    /** Projected queries, keys and values with a head count that divides their widths. */
    record AttendInputs(double[][] q, double[][] k, double[][] v, int heads) {
        @Override
        public String toString() {
            return "heads=" + heads + "\nq=" + Arrays.deepToString(q) + "\nk=" + Arrays.deepToString(k) + "\nv="
                    + Arrays.deepToString(v);
        }
    }

    /** A layer's input and weights. */
    record Layer(double[][] x, double[][] wq, double[][] wk, double[][] wv, double[][] wo, int heads) {
        @Override
        public String toString() {
            return "heads=" + heads + "\nx=" + Arrays.deepToString(x) + "\nwq=" + Arrays.deepToString(wq)
                    + "\nwk=" + Arrays.deepToString(wk) + "\nwv=" + Arrays.deepToString(wv) + "\nwo="
                    + Arrays.deepToString(wo);
        }
    }

    /**
     * heads in [1, maxHeads], d_head in [1, 3], d_v/heads in [1, 2]; n in [1, 5] queries and m in [1, 5]
     * keys, entries of q and k in ±3 and of v in ±10.
     */
    private static Gen<AttendInputs> attendInputs(int maxHeads) {
        Gen<Integer> headCounts = integers().between(1, maxHeads);
        Gen<Integer> small = integers().between(1, 3);
        Gen<Integer> counts = integers().between(1, 5);
        Gen<AttendInputs> gen = in -> {
            int heads = headCounts.generate(in);
            int dModel = heads * small.generate(in);
            int dv = heads * Math.min(2, small.generate(in));
            int n = counts.generate(in);
            int m = counts.generate(in);
            return new AttendInputs(Gens.matrices(n, dModel, -3, 3).generate(in),
                    Gens.matrices(m, dModel, -3, 3).generate(in), Gens.matrices(m, dv, -10, 10).generate(in), heads);
        };
        return gen.describedAs(AttendInputs::toString);
    }

    /**
     * n in [1, 5] positions of width d_in in [1, 4] (entries ±2), heads in [1, 3], d_head in [1, 3],
     * d_v/heads in [1, 2], d_out in [1, 4], weights in ±1.
     */
    private static Gen<Layer> layers() {
        Gen<Integer> headCounts = integers().between(1, 3);
        Gen<Integer> small = integers().between(1, 3);
        Gen<Integer> widths = integers().between(1, 4);
        Gen<Integer> counts = integers().between(1, 5);
        Gen<Layer> gen = in -> {
            int heads = headCounts.generate(in);
            int dIn = widths.generate(in);
            int dModel = heads * small.generate(in);
            int dv = heads * Math.min(2, small.generate(in));
            int dOut = widths.generate(in);
            int n = counts.generate(in);
            return new Layer(Gens.matrices(n, dIn, -2, 2).generate(in), Gens.matrices(dIn, dModel, -1, 1).generate(in),
                    Gens.matrices(dIn, dModel, -1, 1).generate(in), Gens.matrices(dIn, dv, -1, 1).generate(in),
                    Gens.matrices(dv, dOut, -1, 1).generate(in), heads);
        };
        return gen.describedAs(Layer::toString);
    }

    /** softmax(QKᵀ/√d)·V with a stable softmax, written out independently of the kata. */
    private static double[][] attention(double[][] q, double[][] k, double[][] v) {
        double[][] out = new double[q.length][v[0].length];
        for (int i = 0; i < q.length; i++) {
            double[] scores = new double[k.length];
            for (int j = 0; j < k.length; j++) {
                for (int c = 0; c < k[j].length; c++) {
                    scores[j] += q[i][c] * k[j][c] / Math.sqrt(k[j].length);
                }
            }
            double max = Arrays.stream(scores).max().orElseThrow();
            double total = Arrays.stream(scores).map(s -> Math.exp(s - max)).sum();
            for (int j = 0; j < k.length; j++) {
                double weight = Math.exp(scores[j] - max) / total;
                for (int c = 0; c < v[j].length; c++) {
                    out[i][c] += weight * v[j][c];
                }
            }
        }
        return out;
    }

    /** Columns [from, from + count) of m. */
    private static double[][] columns(double[][] m, int from, int count) {
        return Arrays.stream(m).map(row -> Arrays.copyOfRange(row, from, from + count)).toArray(double[][]::new);
    }

    /** Row i of the result is row i − 1 of m (cyclically): a permutation of the rows. */
    private static double[][] rotate(double[][] m) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[(i + 1) % m.length] = m[i];
        }
        return r;
    }

    private static double[][] repeat(double[] row, int times) {
        double[][] m = new double[times][];
        Arrays.setAll(m, i -> row.clone());
        return m;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
