package mlkatas;

import java.util.Objects;

/**
 * Argument checks whose messages follow the katas' message convention (katas.md, "Bad input and exception
 * messages"): each names the parameter as you pass it in {@code name}, says what was expected and what was given.
 *
 * <p>Not a kata: a helper every kata may use for its bad-input rules (the same file exists in the reference).
 * A {@code null} argument, or a null row, gives a {@link NullPointerException}; every other violation an
 * {@link IllegalArgumentException}. Pass the parameter's name as spelt in the kata's signature; for an element
 * pass {@code name + "[" + i + "]"}, for a record component {@code "update.inputWeights"}:
 *
 * <pre>{@code
 * int columns = Checks.matrix(data, "data");            // NPE "data[1] must not be null" for a null row
 * Checks.positive(learningRate, "learningRate");        // IAE "learningRate must be finite and > 0, was -0.1"
 * }</pre>
 *
 * <p>Each method's Javadoc gives its exact messages, with {@code <name>} for the {@code name} argument and
 * {@code <value>} for the value it was given.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks that {@code value} is not null.
     *
     * @return {@code value}
     * @throws NullPointerException "{@code <name> must not be null}"
     */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /**
     * Checks that {@code matrix} is a non-null matrix with at least one row, no null row, at least one column,
     * and every row as long as row 0.
     *
     * @return the number of columns
     * @throws NullPointerException     "{@code <name> must not be null}", or for the first null row i
     *                                  "{@code <name>[i] must not be null}"
     * @throws IllegalArgumentException "{@code <name> must have at least one row, was empty}";
     *                                  "{@code <name> must have at least one column, but <name>[0] is empty}";
     *                                  for the first row i of another length
     *                                  "{@code <name> must be rectangular: <name>[0] has 3 columns but <name>[i] has 2}"
     */
    public static int matrix(double[][] matrix, String name) {
        notNull(matrix, name);
        if (matrix.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, was empty");
        }
        notNull(matrix[0], name + "[0]");
        int columns = matrix[0].length;
        if (columns == 0) {
            throw new IllegalArgumentException(name + " must have at least one column, but " + name + "[0] is empty");
        }
        for (int i = 1; i < matrix.length; i++) {
            notNull(matrix[i], name + "[" + i + "]");
            if (matrix[i].length != columns) {
                throw new IllegalArgumentException(name + " must be rectangular: " + name + "[0] has " + columns
                        + " columns but " + name + "[" + i + "] has " + matrix[i].length);
            }
        }
        return columns;
    }

    /**
     * Checks that {@code vector} is non-null and non-empty.
     *
     * @return its length
     * @throws NullPointerException     "{@code <name> must not be null}"
     * @throws IllegalArgumentException "{@code <name> must not be empty}"
     */
    public static int vector(double[] vector, String name) {
        notNull(vector, name);
        if (vector.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return vector.length;
    }

    /**
     * Checks that a length {@code actual} equals {@code expected}; {@code expectation} says in words what the
     * length must be, e.g. {@code "one entry per row of x"}.
     *
     * @throws IllegalArgumentException "{@code <name> must have <expectation> (<expected>), but has <actual>}"
     */
    public static void length(int actual, int expected, String name, String expectation) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    name + " must have " + expectation + " (" + expected + "), but has " + actual);
        }
    }

    /**
     * Checks that {@code value} is finite and &gt; 0 (NaN fails).
     *
     * @return {@code value}
     * @throws IllegalArgumentException "{@code <name> must be finite and > 0, was <value>}"
     */
    public static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} is finite and ≥ 0 (NaN fails).
     *
     * @return {@code value}
     * @throws IllegalArgumentException "{@code <name> must be finite and >= 0, was <value>}"
     */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} ≥ 0.
     *
     * @return {@code value}
     * @throws IllegalArgumentException "{@code <name> must be >= 0, was <value>}"
     */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} ≥ {@code min}.
     *
     * @return {@code value}
     * @throws IllegalArgumentException "{@code <name> must be >= <min>, was <value>}"
     */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} lies in [min, max) (NaN fails).
     *
     * @return {@code value}
     * @throws IllegalArgumentException "{@code <name> must be in [<min>, <max>), was <value>}"
     */
    public static double inHalfOpenRange(double value, double min, double max, String name) {
        if (!(value >= min && value < max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "), was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} lies in the open interval (min, max) (NaN fails).
     *
     * @return {@code value}
     * @throws IllegalArgumentException "{@code <name> must be in (<min>, <max>), was <value>}"
     */
    public static double inOpenRange(double value, double min, double max, String name) {
        if (!(value > min && value < max)) {
            throw new IllegalArgumentException(name + " must be in (" + min + ", " + max + "), was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code values} is non-null and every entry is finite (no NaN, no infinity); an empty array
     * passes.
     *
     * @throws NullPointerException     "{@code <name> must not be null}"
     * @throws IllegalArgumentException for the first bad entry i "{@code <name> must be finite, but <name>[i] is NaN}"
     */
    public static void finite(double[] values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " must be finite, but " + name + "[" + i + "] is "
                        + values[i]);
            }
        }
    }

    /**
     * Checks that {@code labels} is non-null and every label is 0 or 1; an empty array passes.
     *
     * @throws NullPointerException     "{@code <name> must not be null}"
     * @throws IllegalArgumentException for the first bad label i
     *                                  "{@code <name> must contain only 0 and 1, but <name>[i] is 2}"
     */
    public static void binaryLabels(int[] labels, String name) {
        notNull(labels, name);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(name + " must contain only 0 and 1, but " + name + "[" + i
                        + "] is " + labels[i]);
            }
        }
    }
}
