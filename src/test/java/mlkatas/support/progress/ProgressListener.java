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
import mlkatas.support.progress.ProgressState.Status;
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
 * kata whose tests ran it records green (all pass), red (some fail) or not started (every failure is the
 * stub's "Kata ...: implement ..." exception) in {@link ProgressState}. The system property
 * {@value #MODE_PROPERTY} chooses what happens at the end of the run:
 * <ul>
 *   <li>unset (an IDE run): record and print the board;</li>
 *   <li>{@code maven} (the learner's build, whose tests run inside Maven's JVM): record, and print the board
 *       when that JVM exits, so that it comes after Surefire's summary and Maven's verdict, the last thing a
 *       learner sees;</li>
 *   <li>{@code off} (the reference build): do nothing, the reference is not the learner's progress.</li>
 * </ul>
 * The state file is found from the system property {@value #ROOT_PROPERTY} (the build sets it to the project
 * folder) or else from the working directory.
 */
public final class ProgressListener implements TestExecutionListener {

    public static final String MODE_PROPERTY = "mlkatas.board";
    public static final String ROOT_PROPERTY = "mlkatas.root";

    /** One board per JVM at exit, however many test plans ran in it. */
    private static final AtomicBoolean BOARD_AT_EXIT = new AtomicBoolean();

    private final Map<String, KataRun> runs = new LinkedHashMap<>();
    private TestPlan plan;

    private static final class KataRun {
        int tests;
        int failing;
        int stubFailures;
        String firstFailure;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (mode().equals("off")) {
            return;
        }
        Optional<String> kata = kataOf(id.getSource());
        if (kata.isEmpty()) {
            return;
        }
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!id.isTest() && !failed) {
            return;
        }
        KataRun run = runs.computeIfAbsent(kata.get(), k -> new KataRun());
        run.tests++;
        if (failed) {
            run.failing++;
            if (isStubFailure(result)) {
                run.stubFailures++;
            }
            if (run.firstFailure == null) {
                run.firstFailure = path(id);
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String mode = mode();
        if (mode.equals("off") || runs.isEmpty()) {
            return;
        }
        Path file = ProgressState.fileFor(Path.of(System.getProperty(ROOT_PROPERTY, System.getProperty("user.dir"))));
        ProgressState state = ProgressState.load(file);
        Instant now = Instant.now();
        List<String> ran = new ArrayList<>();
        runs.forEach((kata, run) -> {
            Status status = run.failing == 0 ? Status.GREEN
                    : run.stubFailures == run.tests ? Status.NOT_STARTED : Status.RED;
            state.record(kata, status, run.tests, run.failing, run.firstFailure, now);
            ran.add(kata);
        });
        state.setLastRun(ran);
        try {
            state.save(file);
        } catch (IOException e) {
            System.err.println("[katas] could not save progress to " + file + ": " + e.getMessage());
        }
        if (!mode.equals("maven")) {
            System.out.println(Board.render(state, now));
        } else if (BOARD_AT_EXIT.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println(Board.render(ProgressState.load(file), Instant.now()));
                System.out.flush();
            }, "kata-progress-board"));
        }
    }

    private static String mode() {
        return System.getProperty(MODE_PROPERTY, "ide");
    }

    /** The kata a test belongs to: its top-level class is {@code <Kata>Test} for a kata of the catalogue. */
    private static Optional<String> kataOf(Optional<TestSource> source) {
        String className = source.map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : null).orElse(null);
        if (className == null) {
            return Optional.empty();
        }
        String topLevel = className.substring(className.lastIndexOf('.') + 1).split("\\$")[0];
        if (!topLevel.endsWith("Test")) {
            return Optional.empty();
        }
        return Catalogue.byName(topLevel.substring(0, topLevel.length() - "Test".length())).map(Catalogue.Kata::name);
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

    /** "Examples > one step from θ = 0 ..." (the groups below the test class, then the test). */
    private String path(TestIdentifier id) {
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
        return String.join(" > ", names);
    }
}
