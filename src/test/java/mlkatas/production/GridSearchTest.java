package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import mlkatas.production.GridSearch.Result;
import mlkatas.production.GridSearch.Trial;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;

@DisplayName("9.2 GridSearch: try every combination of hyper-parameters and keep the best")
class GridSearchTest {

    /** Deep-ML 288's data: 1-D training points, their labels and one validation point with label 1. */
    private static final double[] TRAIN_X = {0, 1, 2, 3, 4};
    private static final int[] TRAIN_Y = {0, 1, 1, 0, 0};
    private static final double VALIDATION_X = 1.5;
    private static final int VALIDATION_Y = 1;

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("one key with three values: three trials, in the list's order")
        void oneKey() {
            Result result = GridSearch.search(grid("k", List.of(1, 3, 5)), p -> (Integer) p.get("k"));

            assertThat(scores(result)).containsExactly(1.0, 3.0, 5.0);
            assertThat(result.bestParams()).containsExactly(Map.entry("k", 5));
            assertThat(result.bestScore()).isEqualTo(5.0);
        }

        @Test
        @Order(2)
        @DisplayName("two keys: the last key varies fastest, as itertools.product")
        void lastKeyFastest() {
            Result result = GridSearch.search(grid("a", List.of(1, 2), "b", List.of("x", "y")), p -> 0.0);

            assertThat(paramsOf(result)).containsExactly(
                    Map.of("a", 1, "b", "x"), Map.of("a", 1, "b", "y"),
                    Map.of("a", 2, "b", "x"), Map.of("a", 2, "b", "y"));
        }

        @Test
        @Order(3)
        @DisplayName("Deep-ML 288: k-nearest-neighbour accuracy over k ∈ {1, 3, 5} → best k = 1, score 1.0")
        void knnExample() {
            // From x = 1.5: k = 1 → a label-1 neighbour (1.0); k = 3 → labels 1, 1, 0 → 1 (1.0, a tie the
            // first trial keeps); k = 5 → three 0s outvote two 1s (0.0).
            Result result = GridSearch.search(grid("k", List.of(1, 3, 5)), GridSearchTest::knnAccuracy);

            assertThat(scores(result)).containsExactly(1.0, 1.0, 0.0);
            assertThat(result.bestParams()).containsExactly(Map.entry("k", 1));
            assertThat(result.bestScore()).isEqualTo(1.0);
        }

