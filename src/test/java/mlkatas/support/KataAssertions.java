package mlkatas.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tolerance assertions for vectors and matrices with a diff a learner can read: which positions are off,
 * by how much, and both values side by side.
 *
 * <p>Every method takes {@code what}: a short description of the value ("θ after 1000 iterations"), or, in
 * a mistake test, the misconception it reveals. It leads the failure message.
 */
public final class KataAssertions {

    /** At most this many mismatching positions are listed one by one. */
    private static final int MAX_LISTED = 8;

    private KataAssertions() {
    }

    /** Passes when both have the same length and |actual[i] − expected[i]| ≤ tolerance for every i. */
    public static void assertVectorClose(String what, double[] actual, double[] expected, double tolerance) {
        assertThat(actual).as("%s: the result must not be null", what).isNotNull();
        assertThat(actual.length).as("%s: length (expected %s)", what, Arrays.toString(expected))
                .isEqualTo(expected.length);
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            if (!close(actual[i], expected[i], tolerance)) {
                count++;
                if (mismatches.size() < MAX_LISTED) {
                    mismatches.add(String.format("  [%d] expected %s but was %s (off by %.3g)", i,
                            expected[i], actual[i], Math.abs(actual[i] - expected[i])));
                }
            }
        }
        if (count > 0) {
            fail(String.format("%s%n%d of %d entries differ by more than %s:%n%s%s%nexpected: %s%nactual:   %s",
                    what, count, expected.length, tolerance, String.join(System.lineSeparator(), mismatches),
                    count > MAX_LISTED ? System.lineSeparator() + "  ..." : "",
                    Arrays.toString(expected), Arrays.toString(actual)));
        }
    }

    /** Passes when both have the same shape and every entry is within {@code tolerance}. */
    public static void assertMatrixClose(String what, double[][] actual, double[][] expected, double tolerance) {
        assertThat(actual).as("%s: the result must not be null", what).isNotNull();
        assertThat(actual.length).as("%s: number of rows", what).isEqualTo(expected.length);
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        int total = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s: row %d must not be null", what, i).isNotNull();
            assertThat(actual[i].length).as("%s: length of row %d", what, i).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                total++;
                if (!close(actual[i][j], expected[i][j], tolerance)) {
                    count++;
                    if (mismatches.size() < MAX_LISTED) {
                        mismatches.add(String.format("  [%d][%d] expected %s but was %s (off by %.3g)", i, j,
                                expected[i][j], actual[i][j], Math.abs(actual[i][j] - expected[i][j])));
                    }
                }
            }
        }
        if (count > 0) {
            fail(String.format("%s%n%d of %d entries differ by more than %s:%n%s%s%nexpected:%n%s%nactual:%n%s",
                    what, count, total, tolerance, String.join(System.lineSeparator(), mismatches),
                    count > MAX_LISTED ? System.lineSeparator() + "  ..." : "",
                    rows(expected), rows(actual)));
        }
    }

    /** Passes when every entry of actual is finite (no NaN, no ±Infinity). */
    public static void assertAllFinite(String what, double[] actual) {
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(actual[i])) {
                fail(String.format("%s%nentry [%d] is %s: %s", what, i, actual[i], Arrays.toString(actual)));
            }
        }
    }

    /** Passes when every entry of actual is finite (no NaN, no ±Infinity). */
    public static void assertAllFinite(String what, double[][] actual) {
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual[i].length; j++) {
                if (!Double.isFinite(actual[i][j])) {
                    fail(String.format("%s%nentry [%d][%d] is %s:%n%s", what, i, j, actual[i][j], rows(actual)));
                }
            }
        }
    }

    private static boolean close(double actual, double expected, double tolerance) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= tolerance;
    }

    private static String rows(double[][] m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.length; i++) {
            sb.append("  ").append(Arrays.toString(m[i]));
            if (i < m.length - 1) {
                sb.append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
