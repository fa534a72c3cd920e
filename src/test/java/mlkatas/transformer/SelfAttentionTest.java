package mlkatas.transformer;

import static mlkatas.support.BadInput.assertRejects;
import static mlkatas.support.KataAssertions.assertAllFinite;
import static mlkatas.support.KataAssertions.assertMatrixClose;
import static mlkatas.support.KataAssertions.assertVectorClose;
import static mlkatas.support.Matrices.deepCopy;
import static mlkatas.support.Matrices.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("8.1 SelfAttention: scaled dot-product attention softmax(QKᵀ/√d_k)·V")
class SelfAttentionTest {

    /** The spec quotes Deep-ML's examples to 6–8 decimals. */
    private static final double SIX_DECIMALS = 1e-6;
    /** A two-key softmax computed in the test: the same few operations, only rounding differs. */
    private static final double EXACT = 1e-12;
    /**
     * Reordering rows changes the order of the softmax sums; with values up to 10 in magnitude the results
     * move by a few ulps, around 1e-14.
     */
    private static final double REORDERED = 1e-10;
    /** PyTorch in float64: the same formula, another summation order; values are O(1)–O(10). */
    private static final double TORCH = 1e-10;
    /** Earlier causal rows never read the later positions, so they must not change at all. */
    private static final double SAME = 0;
    /** A convex combination stays inside V's column range up to rounding of the weighted sum. */
    private static final double HULL = 1e-9;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one query, two keys: the weights are softmax([q·k₀, q·k₁]/√d_k)")
        void oneQueryTwoKeys() {
            // d_k = 4, q·k₀ = 4 → score 4/√4 = 2; q·k₁ = 0 → score 0. Weight on v₀: e²/(e² + 1) = σ(2).
            double[][] q = {{1, 1, 1, 1}};
            double[][] k = {{1, 1, 1, 1}, {0, 0, 0, 0}};
            double[][] v = {{10, 0}, {0, 10}};
            double w = sigmoid(2);

            double[][] out = SelfAttention.attention(q, k, v);

            assertMatrixClose("attention", out, new double[][] {{10 * w, 10 * (1 - w)}}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("Deep-ML 53: X = I, W_q = W_k = I, W_v = [[1,2],[3,4]] → [[1.660477, 2.660477], [2.339523, …]]")
        void deepMlIdentity() {
            double[][] x = {{1, 0}, {0, 1}};
            double[][] identity = {{1, 0}, {0, 1}};
            double[][] wv = {{1, 2}, {3, 4}};

            double[][] out = SelfAttention.attention(times(x, identity), times(x, identity), times(x, wv));

            assertMatrixClose("attention", out, new double[][] {{1.660477, 2.660477}, {2.339523, 3.339523}},
                    SIX_DECIMALS);
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 53: X = [[1,1],[1,0]] → [[3.00928465, 4.6790462], [2.5, 4.0]]")
        void deepMlSecond() {
            double[][] x = {{1, 1}, {1, 0}};
            double[][] identity = {{1, 0}, {0, 1}};
            double[][] wv = {{1, 2}, {3, 4}};

            double[][] out = SelfAttention.attention(times(x, identity), times(x, identity), times(x, wv));

            // Query [1, 0] scores both keys 1/√2: equal weights, the mean of V's rows [4, 6] and [1, 2].
            assertMatrixClose("attention", out, new double[][] {{3.00928465, 4.6790462}, {2.5, 4.0}}, SIX_DECIMALS);
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML 53: a 3×3 example with W_q = W_k ≠ I")
        void deepMlThreeByThree() {
            double[][] x = {{1, 0, 1}, {0, 1, 1}, {1, 1, 0}};
            double[][] wqk = {{1, 1, 0}, {0, 1, 1}, {1, 0, 1}};
            double[][] wv = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

            double[][] out = SelfAttention.attention(times(x, wqk), times(x, wqk), times(x, wv));

            assertMatrixClose("attention", out, new double[][] {{8.0, 10.0, 12.0},
                    {8.61987385, 10.61987385, 12.61987385}, {7.38012615, 9.38012615, 11.38012615}}, SIX_DECIMALS);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("each output row is a convex combination of V's rows (inside V's column ranges)")
        void convexCombination() {
            qt().withExamples(300).forAll(inputs(10)).checkAssert(s -> {
                double[][] out = SelfAttention.attention(s.q(), s.k(), s.v());
                for (int c = 0; c < s.v()[0].length; c++) {
                    int column = c;
                    double min = Arrays.stream(s.v()).mapToDouble(row -> row[column]).min().orElseThrow();
                    double max = Arrays.stream(s.v()).mapToDouble(row -> row[column]).max().orElseThrow();
                    for (double[] row : out) {
                        assertThat(row[c]).as("output column %d must lie within V's [%s, %s]", c, min, max)
                                .isBetween(min - HULL, max + HULL);
                    }
                }
            });
        }

        @Test
        @DisplayName("a column of ones in V gives a column of ones: the weights of each query sum to 1")
        void weightsSumToOne() {
            qt().withExamples(300).forAll(inputs(10)).checkAssert(s -> {
                double[][] ones = new double[s.k().length][1];
                for (double[] row : ones) {
                    row[0] = 1;
                }
                double[][] out = SelfAttention.attention(s.q(), s.k(), ones);
                for (double[] row : out) {
                    assertThat(row[0]).as("sum of one query's attention weights").isCloseTo(1.0, within(HULL));
                }
            });
        }

        @Test
        @DisplayName("permuting the rows of X permutes the output rows the same way")
        void permutationEquivariant() {
            qt().withExamples(300).forAll(inputs(10)).checkAssert(s -> {
                // Self-attention: Q, K and V all come from the same rows of X, one query per key.
                double[][] q = square(s);
                double[][] out = SelfAttention.attention(q, s.k(), s.v());
                double[][] shifted = SelfAttention.attention(rotate(q), rotate(s.k()), rotate(s.v()));

                assertMatrixClose("output of the rows rotated by one vs the output rotated by one", shifted,
                        rotate(out), REORDERED);
            });
        }

        @Test
        @DisplayName("when every key is the same, every output row is the mean of V's rows")
        void equalKeysGiveTheMean() {
            qt().withExamples(300).forAll(inputs(10)).checkAssert(s -> {
                double[][] k = new double[s.k().length][];
                for (int j = 0; j < k.length; j++) {
                    k[j] = s.k()[0].clone();
                }
                double[] mean = new double[s.v()[0].length];
                for (double[] row : s.v()) {
                    for (int c = 0; c < mean.length; c++) {
                        mean[c] += row[c] / s.v().length;
                    }
                }

                double[][] out = SelfAttention.attention(s.q(), k, s.v());

                for (double[] row : out) {
                    assertVectorClose("output row with identical keys vs the mean of V", row, mean, HULL);
                }
            });
        }

        @Test
        @DisplayName("scores of order 1e4 still give finite weights (a stable softmax)")
        void largeScoresStayFinite() {
            qt().withExamples(300).forAll(inputs(120)).checkAssert(s -> {
                double[][] out = SelfAttention.attention(s.q(), s.k(), s.v());

                assertAllFinite("attention with q, k entries up to ±120 (scores up to ~3e4): subtract each row's"
                        + " largest score before exp", out);
            });
        }

        @Test
        @DisplayName("q, k and v are left unchanged")
        void inputsUnchanged() {
            qt().withExamples(300).forAll(inputs(10)).checkAssert(s -> {
                double[][] q = deepCopy(s.q());
                double[][] k = deepCopy(s.k());
                double[][] v = deepCopy(s.v());

                SelfAttention.attention(s.q(), s.k(), s.v());

                assertThat(s.q()).as("q after the call").isDeepEqualTo(q);
                assertThat(s.k()).as("k after the call").isDeepEqualTo(k);
                assertThat(s.v()).as("v after the call").isDeepEqualTo(v);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final SelfAttentionOracle.Case[] EXPLICIT = SelfAttentionOracle.EXPLICIT;
        static final SelfAttentionOracle.Case[] MULTIHEAD_ONE_HEAD = SelfAttentionOracle.MULTIHEAD_ONE_HEAD;

        @ParameterizedTest(name = "{0}")
        @FieldSource("EXPLICIT")
        @DisplayName("matches PyTorch's softmax(q @ k.T / sqrt(d_k)) @ v")
        void matchesTorchFormula(SelfAttentionOracle.Case c) {
            assertMatrixClose("attention for " + c.name(), SelfAttention.attention(c.q(), c.k(), c.v()),
                    c.expected(), TORCH);
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("MULTIHEAD_ONE_HEAD")
        @DisplayName("matches PyTorch's nn.MultiheadAttention with one head and identity projections")
        void matchesTorchMultiheadAttention(SelfAttentionOracle.Case c) {
            assertMatrixClose("attention for " + c.name(), SelfAttention.attention(c.q(), c.k(), c.v()),
                    c.expected(), TORCH);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a single key: every query gets that key's value row")
        void singleKey() {
            double[][] out = SelfAttention.attention(new double[][] {{3, -1}, {0, 2}, {-5, 5}},
                    new double[][] {{1, 1}}, new double[][] {{7, 8, 9}});

            assertMatrixClose("attention over one key", out,
                    new double[][] {{7, 8, 9}, {7, 8, 9}, {7, 8, 9}}, EXACT);
        }

        @Test
        @DisplayName("null q, k or v, or a null row, is rejected with a NullPointerException naming it")
        void nulls() {
            double[][] m = {{1, 2}};
            assertRejects(NullPointerException.class, "SelfAttention.attention(null, m, m)",
                    () -> SelfAttention.attention(null, m, m), "q");
            assertRejects(NullPointerException.class, "SelfAttention.attention(m, null, m)",
                    () -> SelfAttention.attention(m, null, m), "k");
            assertRejects(NullPointerException.class, "SelfAttention.attention(m, m, null)",
                    () -> SelfAttention.attention(m, m, null), "v");
            double[][] nullRow = {{1, 2}, null};
            assertRejects(NullPointerException.class, "SelfAttention.attention({{1, 2}, null}, m, m)",
                    () -> SelfAttention.attention(nullRow, m, m), "q[1]");
            assertRejects(NullPointerException.class, "SelfAttention.attention(m, {{1, 2}, null}, m)",
                    () -> SelfAttention.attention(m, nullRow, m), "k[1]");
        }

        @Test
        @DisplayName("empty or ragged matrices are rejected, naming them")
        void emptyOrRagged() {
            double[][] m = {{1, 2}, {3, 4}};
            assertRejects(IllegalArgumentException.class, "SelfAttention.attention(new double[0][], m, m)",
                    () -> SelfAttention.attention(new double[0][], m, m), "q");
            assertRejects(IllegalArgumentException.class, "SelfAttention.attention(m, {{1, 2}, {3}}, m)",
                    () -> SelfAttention.attention(m, new double[][] {{1, 2}, {3}}, m), "k");
            assertRejects(IllegalArgumentException.class, "SelfAttention.attention(m, m, {{}, {}})",
                    () -> SelfAttention.attention(m, m, new double[][] {{}, {}}), "v");
        }

        @Test
        @DisplayName("q and k must have the same width d_k (the message names q)")
        void widthMismatch() {
            assertRejects(IllegalArgumentException.class, "SelfAttention.attention({{1, 2, 3}}, {{1, 2}}, {{1}})",
                    () -> SelfAttention.attention(new double[][] {{1, 2, 3}}, new double[][] {{1, 2}},
                            new double[][] {{1}}), "q");
        }

        @Test
        @DisplayName("v must have one row per key")
        void valueRowsMismatch() {
            assertRejects(IllegalArgumentException.class,
                    "SelfAttention.attention({{1, 2}}, {{1, 2}, {3, 4}}, {{1}})",
                    () -> SelfAttention.attention(new double[][] {{1, 2}}, new double[][] {{1, 2}, {3, 4}},
                            new double[][] {{1}}), "v");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("no √d_k: the scores must be divided by √d_k before the softmax")
        void noScaling() {
            // d_k = d_v = 4: q·k₀ = 4, q·k₁ = 0. Scaled, the weight on v₀ is σ(4/2) = 0.881; unscaled σ(4) = 0.982.
            double[][] q = {{1, 1, 1, 1}};
            double[][] k = {{1, 1, 1, 1}, {0, 0, 0, 0}};
            double[][] v = {{1, 1, 1, 1}, {0, 0, 0, 0}};

            double[][] out = SelfAttention.attention(q, k, v);

            assertVectorClose("the weight on the matching key must be σ(4/√4) = 0.8808; 0.9820 means the scores"
                    + " were not divided by √d_k (without it, large d_k saturates the softmax and kills its"
                    + " gradients)", out[0], new double[] {sigmoid(2), sigmoid(2), sigmoid(2), sigmoid(2)}, EXACT);
        }

        @Test
        @DisplayName("softmax over the wrong axis: each query's weights over the keys must sum to 1")
        void softmaxOverColumns() {
            double[][] q = {{1, 0}, {0, 1}, {1, 1}};
            double[][] k = {{1, 0}, {0, 2}};
            double[][] ones = {{1}, {1}};

            double[][] out = SelfAttention.attention(q, k, ones);

            assertMatrixClose("with V a column of ones every output must be 1: was the softmax normalised over"
                    + " the queries (down each column) instead of over the keys (along each row of QKᵀ)?", out,
                    new double[][] {{1}, {1}, {1}}, EXACT);
        }

        @Test
        @DisplayName("d_k taken from V: scale by √(columns of K), not √(columns of V)")
        void dkTakenFromV() {
            // d_k = 4 but d_v = 1: the right weight on v₀ is σ(4/√4) = σ(2); √d_v = 1 gives σ(4).
            double[][] q = {{1, 1, 1, 1}};
            double[][] k = {{1, 1, 1, 1}, {0, 0, 0, 0}};
            double[][] v = {{1}, {0}};

            double[][] out = SelfAttention.attention(q, k, v);

            assertVectorClose("the weight on the matching key must be σ(2) = 0.8808 with d_k = 4; was d_k read"
                    + " from V's width (1 here)? d_k is the width of the keys (and queries)", out[0],
                    new double[] {sigmoid(2)}, EXACT);
        }
    }

    @Nested
    @Tag("partB")
    @Order(6)
    @DisplayName("Part B: causal mask")
    class PartB {

        static final SelfAttentionOracle.Case[] EXPLICIT_CAUSAL = SelfAttentionOracle.EXPLICIT_CAUSAL;
        static final SelfAttentionOracle.Case[] MULTIHEAD_ONE_HEAD_CAUSAL =
                SelfAttentionOracle.MULTIHEAD_ONE_HEAD_CAUSAL;

        @Test
        @Order(1)
        @DisplayName("Deep-ML's first example, causal: row 0 sees only itself, row 1 sees both")
        void causalExample() {
            double[][] x = {{1, 0}, {0, 1}};
            double[][] v = {{1, 2}, {3, 4}};
            // Query 1 = [0, 1] scores key 0 with 0 and key 1 with 1/√2.
            double w = sigmoid(1 / Math.sqrt(2));

            double[][] out = SelfAttention.attention(x, x, v, true);

            assertMatrixClose("causal attention", out,
                    new double[][] {{1, 2}, {(1 - w) * 1 + w * 3, (1 - w) * 2 + w * 4}}, EXACT);
        }

        @Test
        @Order(2)
        @DisplayName("causal = false is the plain attention")
        void nonCausalIsPlain() {
            double[][] x = {{1, 0}, {0, 1}};
            double[][] v = {{1, 2}, {3, 4}};

            assertMatrixClose("attention(q, k, v, false)", SelfAttention.attention(x, x, v, false),
                    new double[][] {{1.660477, 2.660477}, {2.339523, 3.339523}}, SIX_DECIMALS);
        }

        @Test
        @Order(3)
        @DisplayName("causal row 0 equals V's row 0; the last row sees every key")
        void firstAndLastRows() {
            qt().withExamples(300).forAll(inputs(10)).checkAssert(s -> {
                double[][] q = square(s);
                double[][] causal = SelfAttention.attention(q, s.k(), s.v(), true);
                double[][] plain = SelfAttention.attention(q, s.k(), s.v(), false);
                int last = q.length - 1;

                assertVectorClose("causal row 0 (it may only attend to key 0)", causal[0], s.v()[0], EXACT);
                assertVectorClose("causal last row vs unmasked last row", causal[last], plain[last], EXACT);
            });
        }

        @Test
        @Order(4)
        @DisplayName("no peeking: changing the last key and value leaves every earlier row unchanged")
        void noPeeking() {
            qt().withExamples(300).forAll(inputs(10)).checkAssert(s -> {
                double[][] q = square(s);
                int last = q.length - 1;
                double[][] k = deepCopy(s.k());
                double[][] v = deepCopy(s.v());
                Arrays.fill(k[last], 7.5);
                Arrays.fill(v[last], -42);

                double[][] before = SelfAttention.attention(q, s.k(), s.v(), true);
                double[][] after = SelfAttention.attention(q, k, v, true);

                assertMatrixClose("rows 0..T−2 after changing only the last position",
                        Arrays.copyOf(after, last), Arrays.copyOf(before, last), SAME);
            });
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("EXPLICIT_CAUSAL")
        @Order(5)
        @DisplayName("matches PyTorch's softmax with scores above the diagonal set to −∞")
        void matchesTorchCausal(SelfAttentionOracle.Case c) {
            assertMatrixClose("causal attention for " + c.name(), SelfAttention.attention(c.q(), c.k(), c.v(), true),
                    c.expected(), TORCH);
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("MULTIHEAD_ONE_HEAD_CAUSAL")
        @Order(6)
        @DisplayName("matches PyTorch's nn.MultiheadAttention with a causal attn_mask")
        void matchesTorchMultiheadCausal(SelfAttentionOracle.Case c) {
            assertMatrixClose("causal attention for " + c.name(), SelfAttention.attention(c.q(), c.k(), c.v(), true),
                    c.expected(), TORCH);
        }

        @Test
        @Order(7)
        @DisplayName("causal attention needs one query per key")
        void causalNeedsSquareScores() {
            assertRejects(IllegalArgumentException.class,
                    "SelfAttention.attention({{1}}, {{1}, {2}}, {{1}, {2}}, true)",
                    () -> SelfAttention.attention(new double[][] {{1}}, new double[][] {{1}, {2}},
                            new double[][] {{1}, {2}}, true), "q");
        }
    }

    /** Queries, keys and values of compatible shapes. */
    record Inputs(double[][] q, double[][] k, double[][] v) {
        @Override
        public String toString() {
            return "q=" + Arrays.deepToString(q) + "\nk=" + Arrays.deepToString(k) + "\nv="
                    + Arrays.deepToString(v);
        }
    }

    /**
     * n in [1, 5] queries and m in [1, 6] keys of width d_k in [1, 4], entries in ±{@code scale}; values of
     * width d_v in [1, 4] (often ≠ d_k), entries in ±10.
     */
    private static Gen<Inputs> inputs(double scale) {
        Gen<Integer> counts = integers().between(1, 6);
        Gen<Integer> widths = integers().between(1, 4);
        Gen<Inputs> gen = in -> {
            int n = Math.min(5, counts.generate(in));
            int m = counts.generate(in);
            int dk = widths.generate(in);
            int dv = widths.generate(in);
            return new Inputs(Gens.matrices(n, dk, -scale, scale).generate(in),
                    Gens.matrices(m, dk, -scale, scale).generate(in), Gens.matrices(m, dv, -10, 10).generate(in));
        };
        return gen.describedAs(Inputs::toString);
    }

    /** One query per key, for causal attention: the given queries, padded with copies of keys. */
    private static double[][] square(Inputs s) {
        int m = s.k().length;
        double[][] q = new double[m][];
        for (int i = 0; i < m; i++) {
            q[i] = i < s.q().length ? s.q()[i].clone() : s.k()[i].clone();
        }
        return q;
    }

    /** Row i of the result is row i − 1 of m (cyclically): a permutation of the rows. */
    private static double[][] rotate(double[][] m) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[(i + 1) % m.length] = m[i];
        }
        return r;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
