package mlkatas.support.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The red report: the one thing to fix first, the misconceptions, then counts")
class RedReportTest {

    private static final String PROPERTY_FAILURE = String.join("\n",
            "Property falsified after 1 example(s) ",
            "Smallest found falsifying value(s) :-",
            "[-10000.0]",
            "Cause was :-",
            "java.lang.AssertionError: softmax([-10000.0])",
            "entry [0] is NaN: [NaN]",
            "\tat mlkatas.nn.SoftmaxTest$Properties.lambda$finite$4(SoftmaxTest.java:143)",
            "\tat org.quicktheories.core.Property.check(Property.java:12)",
            "",
            "Other found falsifying value(s) :- ",
            "[-9999.0]",
            "[-9998.0]",
            " ",
            "Seed was 681204584442");

    private static KataResult naiveSoftmax() {
        KataResult result = new KataResult("Softmax");
        result.add("Examples", "equal scores", false, null, false);
        result.add("Examples", "[1000, 1001] → [0.2689, 0.7311]", false,
                new AssertionError("softmax([1000, 1001])\n  [0] expected 0.2689 but was NaN"), false);
        result.add("Properties", "probabilities are finite", false, new AssertionError(PROPERTY_FAILURE), false);
        result.add("Properties", "sums to 1", false, new AssertionError("sum was NaN"), false);
        result.add("Edge cases and bad input", "empty input is rejected", false,
                new AssertionError("softmax(new double[0]) should throw IllegalArgumentException naming `scores`,"
                        + " but returned []."), false);
        result.add("Mistakes", "no max subtraction: subtract the largest score first", false,
                new AssertionError("e^1000 overflows to ∞ and ∞/∞ is NaN; compute e^(s − max(s))"), false);
        return result;
    }

    @Test
    @DisplayName("first failing test with its message, then the misconceptions, then one line per other group")
    void focusedOrder() {
        String report = RedReport.render(List.of(naiveSoftmax()), RedReport.Detail.FOCUSED);

        assertThat(report).containsSubsequence(
                "4.6 Softmax: red, 5 of 6 tests fail",
                "First failing test: Examples > [1000, 1001] → [0.2689, 0.7311]",
                "  softmax([1000, 1001])",
                "Classic mistakes your code makes",
                "  * no max subtraction: subtract the largest score first",
                "      e^1000 overflows to ∞",
                "Also failing:",
                "Properties", "2 tests",
                "Edge cases and bad input", "1 test",
                "Every failure in full: ./mvnw test -Dtest=SoftmaxTest -Dkatas.report=full");
        assertThat(report).doesNotContain("should throw IllegalArgumentException").doesNotContain("sum was NaN");
    }

    @Test
    @DisplayName("a property failure keeps its smallest input and drops the other falsifying values and framework frames")
    void propertyFailureTrimmed() {
        List<String> lines = FailureText.lines(new AssertionError(PROPERTY_FAILURE), 0);

        assertThat(lines).contains("[-10000.0]", "entry [0] is NaN: [NaN]",
                        "    at mlkatas.nn.SoftmaxTest$Properties.lambda$finite$4(SoftmaxTest.java:143)")
                .doesNotContain("[-9999.0]", "Seed was 681204584442")
                .noneMatch(line -> line.contains("org.quicktheories"));
    }

    @Test
    @DisplayName("an exception thrown by the learner's code is shown with the kata's own line, not the framework's")
    void learnerException() {
        ArithmeticException thrown = new ArithmeticException("/ by zero");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("mlkatas.nn.Softmax", "softmax", "Softmax.java", 14),
            new StackTraceElement("mlkatas.nn.SoftmaxTest$Examples", "equal", "SoftmaxTest.java", 40),
            new StackTraceElement("org.junit.platform.Launcher", "execute", "Launcher.java", 99)});

        assertThat(FailureText.lines(thrown, 0))
                .containsExactly("threw ArithmeticException: / by zero", "    at Softmax.softmax(Softmax.java:14)");
    }

    @Test
    @DisplayName("Part B is optional: a kata whose other tests pass is green whatever Part B does")
    void partBOptional() {
        KataResult result = new KataResult("BatchNorm");
        result.add("Examples", "one batch", false, null, false);
        result.add("Part B: a layer", "running mean", true, new AssertionError("running mean off"), false);
        result.add("Part B: a layer", "eval mode", true, null, false);

        assertThat(result.green()).isTrue();
        assertThat(result.partBTests()).isEqualTo(2);
        assertThat(result.partBFailing()).isEqualTo(1);
        assertThat(RedReport.render(List.of(result), RedReport.Detail.FOCUSED))
                .contains("4.3 BatchNorm: green; Part B: 1 of 2 fail");
    }

    @Test
    @DisplayName("an untouched stub gives no report: the board already says the kata is not started")
    void notStarted() {
        KataResult result = new KataResult("Adam");
        result.add("Examples", "first step", false, new UnsupportedOperationException("Kata 5.1 Adam: implement"), true);

        assertThat(result.notStarted()).isTrue();
        assertThat(RedReport.render(List.of(result), RedReport.Detail.FOCUSED)).isEmpty();
    }
}
