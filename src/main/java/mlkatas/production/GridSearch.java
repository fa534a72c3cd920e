package mlkatas.production;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

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
        throw new UnsupportedOperationException(
                "Kata 9.2 GridSearch: implement search(...), see katas.md#92-gridsearch");
    }
}
