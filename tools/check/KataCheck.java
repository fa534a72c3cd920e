import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The project's own quality gates for katas, run by .ci/run (not part of what a learner edits).
 *
 * <pre>
 *   java -cp TEST_CLASSPATH tools/check/KataCheck.java stubs    CLASSES TEST_CLASSES SOURCES
 *   java -cp TEST_CLASSPATH tools/check/KataCheck.java mistakes CLASSES TEST_CLASSES MISTAKES_DIR [Kata ...]
 * </pre>
 *
 * <p>{@code stubs}: every kata in SOURCES (a class whose body throws the kata's UnsupportedOperationException)
 * must have a test class, and every one of its tests must fail against the stub with a message that points to
 * katas.md. A test that passes on a stub is a test a learner gets for free.
 *
 * <p>{@code mistakes}: every file MISTAKES_DIR/&lt;package path&gt;/&lt;Kata&gt;/&lt;Mistake&gt;.java is a full copy of a
 * kata class with one classic mistake. Each is compiled on its own (javax.tools) and swapped in for the
 * reference class; the kata's tests must then fail. A {@code // Caught by: method} line names the test that
 * must be among the failures.
 *
 * <p>TEST_CLASSPATH holds JUnit, AssertJ, QuickTheories and commons-math but not the project's classes: they
 * are loaded in a fresh class loader per run, so a mistake never leaks into the next run.
 */
public final class KataCheck {

    private static final Pattern STUB_MESSAGE = Pattern.compile("UnsupportedOperationException\\(\\s*\"Kata ");
    private static final Pattern CAUGHT_BY = Pattern.compile("^// Caught by: *(\\w+)", Pattern.MULTILINE);
    private static final Pattern MISTAKE = Pattern.compile("^// Mistake: *(.+)$", Pattern.MULTILINE);
    private static final long TIMEOUT_SECONDS = 120;

    private KataCheck() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length < 4) {
            System.err.println("usage: KataCheck stubs|mistakes CLASSES TEST_CLASSES SOURCES|MISTAKES_DIR [Kata ...]");
            System.exit(2);
        }
        Path classes = Path.of(args[1]);
        Path testClasses = Path.of(args[2]);
        Path dir = Path.of(args[3]);
        List<String> only = List.of(args).subList(4, args.length);
        boolean ok = switch (args[0]) {
            case "stubs" -> checkStubs(classes, testClasses, dir);
            case "mistakes" -> checkMistakes(classes, testClasses, dir, only);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.out.flush();
        // A mistake that hangs leaves a thread behind: exit explicitly.
        System.exit(ok ? 0 : 1);
    }

    // ---------------------------------------------------------------- stubs are red

    private static boolean checkStubs(Path classes, Path testClasses, Path sources) throws Exception {
        List<String> katas = katasIn(sources);
        System.out.printf("Stubs are red: %d katas in %s%n", katas.size(), sources);
        int problems = 0;
        for (String kata : katas) {
            String simpleName = kata.substring(kata.lastIndexOf('.') + 1);
            Path testClass = testClasses.resolve((kata + "Test").replace('.', '/') + ".class");
            if (!Files.exists(testClass)) {
                System.out.printf("  FAIL %-28s no test class %sTest%n", simpleName, simpleName);
                problems++;
                continue;
            }
            RunResult run = runTests(kata + "Test", List.of(testClasses, classes), null);
            List<TestOutcome> passing = run.outcomes.stream().filter(o -> o.passed).toList();
            List<TestOutcome> silent = run.outcomes.stream()
                    .filter(o -> !o.passed && !o.failureText.contains("katas.md#")).toList();
            if (run.outcomes.isEmpty()) {
                System.out.printf("  FAIL %-28s %sTest ran no test%s%n", simpleName, simpleName, run.problem());
                problems++;
            } else if (!passing.isEmpty() || !silent.isEmpty()) {
                System.out.printf("  FAIL %-28s %d tests: %d pass on the stub, %d fail without pointing to katas.md%n",
                        simpleName, run.outcomes.size(), passing.size(), silent.size());
                passing.forEach(o -> System.out.printf("         passes on the stub: %s%n", o.name));
                silent.forEach(o -> System.out.printf("         no katas.md pointer: %s: %s%n", o.name,
                        firstLine(o.failureText)));
                problems++;
            } else {
                System.out.printf("  ok   %-28s %3d tests, all red on the stub%n", simpleName, run.outcomes.size());
            }
        }
        System.out.printf("Stubs are red: %d katas checked, %d problems%n", katas.size(), problems);
        return problems == 0 && !katas.isEmpty();
    }

    /** Fully qualified names of the kata classes under a source root (their stubs throw "Kata ..."). */
    private static List<String> katasIn(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> STUB_MESSAGE.matcher(read(p)).find())
                    .map(p -> sources.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .sorted()
                    .toList();
        }
    }

    // ---------------------------------------------------------------- mistakes are caught

    private static boolean checkMistakes(Path classes, Path testClasses, Path mistakesDir, List<String> only)
            throws Exception {
        List<Path> mistakes;
        try (Stream<Path> files = Files.walk(mistakesDir)) {
            mistakes = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> only.isEmpty() || only.contains(p.getParent().getFileName().toString()))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        System.out.printf("Mistake gallery: %d wrong implementations in %s%n", mistakes.size(), mistakesDir);
        Path work = Files.createTempDirectory("kata-mistakes");
        String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + classes;
        int problems = 0;
        long start = System.nanoTime();
        for (Path mistake : mistakes) {
            Path kataDir = mistake.getParent();
            String kata = mistakesDir.relativize(kataDir).toString().replace('/', '.');
            String simpleName = kataDir.getFileName().toString();
            String mistakeName = mistake.getFileName().toString().replaceAll("\\.java$", "");
            String label = simpleName + "/" + mistakeName;
            String source = read(mistake);
            Path out = work.resolve(simpleName + "-" + mistakeName);
            Files.createDirectories(out);
            String compileErrors = compile(source, simpleName, out, classpath);
            if (compileErrors != null) {
                System.out.printf("  FAIL %-48s does not compile:%n%s%n", label, compileErrors.indent(9));
                problems++;
                continue;
            }
            if (!MISTAKE.matcher(source).find() || !source.startsWith("// Mistake:")) {
                System.out.printf("  FAIL %-48s first line must be \"// Mistake: <what it does wrong>\"%n", label);
                problems++;
                continue;
            }
            Matcher caughtBy = CAUGHT_BY.matcher(source);
            String expected = caughtBy.find() ? caughtBy.group(1) : null;
            List<Path> roots = List.of(out, testClasses, classes);
            // Fast path: the named test alone. Only when it does not fail is the whole class run, to report.
            RunResult run = expected == null ? null : runTests(kata + "Test", roots, expected);
            if (run == null || run.outcomes.stream().allMatch(o -> o.passed)) {
                run = runTests(kata + "Test", roots, null);
            }
            List<TestOutcome> failed = run.outcomes.stream().filter(o -> !o.passed).toList();
            if (failed.isEmpty()) {
                System.out.printf("  FAIL %-48s NOT CAUGHT: all %d tests pass%s%n", label, run.outcomes.size(),
                        run.problem());
                problems++;
            } else if (expected != null && failed.stream().noneMatch(o -> expected.equals(o.method))) {
                System.out.printf("  FAIL %-48s caught, but not by %s (its \"Caught by\" line); failed: %s%n",
                        label, expected, failed.stream().map(o -> o.method).distinct().toList());
                problems++;
            } else {
                TestOutcome first = expected == null ? failed.get(0)
                        : failed.stream().filter(o -> expected.equals(o.method)).findFirst().orElseThrow();
                System.out.printf("  ok   %-48s caught by \"%s\"%n", label, first.name);
            }
        }
        System.out.printf("Mistake gallery: %d mistakes checked in %.1f s, %d problems%n", mistakes.size(),
                (System.nanoTime() - start) / 1e9, problems);
        return problems == 0;
    }

    private static String compile(String source, String className, Path out, String classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("--release", "17", "-parameters", "-proc:none", "-d", out.toString(),
                "-classpath", classpath);
        boolean ok = compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        if (ok) {
            return null;
        }
        StringBuilder errors = new StringBuilder();
        diagnostics.getDiagnostics().forEach(d -> errors.append(d.getLineNumber()).append(": ")
                .append(d.getMessage(Locale.ROOT)).append('\n'));
        return errors.toString();
    }

    // ---------------------------------------------------------------- running one test class

    private record TestOutcome(String name, String method, boolean passed, String failureText) {
    }

    private record RunResult(List<TestOutcome> outcomes, String error) {
        String problem() {
            return error == null ? "" : " (" + error + ")";
        }
    }

    /**
     * Runs one test class in a fresh class loader over {@code roots} (first root wins); with {@code onlyMethod},
     * only the tests declared by methods of that name (in any nested group).
     */
    private static RunResult runTests(String testClassName, List<Path> roots, String onlyMethod) throws Exception {
        URL[] urls = roots.stream().map(KataCheck::url).toArray(URL[]::new);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kata-tests");
            t.setDaemon(true);
            return t;
        });
        try (URLClassLoader loader = new URLClassLoader(urls, KataCheck.class.getClassLoader())) {
            Future<RunResult> future = executor.submit(() -> {
                Thread.currentThread().setContextClassLoader(loader);
                Class<?> testClass;
                try {
                    testClass = Class.forName(testClassName, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    return new RunResult(List.of(), "cannot load " + testClassName + ": " + e);
                }
                List<TestOutcome> outcomes = new ArrayList<>();
                LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(testClass));
                if (onlyMethod != null) {
                    builder.filters((PostDiscoveryFilter) descriptor -> FilterResult.includedIf(
                            !descriptor.isTest() || descriptor.getSource().filter(MethodSource.class::isInstance)
                                    .map(s -> ((MethodSource) s).getMethodName().equals(onlyMethod)).orElse(false)));
                }
                LauncherDiscoveryRequest request = builder.build();
                // No auto-registered listeners: the learner's progress board must not record CI's runs.
                Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false).build());
                launcher.execute(request, new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (!id.isTest()) {
                            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                                // A container that fails (e.g. a static initialiser) fails its tests too.
                                outcomes.add(new TestOutcome(id.getDisplayName(), "(container)", false,
                                        describe(result)));
                            }
                            return;
                        }
                        String method = id.getSource().filter(MethodSource.class::isInstance)
                                .map(s -> ((MethodSource) s).getMethodName()).orElse(id.getDisplayName());
                        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                        outcomes.add(new TestOutcome(id.getDisplayName(), method, passed,
                                passed ? "" : describe(result)));
                    }
                });
                return new RunResult(outcomes, null);
            });
            try {
                return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return new RunResult(List.of(), "timed out after " + TIMEOUT_SECONDS + " s");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static String describe(TestExecutionResult result) {
        return result.getThrowable().map(t -> {
            StringWriter text = new StringWriter();
            t.printStackTrace(new PrintWriter(text));
            return text.toString();
        }).orElse(result.getStatus().toString());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
