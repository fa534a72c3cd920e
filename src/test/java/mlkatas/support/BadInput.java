package mlkatas.support;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bad-input assertions whose failures teach: each says which call was made, what it should have thrown and
 * what happened instead, without another exception's stack trace.
 *
 * <pre>{@code
 * assertRejects(IllegalArgumentException.class, "softmax(new double[0])", () -> Softmax.softmax(new double[0]),
 *         "scores");
 * // fails with: softmax(new double[0]) should throw IllegalArgumentException naming `scores`, but returned [].
 * }</pre>
 *
 * <p>The names are what the message convention of katas.md ("Bad input and exception messages") allows a test
 * to demand of the exception's message: the parameter as spelt in the signature, an element of an array or list
 * parameter as {@code name[i]}, a record component as {@code name.component}, or a word the kata's own section
 * states as "naming `X`". The contract lint ({@code tools/check/ContractLint.java}) reads these string
 * literals, so pass them as literals.
 */
public final class BadInput {

    private static final int MAX_SHOWN = 120;

    private BadInput() {
    }

    /** A call that returns a value, shown in the failure when it should have thrown. */
    @FunctionalInterface
    public interface Call {
        Object call() throws Throwable;
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    public interface VoidCall {
        void call() throws Throwable;
    }

    /**
     * Asserts that {@code code} throws exactly {@code type} (or a subclass) and that the exception's message
     * contains every one of {@code names}.
     *
     * @param type  the exception the kata's contract promises
     * @param call  the call as a learner would write it, e.g. {@code "softmax(new double[0])"}
     * @param code  the call itself
     * @param names what the message must contain (at least one)
     */
    public static void assertRejects(Class<? extends Throwable> type, String call, Call code, String... names) {
        Throwable thrown;
        Object returned;
        try {
            returned = code.call();
            thrown = null;
        } catch (Throwable t) {
            returned = null;
            thrown = t;
        }
        check(type, call, thrown, returned, true, names);
    }

    /** As {@link #assertRejects(Class, String, Call, String...)}, for a call that returns nothing. */
    public static void assertRejects(Class<? extends Throwable> type, String call, VoidCall code,
            String... names) {
        Throwable thrown = null;
        try {
            code.call();
        } catch (Throwable t) {
            thrown = t;
        }
        check(type, call, thrown, null, false, names);
    }

    private static void check(Class<? extends Throwable> type, String call, Throwable thrown, Object returned,
            boolean returnsValue, String[] names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("assertRejects needs at least one name the message must contain");
        }
        String expected = call + " should throw " + type.getSimpleName() + " naming "
                + Arrays.stream(names).map(n -> "`" + n + "`").collect(Collectors.joining(" and "));
        if (thrown == null) {
            throw new AssertionError(expected + ", but " + (returnsValue ? "returned " + show(returned)
                    : "returned normally") + ".");
        }
        if (thrown instanceof Error && !(thrown instanceof StackOverflowError) && !type.isInstance(thrown)) {
            sneakyThrow(thrown); // an assertion or VM error inside the call is not the learner's answer
        }
        if (!type.isInstance(thrown)) {
            throw new AssertionError(expected + ", but threw " + describe(thrown) + ".");
        }
        String message = thrown.getMessage();
        List<String> missing = Stream.of(names).filter(n -> message == null || !message.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError(expected + ", but its message "
                    + (message == null || message.isBlank() ? "was empty" : "was \"" + message + "\"")
                    + (names.length > 1 ? " (missing " + String.join(", ", missing) + ")" : "") + ".");
        }
    }

    /** "ArithmeticException: / by zero (at Softmax.softmax(Softmax.java:31))": the type, message and first kata frame. */
    static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            text.append(": ").append(t.getMessage());
        }
        KataFrames.of(t.getStackTrace(), 1).forEach(frame -> text.append(" (at ").append(frame).append(')'));
        return text.toString();
    }

    /** A returned value as a learner would read it: arrays in brackets, long values cut. */
    static String show(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value.getClass().isArray()) {
            text = Arrays.deepToString(new Object[] {value});
            text = text.substring(1, text.length() - 1);
        } else {
            text = String.valueOf(value);
        }
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
