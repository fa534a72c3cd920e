package mlkatas.support.report;

import java.util.ArrayList;
import java.util.List;
import mlkatas.support.KataFrames;

/**
 * Turns what a test threw into the lines a learner reads: the assertion's message, or the exception the
 * learner's code threw with the line of the kata where it happened, never JUnit's, AssertJ's or
 * QuickTheories' stack frames.
 */
public final class FailureText {

    /** Lines of a property failure that list more falsifying values: noise once the smallest one is shown. */
    private static final String MORE_VALUES = "Other found falsifying value(s)";

    private FailureText() {
    }

    /** The lines that explain {@code thrown}; at most {@code maxLines} of them (0: no limit). */
    public static List<String> lines(Throwable thrown, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (thrown instanceof LinkageError && !(thrown instanceof ExceptionInInitializerError)) {
            lines.add(thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
            lines.add("The tests were compiled against the kata's original API: keep the signatures of katas.md and");
            lines.add("the stub, or recompile everything with ./mvnw clean test -Dtest=<Kata>Test.");
        } else if (isAssertion(thrown)) {
            lines.addAll(messageLines(thrown.getMessage()));
        } else {
            lines.add("threw " + thrown.getClass().getName().replaceFirst("^java\\.(lang|util)\\.", "")
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
            KataFrames.of(thrown.getStackTrace(), 3).forEach(frame -> lines.add("    at " + frame));
            Throwable cause = thrown.getCause();
            if (cause != null && cause != thrown) {
                lines.add("caused by " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (maxLines > 0 && lines.size() > maxLines) {
            int cut = lines.size() - maxLines + 1;
            List<String> shown = new ArrayList<>(lines.subList(0, maxLines - 1));
            shown.add("... (" + cut + " more lines: add -Dkatas.report=full to the Maven command)");
            return shown;
        }
        return lines;
    }

    /** The first non-blank line of the explanation, for one-line summaries. */
    public static String firstLine(Throwable thrown) {
        return lines(thrown, 0).stream().filter(l -> !l.isBlank()).findFirst().orElse("(no message)");
    }

    private static boolean isAssertion(Throwable thrown) {
        return thrown instanceof AssertionError;
    }

    /** The message without QuickTheories' list of further falsifying values and without framework frames. */
    static List<String> messageLines(String message) {
        List<String> kept = new ArrayList<>();
        if (message == null) {
            return kept;
        }
        boolean skipping = false;
        for (String line : message.strip().split("\\R")) {
            if (line.startsWith(MORE_VALUES)) {
                skipping = true;
            } else if (skipping && line.startsWith("Seed was")) {
                skipping = false;
            } else if (!skipping && !(line.startsWith("\tat ") && isFrameworkFrame(line))) {
                kept.add(line.startsWith("\tat ") ? "    " + line.strip() : line);
            }
        }
        return kept;
    }

    private static boolean isFrameworkFrame(String line) {
        String frame = line.strip().substring(3);
        return !frame.startsWith("mlkatas.") || frame.startsWith("mlkatas.support.");
    }

}