        @Test
        @Order(4)
        @DisplayName("a NaN score is recorded but never chosen")
        void nanRecorded() {
            Map<Integer, Double> table = Map.of(1, 0.2, 2, Double.NaN, 3, 0.5);

            Result result = GridSearch.search(grid("k", List.of(1, 2, 3)), p -> table.get((Integer) p.get("k")));

            assertThat(scores(result)).containsExactly(0.2, Double.NaN, 0.5);
            assertThat(result.bestParams()).containsExactly(Map.entry("k", 3));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the number of trials is the product of the list sizes")
        void trialCount() {
            qt().withExamples(200).forAll(SIZES).checkAssert(sizes -> {
                Result result = GridSearch.search(gridOfSizes(sizes), p -> 1.0);

                assertThat(result.trials()).hasSize(sizes.stream().reduce(1, (a, b) -> a * b));
            });
        }

        @Test
        @DisplayName("trials follow itertools.product order: an odometer whose last key turns fastest")
        void productOrder() {
            qt().withExamples(200).forAll(SIZES).checkAssert(sizes -> {
                Result result = GridSearch.search(gridOfSizes(sizes), p -> 1.0);

                assertThat(paramsOf(result)).containsExactlyElementsOf(odometer(sizes));
            });
        }

        @Test
        @DisplayName("the best score is the largest non-NaN score, and the best trial the first that reaches it")
        void bestIsFirstMaximum() {
            qt().withExamples(200).forAll(SIZES, integers().between(0, 1_000_000)).checkAssert((sizes, salt) -> {
                // A score from {NaN, 0, 1, 2, 3}, fixed per combination: ties and NaN are frequent.
                ToDoubleFunction<Map<String, Object>> score = p -> {
                    int h = Math.floorMod((new ArrayList<>(p.values()).hashCode() + 31 * salt) * 0x9E3779B1, 5);
                    return h == 4 ? Double.NaN : h;
                };
                List<Double> expected = new ArrayList<>();
                for (Map<String, Object> p : odometer(sizes)) {
                    expected.add(score.applyAsDouble(p));
                }
                int first = firstMaximum(expected);
                if (first < 0) {
                    assertRejects(IllegalStateException.class, "search(a grid of sizes " + sizes
                            + " whose every score is NaN, score)", () -> GridSearch.search(gridOfSizes(sizes), score),
                            "NaN");
                    return;
                }

                Result result = GridSearch.search(gridOfSizes(sizes), score);

                assertThat(result.bestScore()).as("best score").isEqualTo(expected.get(first));
                assertThat(result.bestParams()).as("best parameters").isEqualTo(odometer(sizes).get(first));
            });
        }

        @Test
        @DisplayName("each trial's parameters are the map its score was computed from")
        void trialsMatchScores() {
            qt().withExamples(200).forAll(SIZES).checkAssert(sizes -> {
                ToDoubleFunction<Map<String, Object>> score = p -> new ArrayList<>(p.values()).hashCode() % 1000;

                Result result = GridSearch.search(gridOfSizes(sizes), score);

                for (Trial trial : result.trials()) {
                    assertThat(trial.score()).as("score of %s", trial.params())
                            .isEqualTo(score.applyAsDouble(trial.params()));
                }
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final GridSearchOracle.Case[] CASES = GridSearchOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("CASES")
        @DisplayName("trial order, scores and best trial match itertools.product and NumPy's nanargmax")
        void matchesPython(GridSearchOracle.Case c) {
            Map<List<Object>, Double> table = new HashMap<>();
            for (int i = 0; i < c.combinations().size(); i++) {
                table.put(c.combinations().get(i), c.scores()[i]);
            }

            Result result = GridSearch.search(c.grid(), p -> table.get(new ArrayList<>(p.values())));

            List<List<Object>> order = new ArrayList<>();
            for (Trial trial : result.trials()) {
                assertThat(trial.params().keySet()).as("keys of a trial, in grid order")
                        .containsExactlyElementsOf(c.grid().keySet());
                order.add(new ArrayList<>(trial.params().values()));
            }
            assertThat(order).as("trial order").containsExactlyElementsOf(c.combinations());
            assertThat(result.bestParams().values()).as("best parameters")
                    .containsExactlyElementsOf(c.combinations().get(c.best()));
            assertThat(result.bestScore()).as("best score").isEqualTo(c.scores()[c.best()]);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("an empty grid evaluates the score once, with no parameters")
        void emptyGrid() {
            Result result = GridSearch.search(new LinkedHashMap<>(), p -> 0.7);

            assertThat(result.trials()).hasSize(1);
            assertThat(result.bestParams()).isEmpty();
            assertThat(result.bestScore()).isEqualTo(0.7);
        }

        @Test
        @DisplayName("+∞ is an ordinary score and can be best")
        void positiveInfinity() {
            Result result = GridSearch.search(grid("k", List.of(1, 2, 3)),
                    p -> (Integer) p.get("k") == 2 ? Double.POSITIVE_INFINITY : 1.0);

            assertThat(result.bestParams()).containsExactly(Map.entry("k", 2));
            assertThat(result.bestScore()).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        @DisplayName("every score NaN → IllegalStateException naming NaN")
        void allNan() {
            assertRejects(IllegalStateException.class,
                    "GridSearch.search(grid(\"k\", List.of(1, 2)), p -> Double.NaN)",
                    () -> GridSearch.search(grid("k", List.of(1, 2)), p -> Double.NaN), "NaN");
        }

        @Test
        @DisplayName("a key with an empty list is rejected, naming the key")
        void emptyList() {
            assertRejects(IllegalArgumentException.class,
                    "GridSearch.search(grid(\"k\", List.of(1), \"depth\", List.of()), p -> 0)",
                    () -> GridSearch.search(grid("k", List.of(1), "depth", List.of()), p -> 0), "depth");
        }

        @Test
        @DisplayName("null grid, null score or a null list is rejected with a NullPointerException naming it")
        void nulls() {
            assertRejects(NullPointerException.class, "GridSearch.search(null, p -> 0)",
                    () -> GridSearch.search(null, p -> 0), "grid");
            assertRejects(NullPointerException.class, "GridSearch.search(grid(\"k\", List.of(1)), null)",
                    () -> GridSearch.search(grid("k", List.of(1)), null), "score");
            Map<String, List<?>> withNull = new LinkedHashMap<>();
            withNull.put("depth", null);
            assertRejects(NullPointerException.class, "GridSearch.search(withNull, p -> 0)",
                    () -> GridSearch.search(withNull, p -> 0), "depth");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("last tie wins: among equal best scores the first trial must be kept")
        void lastTieWins() {
            Result result = GridSearch.search(grid("k", List.of(1, 2, 3)), p -> 0.9);

            assertThat(result.bestParams())
                    .as("three trials all scored 0.9 and the best is %s: the comparison must be strict"
                            + " (score > best), so a later equal score never replaces the earlier one",
                            result.bestParams())
                    .containsExactly(Map.entry("k", 1));
        }

        @Test
        @DisplayName("NaN chosen as best: a NaN score must never be the best")
        void nanChosenAsBest() {
            Map<Integer, Double> table = Map.of(1, Double.NaN, 2, 0.3, 3, 0.1);

            Result result = GridSearch.search(grid("k", List.of(1, 2, 3)), p -> table.get((Integer) p.get("k")));

            assertThat(result.bestScore())
                    .as("the best score is %s: a NaN was picked, probably as the starting 'best' (every comparison"
                            + " with NaN is false, so it is never replaced) or via Double.compare (which ranks NaN"
                            + " above +∞). Skip NaN scores when choosing the best", result.bestScore())
                    .isEqualTo(0.3);
        }

        @Test
        @DisplayName("combinations skipped: a 3×2×2 grid has 12 trials, not one key at a time")
        void combinationsSkipped() {
            Result result = GridSearch.search(
                    grid("a", List.of(1, 2, 3), "b", List.of(true, false), "c", List.of("x", "y")), p -> 1.0);

            assertThat(result.trials())
                    .as("%d trials instead of 12: every combination of the Cartesian product must be tried, not"
                            + " each key varied on its own", result.trials().size())
                    .hasSize(12);
        }

        @Test
        @DisplayName("first key fastest: the order must be itertools.product's, last key fastest")
        void firstKeyFastest() {
            Result result = GridSearch.search(grid("a", List.of(1, 2), "b", List.of("x", "y")), p -> 0.0);

            assertThat(paramsOf(result).get(1))
                    .as("the second trial is %s: the first key turned fastest. Like nested loops with the last"
                            + " key innermost, the last key must vary fastest", paramsOf(result).get(1))
                    .isEqualTo(Map.of("a", 1, "b", "y"));
        }

        @Test
        @DisplayName("one parameter map reused: every trial must keep its own parameters")
        void paramsMapReused() {
            Result result = GridSearch.search(grid("k", List.of(1, 2, 3)), p -> (Integer) p.get("k"));

            assertThat(paramsOf(result))
                    .as("the trials' parameters are %s: one mutable map was filled for each trial and stored"
                            + " three times. Build a new map for every combination", paramsOf(result))
                    .containsExactly(Map.of("k", 1), Map.of("k", 2), Map.of("k", 3));
        }

        @Test
        @DisplayName("best starts at −∞: a grid scoring −∞ everywhere still has a best trial, the first")
        void negativeInfinityStart() {
            Result result = GridSearch.search(grid("k", List.of(1, 2)), p -> Double.NEGATIVE_INFINITY);

            assertThat(result.bestParams())
                    .as("with every score −∞ the best must be the first trial, not %s: starting from"
                            + " best = −∞ with a strict > never picks anything. Start from the first non-NaN"
                            + " trial instead", result.bestParams())
                    .containsExactly(Map.entry("k", 1));
        }
    }

    private static final Gen<List<Integer>> SIZES = lists().of(integers().between(1, 4)).ofSizeBetween(0, 4);

    /** A grid with keys p0, p1, … and values 0 … size − 1 per key. */
    private static Map<String, List<?>> gridOfSizes(List<Integer> sizes) {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        for (int k = 0; k < sizes.size(); k++) {
            List<Integer> values = new ArrayList<>();
            for (int v = 0; v < sizes.get(k); v++) {
                values.add(v);
            }
            grid.put("p" + k, values);
        }
        return grid;
    }

    /** Every combination of gridOfSizes(sizes) in product order, counted like an odometer. */
    private static List<Map<String, Object>> odometer(List<Integer> sizes) {
        int total = sizes.stream().reduce(1, (a, b) -> a * b);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            Map<String, Object> p = new LinkedHashMap<>();
            int rest = n;
            int[] digits = new int[sizes.size()];
            for (int k = sizes.size() - 1; k >= 0; k--) {
                digits[k] = rest % sizes.get(k);
                rest /= sizes.get(k);
            }
            for (int k = 0; k < sizes.size(); k++) {
                p.put("p" + k, digits[k]);
            }
            all.add(p);
        }
        return all;
    }

    private static int firstMaximum(List<Double> scores) {
        int best = -1;
        for (int i = 0; i < scores.size(); i++) {
            if (!Double.isNaN(scores.get(i)) && (best < 0 || scores.get(i) > scores.get(best))) {
                best = i;
            }
        }
        return best;
    }

    /** Accuracy on the single validation point of a k-nearest-neighbour vote (ties in distance: lower index). */
    private static double knnAccuracy(Map<String, Object> params) {
        int k = (Integer) params.get("k");
        Integer[] order = {0, 1, 2, 3, 4};
        Arrays.sort(order, (a, b) -> Double.compare(
                Math.abs(TRAIN_X[a] - VALIDATION_X), Math.abs(TRAIN_X[b] - VALIDATION_X)));
        int ones = 0;
        for (int i = 0; i < k; i++) {
            ones += TRAIN_Y[order[i]];
        }
        int predicted = 2 * ones > k ? 1 : 0;
        return predicted == VALIDATION_Y ? 1.0 : 0.0;
    }

    private static Map<String, List<?>> grid(Object... keysAndValues) {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            grid.put((String) keysAndValues[i], (List<?>) keysAndValues[i + 1]);
        }
        return grid;
    }

    private static double[] scores(Result result) {
        return result.trials().stream().mapToDouble(Trial::score).toArray();
    }

    private static List<Map<String, Object>> paramsOf(Result result) {
        return result.trials().stream().map(Trial::params).toList();
    }
}
