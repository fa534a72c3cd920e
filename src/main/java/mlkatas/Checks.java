package mlkatas;

import java.util.Objects;

/**
 * Argument checks with messages that name the parameter, what was expected and what was given.
 *
 * <p>Not a kata: a helper every kata may use for its bad-input rules (the same file exists in the reference).
 * {@code null} gives a {@link NullPointerException}; every other violation an {@link IllegalArgumentException}.
 */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value}, or throws NPE "{@code name} must not be null". */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /**
     * Checks that {@code matrix} is a non-null, non-empty, rectangular matrix with at least one column and
     * returns its number of columns.
     */
    public static int matrix(double[][] matrix, String name) {
        notNull(matrix, name);
        if (matrix.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, was empty");
        }
        notNull(matrix[0], name + "[0]");
        int columns = matrix[0].length;
        if (columns == 0) {
            throw new IllegalArgumentException(name + " must have at least one column, row 0 is empty");
        }
        for (int i = 1; i < matrix.length; i++) {
            notNull(matrix[i], name + "[" + i + "]");
            if (matrix[i].length != columns) {
                throw new IllegalArgumentException(name + " must be rectangular: row 0 has " + columns
                        + " columns but row " + i + " has " + matrix[i].length);
            }
        }
        return columns;
    }

    /** Checks that {@code vector} is non-null and non-empty and returns its length. */
    public static int vector(double[] vector, String name) {
        notNull(vector, name);
        if (vector.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return vector.length;
    }

    /** Checks that {@code actual == expected}, describing the expected length as {@code expectation}. */
    public static void length(int actual, int expected, String name, String expectation) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    name + " must have " + expectation + " (" + expected + "), but has " + actual);
        }
    }

    /** Checks that {@code value} is finite and strictly positive. */
    public static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
        return value;
    }

    /** Checks that {@code value} is finite and ≥ 0. */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    /** Checks that {@code value} ≥ 0. */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /** Checks that {@code value} ≥ {@code min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** Checks that {@code value} lies in [min, max) (NaN fails). */
    public static double inHalfOpenRange(double value, double min, double max, String name) {
        if (!(value >= min && value < max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "), was " + value);
        }
        return value;
    }

    /** Checks that {@code value} lies in the open interval (min, max) (NaN fails). */
    public static double inOpenRange(double value, double min, double max, String name) {
        if (!(value > min && value < max)) {
            throw new IllegalArgumentException(name + " must be in (" + min + ", " + max + "), was " + value);
        }
        return value;
    }

    /** Checks that every entry is finite (no NaN, no infinity). */
    public static void finite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " must be finite, but " + name + "[" + i + "] is "
                        + values[i]);
            }
        }
    }

    /** Checks that every label is 0 or 1. */
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
