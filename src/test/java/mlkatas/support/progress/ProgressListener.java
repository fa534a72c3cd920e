package mlkatas.support.progress;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import mlkatas.support.practice.Interviews;
import mlkatas.support.progress.ProgressState.Status;
import mlkatas.support.report.KataResult;
import mlkatas.support.report.RedReport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Keeps the learner's progress board up to date after every test run: Maven, a single kata, or the IDE.
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}. For each
 * kata whose tests ran it records green (every test outside the optional Part B passes), red (some fail) or
 * not started (every failure is the stub's "Kata ...: implement ..." exception) in {@link ProgressState}, and
 * Part B's counts apart; a kata with an open mock interview that is now green ends it ({@link Interviews}). At
 * the end of the run it prints the {@link RedReport} of the red katas, the end of any mock interview, then the
 * board. The system property {@value #MODE_PROPERTY} chooses when:
 * <ul>
 *   <li>unset (an IDE run): record and print the board;</li>
 *   <li>{@code maven} (the learner's build, whose tests run inside Maven's JVM): record, and print the board
 *       when that JVM exits, so that it comes after Surefire's summary and Maven's verdict, the last thing a
 *       learner sees;</li>
 *   <li>{@code off} (the reference build): record nothing and print no board, the reference is not the
 *       learner's progress; the report is still printed (in full), so a contributor sees what failed.</li>
 * </ul>
 * The state file is found from the system property {@value #ROOT_PROPERTY} (the build sets it to the project
 * folder) or else from the working directory.
 */
public final class ProgressListener implements TestExecutionListener {

    public static final String MODE_PROPERTY = "mlkatas.board";
    public static final String ROOT_PROPERTY = "mlkatas.root";

    /** How the optional groups' classes end ({@code @Nested class PartB}). */
    private static final String PART_B_CLASS = "$PartB";

    /** One report and board per JVM at exit, however many test plans ran in it. */
    private static final AtomicBoolean PRINT_AT_EXIT = new AtomicBoolean();
    private static final List<String> REPORTS_AT_EXIT = java.util.Collections.synchronizedList(new ArrayList<>());

    private final Map<String, KataResult> runs = new LinkedHashMap<>();
    private TestPlan plan;
    private int testsRun;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runs.clear();
        testsRun = 0;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        kataOf(id.getSource()).ifPresent(kata -> {
            long tests = id.isTest() ? 1
                    : Math.max(1, plan == null ? 1 : plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count());
            for (long i = 0; i < tests; i++) {
                runs.computeIfAbsent(kata, KataResult::new).addNotRun();
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            testsRun++;
        }
        Optional<String> kata = kataOf(id.getSource()).or(() -> otherTestClass(id.getSource(), result));
        if (kata.isEmpty()) {
            return;
        }
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!id.isTest() && !failed) {
            return;
        }
        List<String> path = path(id);
        String group = path.isEmpty() ? "(the test class)" : path.get(0);
        String test = path.size() <= 1 ? "" : String.join(" > ", path.subList(1, path.size()));
        Throwable thrown = failed ? result.getThrowable().orElseGet(() -> new AssertionError("failed")) : null;
        runs.computeIfAbsent(kata.get(), KataResult::new)
                .add(group, test, isPartB(id), thrown, failed && isStubFailure(result));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String mode = mode();
        if (mode.equals("off") && runs.values().stream().allMatch(r -> r.failures().isEmpty())) {
            System.out.println("[katas] " + testsRun + " tests ran, all pass");
        }
        if (runs.isEmpty()) {
            return;
        }
        List<KataResult> results = new ArrayList<>(runs.values());
        String report = RedReport.render(results, detail(mode));
        if (mode.equals("off")) {
            System.out.print(report);
            return;
        }
        Path file = ProgressState.fileFor(Path.of(System.getProperty(ROOT_PROPERTY, System.getProperty("user.dir"))));
        ProgressState state = ProgressState.load(file);
        Instant now = new ReviewSchedule(ReviewSchedule.clockFromEnvironment()).now();
        List<String> ran = new ArrayList<>();
        for (KataResult run : results) {
            if (Catalogue.byName(run.kata()).isEmpty()) {
                continue;
            }
            ran.add(run.kata());
            if (run.tests() == 0 && run.notRun() == 0) {
                state.recordPartB(run.kata(), run.partBTests(), run.partBTests() - run.partBFailing(), now);
                continue;
            }
            Status status = run.green() ? Status.GREEN : run.notStarted() ? Status.NOT_STARTED : Status.RED;
            String firstFailure = run.failures().isEmpty() ? "" : run.failures().get(0).path();
            state.record(run.kata(), status, run.tests() + run.notRun(), run.failing() + run.notRun(), firstFailure,
                    run.partBTests(), run.partBTests() - run.partBFailing(), now);
        }
        state.setLastRun(ran);
        String interviews = Interviews.afterRun(state, file.resolveSibling("katas.md"), now);
        try {
            state.save(file);
        } catch (IOException e) {
            System.err.println("[katas] could not save progress to " + file + ": " + e.getMessage());
        }
        if (!mode.equals("maven")) {
            System.out.print(report);
            System.out.print(interviews);
            System.out.println(Board.render(state, now));
            return;
        }
        // The board at exit reads the file saved above: say here what loading it had to repair.
        REPORTS_AT_EXIT.add(state.notice().map(n -> n + System.lineSeparator()).orElse("") + report + interviews);
        if (PRINT_AT_EXIT.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                REPORTS_AT_EXIT.forEach(System.out::print);
                System.out.println(Board.render(ProgressState.load(file),
                        new ReviewSchedule(ReviewSchedule.clockFromEnvironment()).now()));
                System.out.flush();
            }, "kata-progress-board"));
        }
    }

    private static String mode() {
        return System.getProperty(MODE_PROPERTY, "ide");
    }

    /** Focused for the learner, in full for the reference build or when asked ({@code -Dkatas.report=full}). */
    private static RedReport.Detail detail(String mode) {
        String asked = System.getProperty(RedReport.DETAIL_PROPERTY, "");
        if (asked.equals("full") || (asked.isEmpty() && mode.equals("off"))) {
            return RedReport.Detail.FULL;
        }
        return RedReport.Detail.FOCUSED;
    }

    /** The kata a test belongs to: its top-level class is {@code <Kata>Test} for a kata of the catalogue. */
    static Optional<String> kataOf(Optional<TestSource> source) {
        String className = className(source).orElse(null);
        if (className == null) {
            return Optional.empty();
        }
        String topLevel = className.substring(className.lastIndexOf('.') + 1).split("\\$")[0];
        if (!topLevel.endsWith("Test")) {
            return Optional.empty();
        }
        return Catalogue.byName(topLevel.substring(0, topLevel.length() - "Test".length())).map(Catalogue.Kata::name);
    }

    /** A failing test outside the katas (the project's own support tests) is reported under its class. */
    private static Optional<String> otherTestClass(Optional<TestSource> source, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return Optional.empty();
        }
        return className(source).map(name -> name.substring(name.lastIndexOf('.') + 1).split("\\$")[0]);
    }

    private static boolean isPartB(TestIdentifier id) {
        return className(id.getSource()).orElse("").contains(PART_B_CLASS);
    }

    /** The (possibly nested) test class a test or container comes from. */
    private static Optional<String> className(Optional<TestSource> source) {
        return source.map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : null);
    }

    /** True when the failure is the untouched stub's "Kata ...: implement ..." exception, however wrapped. */
    static boolean isStubFailure(TestExecutionResult result) {
        for (Throwable t = result.getThrowable().orElse(null); t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().startsWith("Kata ")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("UnsupportedOperationException: Kata ")) {
                return true;
            }
        }
        return false;
    }

    /** ["Examples", "one step from θ = 0 ..."]: the groups below the test class, then the test. */
    private List<String> path(TestIdentifier id) {
        List<String> names = new ArrayList<>();
        for (TestIdentifier node = id; node != null; node = plan == null ? null : plan.getParent(node).orElse(null)) {
            if (node.getSource().filter(ClassSource.class::isInstance)
                    .map(s -> !((ClassSource) s).getClassName().contains("$")).orElse(false)) {
                break;
            }
            if (node.getSource().isEmpty()) {
                break;
            }
            names.add(0, node.getDisplayName());
        }
        return names;
    }
}
