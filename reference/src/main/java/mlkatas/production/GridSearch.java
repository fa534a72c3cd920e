package mlkatas.production;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import mlkatas.Checks;

/**
 * Kata 9.2 GridSearch: try every combination of hyper-parameters and keep the best.
 *
 * <p>See katas.md, section "9.2 GridSearch".
 */
public final class GridSearch {

    private GridSearch() {
    }

    /**
     * The outcome of a search.
     *
     * @param bestParams the parameters of the best trial (the first one among equal best scores)
     * @param bestScore  its score, the largest non-NaN score
     * @param trials     every trial, in evaluation order
     */
    public record Result(Map<String, Object> bestParams, double bestScore, List<Trial> trials) {
    }

    /**
     * One evaluated combination.
     *
     * @param params one value per key of the grid, in the grid's key order
     * @param score  what the score function returned (may be NaN or ±∞)
     */
    public record Trial(Map<String, Object> params, double score) {
    }

    /**
     * Evaluates {@code score} on every combination of the grid's values (the Cartesian product) and returns
     * the best.
     *
     * <p>Order: the grid's iteration order of keys, with the <em>last</em> key varying fastest, exactly like
     * Python's {@code itertools.product(*grid.values())}. For {@code {a: [1, 2], b: [x, y]}} the trials are
     * {a=1,b=x}, {a=1,b=y}, {a=2,b=x}, {a=2,b=y}. Each trial gets its own parameter map (keys in the grid's
     * order), which is both passed to {@code score} and stored in the trial.
     *
     * <p>Best: higher is better; among equal scores the first trial wins; NaN scores are recorded in
     * {@code trials} but never chosen; ±∞ are ordinary scores (a grid scoring −∞ everywhere returns its
     * first trial). An empty grid evaluates {@code score} once with no parameters.
     *
     * @param grid  for each hyper-parameter name, the values to try (at least one each); use a
     *              {@code LinkedHashMap} to control the order
     * @param score evaluates one combination; higher is better
     * @return the best parameters, the best score and every trial in order
     * @throws NullPointerException     if {@code grid}, {@code score} or one of the grid's lists is null (naming
     *                                  the list's key)
     * @throws IllegalArgumentException if a key's list is empty (naming the key)
     * @throws IllegalStateException    if every score is NaN (naming {@code NaN})
     */
    public static Result search(Map<String, List<?>> grid, ToDoubleFunction<Map<String, Object>> score) {
        Checks.notNull(grid, "grid");
        Checks.notNull(score, "score");
        List<String> keys = new ArrayList<>(grid.keySet());
        List<List<?>> values = new ArrayList<>();
        for (String key : keys) {
            List<?> options = Checks.notNull(grid.get(key), "grid's list for key " + key);
            if (options.isEmpty()) {
                throw new IllegalArgumentException(
                        "grid's list for key " + key + " must hold at least one value, was empty");
            }
            values.add(options);
        }

        List<Trial> trials = new ArrayList<>();
        int bestIndex = -1;
        // An odometer over the value positions: the last key turns fastest.
        int[] position = new int[keys.size()];
        while (true) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                params.put(keys.get(k), values.get(k).get(position[k]));
            }
            params = Collections.unmodifiableMap(params);
            double s = score.applyAsDouble(params);
            trials.add(new Trial(params, s));
            if (!Double.isNaN(s) && (bestIndex < 0 || s > trials.get(bestIndex).score())) {
                bestIndex = trials.size() - 1;
            }
            if (!advance(position, values)) {
                break;
            }
        }

        if (bestIndex < 0) {
            throw new IllegalStateException("every one of the " + trials.size() + " trials scored NaN");
        }
        Trial best = trials.get(bestIndex);
        return new Result(best.params(), best.score(), Collections.unmodifiableList(trials));
    }

    /** Moves the odometer one step; returns false once every combination has been visited. */
    private static boolean advance(int[] position, List<List<?>> values) {
        for (int k = position.length - 1; k >= 0; k--) {
            position[k]++;
            if (position[k] < values.get(k).size()) {
                return true;
            }
            position[k] = 0;
        }
        return false;
    }
}
