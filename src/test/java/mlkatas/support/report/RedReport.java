package mlkatas.support.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mlkatas.support.progress.Catalogue;
import mlkatas.support.report.KataResult.Failure;

/**
 * The end of a red run, written for the learner: for each kata that is red, the first failing test with its
 * message, then the misconception of every failing Mistakes test, then one line per other failing group.
 * Printed once, just above the progress board.
 *
 * <p>{@link Detail#FOCUSED} keeps it to one screen; {@link Detail#FULL} (flag {@code -Dkatas.report=full})
 * prints every failure in full.
 */
public final class RedReport {

    /** How much to print. */
    public enum Detail { FOCUSED, FULL }

    /** The system property that chooses the detail: {@code focused} (default), {@code full} or {@code off}. */
    public static final String DETAIL_PROPERTY = "katas.report";

    static final int FIRST_FAILURE_LINES = 16;
    static final String MISTAKES_GROUP = "Mistakes";

    private RedReport() {
    }

    /** The report for the katas of one run, or "" when none of them is red. */
    public static String render(List<KataResult> results, Detail detail) {
        StringBuilder out = new StringBuilder();
        for (KataResult result : results) {
            if (result.failures().isEmpty() || result.notStarted()) {
                continue;
            }
            out.append(detail == Detail.FULL ? full(result) : focused(result));
        }
        return out.toString();
    }

    static String focused(KataResult result) {
        List<Failure> failures = result.failures();
        Failure first = failures.get(0);
        List<String> out = new ArrayList<>();
        out.add(heading(result));
        out.add("First failing test: " + first.path());
        FailureText.lines(first.thrown(), FIRST_FAILURE_LINES).forEach(line -> out.add("  " + line));

        List<Failure> mistakes = failures.stream()
                .filter(f -> f.group().equals(MISTAKES_GROUP) && f != first).toList();
        if (!mistakes.isEmpty()) {
            out.add("");
            out.add("Classic mistakes your code makes (each is a failing test in Mistakes):");
            for (Failure mistake : mistakes) {
                out.add("  * " + mistake.test());
                out.add("      " + FailureText.firstLine(mistake.thrown()));
            }
        }

        Map<String, Integer> otherGroups = new LinkedHashMap<>();
        for (Failure f : failures) {
            if (f != first && !f.group().equals(MISTAKES_GROUP)) {
                otherGroups.merge(f.partB() ? f.group() + " (optional)" : f.group(), 1, Integer::sum);
            }
        }
        if (!otherGroups.isEmpty()) {
            out.add("");
            out.add("Also failing:");
            otherGroups.forEach((group, count) -> out.add(String.format("  %-40s %d %s", group, count,
                    count == 1 ? "test" : "tests")));
        }
        if (result.notRun() > 0) {
            out.add(String.format("  %-40s %d %s", "(not run after the time-out)", result.notRun(),
                    result.notRun() == 1 ? "test" : "tests"));
        }
        out.add("");
        out.add("Every failure in full: ./mvnw test -Dtest=" + result.kata() + "Test -Dkatas.report=full");
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    static String full(KataResult result) {
        List<String> out = new ArrayList<>();
        out.add(heading(result));
        for (Failure f : result.failures()) {
            out.add("");
            out.add("x " + f.path());
            FailureText.lines(f.thrown(), 0).forEach(line -> out.add("  " + line));
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    private static String heading(KataResult result) {
        String title = Catalogue.byName(result.kata()).map(Catalogue.Kata::title).orElse(result.kata());
        String counts;
        if (result.failing() > 0 || result.notRun() > 0) {
            counts = result.notRun() == 0 ? "red, " + result.failing() + " of " + result.tests() + " tests fail"
                    : "red, " + result.failing() + " failing and " + result.notRun() + " not run of "
                            + (result.tests() + result.notRun()) + " tests";
        } else if (result.tests() == 0) {
            counts = "Part B alone, " + result.partBFailing() + " of " + result.partBTests() + " fail";
        } else {
            counts = "green; Part B: " + result.partBFailing() + " of " + result.partBTests() + " fail";
        }
        String text = "---- " + title + ": " + counts + " ";
        return System.lineSeparator() + text + "-".repeat(Math.max(4, 78 - text.length()));
    }
}
