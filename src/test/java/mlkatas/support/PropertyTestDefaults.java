package mlkatas.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Defaults for QuickTheories that suit a learner's red-green loop, applied to every test class.
 *
 * <p>Shrinking: QuickTheories spends up to 100 shrink cycles per example looking for a smaller failing
 * input. That is seconds per property when every input fails (an unimplemented stub), most of it wasted.
 * Unless {@code QT_SHRINKS} is set, this extension caps it at {@value #SHRINK_CYCLES}, which still shrinks
 * real failures to small inputs.
 *
 * <p>Messages: QuickTheories writes the whole stack trace of the failure's cause into its message, which Surefire's
 * stack-trace trimming cannot reach. This extension keeps the falsifying input and the cause's message and
 * only the stack frames in the katas' own code ({@code mlkatas.*}). It is registered for every test through
 * {@code META-INF/services} (auto-detection is enabled in {@code junit-platform.properties}).
 */
public final class PropertyTestDefaults implements BeforeAllCallback, TestExecutionExceptionHandler {

    static final int SHRINK_CYCLES = 200;

    private static final String CAUSE_MARKER = "Cause was :-";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("QT_SHRINKS") == null) {
            System.setProperty("QT_SHRINKS", Integer.toString(SHRINK_CYCLES));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        String message = throwable.getMessage();
        if (!(throwable instanceof AssertionError) || message == null || !message.contains(CAUSE_MARKER)) {
            throw throwable;
        }
        AssertionError shorter = new AssertionError(shorten(message), throwable.getCause());
        shorter.setStackTrace(throwable.getStackTrace());
        throw shorter;
    }

    static String shorten(String message) {
        List<String> kept = new ArrayList<>();
        boolean inCause = false;
        for (String line : message.split("\\R")) {
            if (!inCause) {
                kept.add(line);
                inCause = line.startsWith(CAUSE_MARKER);
            } else if (line.startsWith("\tat ")) {
                if (line.startsWith("\tat mlkatas.") && !line.startsWith("\tat mlkatas.support.")) {
                    kept.add(line);
                }
            } else if (!line.matches("\\s*\\.\\.\\. \\d+ more")) {
                kept.add(line);
            }
        }
        return String.join(System.lineSeparator(), kept);
    }
}
