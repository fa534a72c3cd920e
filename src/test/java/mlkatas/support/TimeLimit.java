package mlkatas.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * What happens when a learner's code never returns, applied to every test class.
 *
 * <p>Every test has a time limit ({@value #TIMEOUT_PARAMETER} in {@code junit-platform.properties}), and runs
 * in a thread of its own so that the limit can end it. This extension turns JUnit's bare
 * {@link TimeoutException} into a message that says what probably happened and where the code was when the
 * time ran out. Java cannot stop a thread that loops, so once a test of a kata has run out of time the kata's
 * other tests are not started: the run ends, red, instead of looping once per test.
 */
public final class TimeLimit implements TestExecutionExceptionHandler, ExecutionCondition {

    static final String TIMEOUT_PARAMETER = "junit.jupiter.execution.timeout.default";

    /** Top-level test classes (one per kata) in which a test ran out of time, in this JVM or class loader. */
    private static final Set<String> TIMED_OUT = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isPresent() && TIMED_OUT.contains(topLevel(testClass.get()).getName())) {
            return ConditionEvaluationResult.disabled("not run: an earlier test of "
                    + topLevel(testClass.get()).getSimpleName() + " did not finish in time (fix that one first)");
        }
        return ConditionEvaluationResult.enabled("no test of this class has run out of time");
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (!(throwable instanceof TimeoutException)) {
            throw throwable;
        }
        TIMED_OUT.add(topLevel(context.getRequiredTestClass()).getName());
        String limit = context.getConfigurationParameter(TIMEOUT_PARAMETER).orElse("the time limit").trim();
        AssertionError timedOut = new AssertionError(message(context.getDisplayName(), limit, stuckAt()));
        timedOut.setStackTrace(new StackTraceElement[0]);
        throw timedOut;
    }

    static String message(String test, String limit, Optional<String> stuckAt) {
        return "did not finish within " + limit + ": an endless loop? (test: " + test + ")"
                + stuckAt.map(frame -> System.lineSeparator() + "your code was still running at " + frame).orElse("")
                + System.lineSeparator() + "Check every loop's stopping condition. The kata's other tests were not"
                + " started, because Java cannot stop a loop that never ends.";
    }

    /** "Softmax.softmax(Softmax.java:14)": the innermost frame of a kata class in another, still running thread. */
    private static Optional<String> stuckAt() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey() == Thread.currentThread()) {
                continue;
            }
            List<String> frames = KataFrames.of(thread.getValue(), 1);
            if (!frames.isEmpty()) {
                return Optional.of(frames.get(0));
            }
        }
        return Optional.empty();
    }

    private static Class<?> topLevel(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top;
    }
}
