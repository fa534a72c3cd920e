package mlkatas.support.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mlkatas.support.KataFrames;
import mlkatas.support.practice.Hints;
import mlkatas.support.progress.Catalogue;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressListener;
import mlkatas.support.progress.ProgressState;

/**
 * Watch mode: {@code tools/kata watch Softmax}. One warm JVM that, on every save under {@code src/main/java},
 * compiles what changed (in process), runs the kata's tests in a fresh class loader and prints the red report,
 * the board and one summary line. Keys: {@code h} the next hint (as {@code tools/kata hint}), {@code r} run
 * again, {@code q} quit.
 *
 * <p>It writes only under {@code target/watch} (and the progress file), never under {@code src/main/java}. When
 * the learner's code is still looping after a time-out, it exits with {@value #RESTART} so that its launcher
 * starts a fresh JVM: Java cannot stop the loop any other way.
 */
public final class Watch {

    /** The exit status that asks the launcher to start watch mode again. */
    static final int RESTART = 3;
    /** Given by the launcher to the JVM it starts after {@link #RESTART}: wait for a save before running. */
    static final String RESTARTED_FLAG = "--restarted";

    /** Editors save in bursts (a temporary file, a rename, a backup): wait for this much quiet first. */
    private static final long QUIET_MILLIS = 60;

    private sealed interface Event permits Saved, Key {
    }

    private record Saved(Path file) implements Event {
    }

    private record Key(int key) implements Event {
    }

    private final Kata kata;
    private final Path root;
    private final Path sources;
    private final SourceCompiler compiler;
    private final KataRunner runner;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private Watch(Kata kata, Path root) {
        this.kata = kata;
        this.root = root;
        this.sources = root.resolve("src/main/java");
        Path output = root.resolve("target/watch/classes");
        Path mavenClasses = root.resolve("target/classes");
        this.compiler = new SourceCompiler(root, output,
                mavenClasses + File.pathSeparator + System.getProperty("java.class.path"));
        this.runner = new KataRunner(List.of(output, mavenClasses, root.resolve("target/test-classes")));
    }

    public static void main(String[] args) throws Exception {
        boolean restarted = args.length == 2 && args[1].equals(RESTARTED_FLAG);
        if (args.length != 1 && !restarted) {
            System.err.println("usage: tools/kata watch <Kata>   (a class name from katas.md, e.g. Softmax)");
            System.exit(2);
        }
        String name = args[0].endsWith("Test") ? args[0].substring(0, args[0].length() - 4) : args[0];
        Optional<Kata> kata = Catalogue.byName(name);
        if (kata.isEmpty()) {
            System.err.println("tools/kata watch: no kata named '" + args[0] + "' (class names as in katas.md)");
            System.exit(2);
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.exists(root.resolve("katas.md"))) {
            System.err.println("tools/kata watch: run it from the repository's top folder");
            System.exit(2);
        }
        System.setProperty(ProgressListener.ROOT_PROPERTY, root.toString());
        System.exit(new Watch(kata.get(), root).loop(restarted));
    }

    private int loop(boolean restarted) throws IOException, InterruptedException {
        deleteRecursively(root.resolve("target/watch"));
        DirectoryWatcher watcher = DirectoryWatcher.builder()
                .path(sources)
                .listener(this::onFileEvent)
                .build();
        watcher.watchAsync();
        Keys.start(key -> events.add(new Key(key)));
        System.out.println("Watching src/main/java for " + kata.title() + ": save a file to run "
                + kata.name() + "Test.   Keys: h hint, r run again, q quit.");
        if (restarted) {
            System.out.println("[watch] waiting for your next save (r runs the tests now)");
            compiler.compile(List.of(sourceOf(kata)));
        } else {
            compileAndRun(Set.of(sourceOf(kata)), System.nanoTime());
        }
        while (true) {
            Event event = events.take();
            if (event instanceof Key key) {
                switch (Character.toLowerCase((char) key.key())) {
                    case 'q' -> {
                        watcher.close();
                        return 0;
                    }
                    case 'r' -> compileAndRun(Set.of(), System.nanoTime());
                    case 'h' -> showHint();
                    default -> { }
                }
            } else if (event instanceof Saved saved) {
                long started = System.nanoTime();
                Set<Path> changed = new LinkedHashSet<>();
                changed.add(saved.file());
                collectBurst(changed);
                compileAndRun(changed, started);
            }
            if (codeStillRunning()) {
                System.out.println("[watch] your code is still running (an endless loop?): starting watch mode afresh");
                watcher.close();
                return RESTART;
            }
        }
    }

    private void onFileEvent(DirectoryChangeEvent event) {
        Path file = event.path();
        if (event.eventType() != DirectoryChangeEvent.EventType.DELETE && file != null
                && file.getFileName().toString().endsWith(".java")) {
            events.add(new Saved(file));
        }
    }

    /** Waits for the editor to finish saving: more files may follow within a few milliseconds. */
    private void collectBurst(Set<Path> changed) throws InterruptedException {
        while (true) {
            Event next = events.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
            if (next == null) {
                return;
            }
            if (next instanceof Saved saved) {
                changed.add(saved.file());
            } else {
                events.add(next);
                return;
            }
        }
    }

    private void compileAndRun(Set<Path> changed, long started) {
        try {
            List<Path> existing = changed.stream().filter(Files::isRegularFile).sorted().toList();
            if (!existing.isEmpty()) {
                SourceCompiler.Result compiled = compiler.compile(existing);
                if (!compiled.compiled()) {
                    compiled.diagnostics().forEach(System.out::println);
                    summary("does not compile (" + compiled.diagnostics().size() + " "
                            + (compiled.diagnostics().size() == 1 ? "error" : "errors") + ")", started);
                    return;
                }
            }
            runner.run(kata.packageName() + "." + kata.name() + "Test");
            summary(verdict(), started);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.out.println("[watch] could not run the tests: " + e);
        }
    }

    private String verdict() {
        ProgressState.Entry entry = ProgressState.load(ProgressState.fileFor(root)).entry(kata.name());
        if (entry == null) {
            return "no result";
        }
        return switch (entry.status()) {
            case GREEN -> "green" + (entry.partBTests() == 0 ? ""
                    : " (Part B: " + entry.partBPassing() + " of " + entry.partBTests() + " pass)");
            case RED -> "red (" + entry.failing() + " of " + entry.tests() + " failing)";
            case NOT_STARTED -> "red (not started: every method still throws the stub's exception)";
        };
    }

    private void summary(String verdict, long started) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("[watch] %s: %s   %d ms   (h hint, r run again, q quit)%n", kata.title(), verdict,
                millis);
        System.out.flush();
    }

    /** The same next hint as {@code tools/kata hint}, counted in the progress file. */
    private void showHint() {
        try {
            Path file = ProgressState.fileFor(root);
            ProgressState state = ProgressState.load(file);
            String text = Hints.next(root, kata, state);
            state.save(file);
            System.out.print(text);
            System.out.flush();
        } catch (IOException e) {
            System.out.println("[watch] could not show a hint: " + e.getMessage());
        }
    }

    private Path sourceOf(Kata kata) {
        return sources.resolve(kata.packageName().replace('.', '/')).resolve(kata.name() + ".java");
    }

    /** True when a thread of this JVM is still running (not waiting) in the learner's code after the run ended. */
    static boolean codeStillRunning() {
        return Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(t -> t.getKey() != Thread.currentThread() && t.getKey().getState() == Thread.State.RUNNABLE
                        && !KataFrames.of(t.getValue(), 1).isEmpty());
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
