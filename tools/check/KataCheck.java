import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.ByteArrayInputStream;
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
import java.util.Arrays;
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
import javax.tools.StandardJavaFileManager;
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
 *   java -cp TEST_CLASSPATH tools/check/KataCheck.java mistakes CLASSES TEST_CLASSES MISTAKES_DIR SOURCES [Kata ...]
 * </pre>
 *
 * <p>{@code stubs}: every kata in SOURCES (a class whose body throws the kata's UnsupportedOperationException)
 * must have a test class, and every one of its tests must fail against the stub with a message that points to
 * katas.md. A test that passes on a stub is a test a learner gets for free.
 *
 * <p>{@code mistakes}: every file MISTAKES_DIR/&lt;package path&gt;/&lt;Kata&gt;/&lt;Mistake&gt;.diff is one classic
 * mistake, a unified diff against the kata's class in SOURCES (the reference), after header lines
 * {@code Mistake: <what it does wrong>} and {@code Caught by: <test method>}. Each diff is applied to the
 * current reference class (java-diff-utils; a hunk may have moved, but its context and removed lines must
 * match exactly), the result is compiled on its own (javax.tools) and swapped in for the reference class, and
 * the named test must then fail. A diff of more than one hunk needs a header line {@code Hunks: N - <why>}, so
 * that each file stays one mistake.
 *
 * <p>TEST_CLASSPATH holds JUnit, AssertJ, QuickTheories, commons-math and java-diff-utils but not the project's
 * classes: they are loaded in a fresh class loader per run, so a mistake never leaks into the next run.
 */
public final class KataCheck {

    private static final Pattern STUB_MESSAGE = Pattern.compile("UnsupportedOperationException\\(\\s*\"Kata ");
    private static final Pattern MISTAKE_LINE = Pattern.compile("Mistake: *(\\S.*)");
    private static final Pattern CAUGHT_BY_LINE = Pattern.compile("Caught by: *(\\w+) *");
    private static final Pattern HUNKS_LINE = Pattern.compile("Hunks: *(.*)");
    private static final Pattern HUNKS_VALUE = Pattern.compile("(\\d+) *[-,:(] *(\\S.*)");
    private static final long TIMEOUT_SECONDS = 120;

    private KataCheck() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        boolean mistakes = args.length > 0 && args[0].equals("mistakes");
        if (args.length < (mistakes ? 5 : 4)) {
            System.err.println("usage: KataCheck stubs CLASSES TEST_CLASSES SOURCES\n"
                    + "       KataCheck mistakes CLASSES TEST_CLASSES MISTAKES_DIR SOURCES [Kata ...]");
            System.exit(2);
        }
        Path classes = Path.of(args[1]);
        Path testClasses = Path.of(args[2]);
        Path dir = Path.of(args[3]);
        boolean ok = switch (args[0]) {
            case "stubs" -> checkStubs(classes, testClasses, dir);
            case "mistakes" -> checkMistakes(classes, testClasses, dir, Path.of(args[4]),
                    List.of(args).subList(5, args.length));
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

    /** One gallery entry as read from its file: the header lines and the hunks against the reference. */
    private record MistakeDiff(String mistake, String caughtBy, String hunksLine, List<String> files,
                               List<AbstractDelta<String>> hunks) {
    }

    private static boolean checkMistakes(Path classes, Path testClasses, Path mistakesDir, Path sources,
                                         List<String> only) throws Exception {
        List<Path> diffs;
        List<Path> strays;
        try (Stream<Path> files = Files.walk(mistakesDir)) {
            List<Path> all = files.filter(Files::isRegularFile)
                    .filter(p -> only.isEmpty() || only.contains(p.getParent().getFileName().toString()))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            diffs = all.stream().filter(p -> p.toString().endsWith(".diff")).toList();
            strays = all.stream().filter(p -> !p.toString().endsWith(".diff")).toList();
        }
        System.out.printf("Mistake gallery: %d mistakes in %s, applied to the classes in %s%n", diffs.size(),
                mistakesDir, sources);
        Path work = Files.createTempDirectory("kata-mistakes");
        String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + classes;
        int problems = 0;
        long start = System.nanoTime();
        for (Path stray : strays) {
            System.out.printf("  FAIL %-48s the gallery holds only <Mistake>.diff files (see CONTRIBUTING.md)%n",
                    mistakesDir.relativize(stray));
            problems++;
        }
        for (Path diff : diffs) {
            Path kataDir = diff.getParent();
            String kataPath = mistakesDir.relativize(kataDir).toString().replace('\\', '/');
            String kata = kataPath.replace('/', '.');
            String simpleName = kataDir.getFileName().toString();
            String mistakeName = diff.getFileName().toString().replaceAll("\\.diff$", "");
            String label = simpleName + "/" + mistakeName;
            Path referenceFile = sources.resolve(kataPath + ".java");
            if (!Files.exists(referenceFile)) {
                System.out.printf("  FAIL %-48s no reference class %s for it%n", label, referenceFile);
                problems++;
                continue;
            }
            String problem;
            MistakeDiff mistake = null;
            String source = null;
            try {
                mistake = readMistakeDiff(diff);
                problem = headerProblem(mistake, kataPath + ".java");
                if (problem == null) {
                    source = applyTo(mistake, Files.readAllLines(referenceFile, StandardCharsets.UTF_8),
                            referenceFile);
                }
            } catch (BadDiffException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                System.out.printf("  FAIL %-48s %s%n", label, problem.replace("\n", "\n" + " ".repeat(56)));
                problems++;
                continue;
            }
            Path out = work.resolve(simpleName + "-" + mistakeName);
            Files.createDirectories(out);
            String compileErrors = compile(source, simpleName, out, classpath);
            if (compileErrors != null) {
                System.out.printf("  FAIL %-48s applied to %s, does not compile:%n%s%n", label,
                        referenceFile.getFileName(), compileErrors.indent(9));
                problems++;
                continue;
            }
            String expected = mistake.caughtBy();
            List<Path> roots = List.of(out, testClasses, classes);
            // Fast path: the named test alone. Only when it does not fail is the whole class run, to report.
            RunResult run = runTests(kata + "Test", roots, expected);
            if (run.outcomes.stream().allMatch(o -> o.passed)) {
                run = runTests(kata + "Test", roots, null);
            }
            List<TestOutcome> failed = run.outcomes.stream().filter(o -> !o.passed).toList();
            if (failed.isEmpty()) {
                System.out.printf("  FAIL %-48s NOT CAUGHT: all %d tests pass%s (mistake: %s)%n", label,
                        run.outcomes.size(), run.problem(), mistake.mistake());
                problems++;
            } else if (failed.stream().noneMatch(o -> expected.equals(o.method))) {
                System.out.printf("  FAIL %-48s caught, but not by %s (its \"Caught by\" line); failed: %s%n",
                        label, expected, failed.stream().map(o -> o.method).distinct().toList());
                problems++;
            } else {
                TestOutcome first = failed.stream().filter(o -> expected.equals(o.method)).findFirst().orElseThrow();
                System.out.printf("  ok   %-48s caught by \"%s\"%n", label, first.name);
            }
        }
        System.out.printf("Mistake gallery: %d mistakes checked in %.1f s, %d problems%n", diffs.size(),
                (System.nanoTime() - start) / 1e9, problems);
        return problems == 0;
    }

    /** A gallery file that cannot be read as one mistake, or no longer applies; the message says why. */
    private static final class BadDiffException extends Exception {
        BadDiffException(String message) {
            super(message);
        }
    }

    /** Reads the header lines (up to the first "--- " line) and parses the rest with java-diff-utils. */
    private static MistakeDiff readMistakeDiff(Path diff) throws BadDiffException {
        String text = read(diff);
        List<String> header = text.lines().takeWhile(line -> !line.startsWith("--- ")).toList();
        UnifiedDiff parsed;
        try {
            parsed = UnifiedDiffReader.parseUnifiedDiff(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            throw new BadDiffException("is not a unified diff: " + e.getMessage());
        }
        if (parsed.getFiles().size() != 1) {
            throw new BadDiffException("must change exactly one file, its kata's reference class; it changes "
                    + parsed.getFiles().size());
        }
        UnifiedDiffFile file = parsed.getFiles().get(0);
        String mistake = header.isEmpty() ? null : headerValue(header.subList(0, 1), MISTAKE_LINE);
        return new MistakeDiff(mistake, headerValue(header, CAUGHT_BY_LINE), headerValue(header, HUNKS_LINE),
                Arrays.asList(file.getFromFile(), file.getToFile()), file.getPatch().getDeltas());
    }

    private static String headerValue(List<String> header, Pattern line) {
        return header.stream().map(line::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst()
                .orElse(null);
    }

    /** What is wrong with a gallery file's header, or null. {@code classFile} is "mlkatas/nn/Softmax.java". */
    private static String headerProblem(MistakeDiff diff, String classFile) {
        if (diff.mistake() == null) {
            return "first line must be \"Mistake: <what it does wrong>\"";
        }
        if (diff.caughtBy() == null) {
            return "needs a line \"Caught by: <test method>\" naming the test in Mistakes that fails on it";
        }
        for (String file : diff.files()) {
            if (file == null || !file.replace('\\', '/').endsWith("/" + classFile)) {
                return "names the file " + file + " in its ---/+++ lines, not its kata's reference class "
                        + classFile;
            }
        }
        int hunks = diff.hunks().size();
        if (diff.hunksLine() == null) {
            return hunks == 1 ? null
                    : "changes " + hunks + " hunks of " + classFile + ": one mistake is one hunk, or the header "
                            + "says why it needs more in a line \"Hunks: " + hunks + " - <why>\"";
        }
        Matcher declared = HUNKS_VALUE.matcher(diff.hunksLine());
        if (!declared.matches()) {
            return "its line \"Hunks: " + diff.hunksLine() + "\" must read \"Hunks: " + hunks + " - <why>\"";
        }
        if (Integer.parseInt(declared.group(1)) != hunks) {
            return "says \"Hunks: " + declared.group(1) + "\" but changes " + hunks + " hunks of " + classFile;
        }
        return null;
    }

    /**
     * Applies the mistake's hunks to the current reference class and returns the resulting source. Each hunk
     * must find its context and removed lines exactly; it may have moved (the reference gained or lost lines
     * elsewhere). Hunks are applied last first, so that applying one never moves the next.
     */
    private static String applyTo(MistakeDiff diff, List<String> reference, Path referenceFile)
            throws BadDiffException {
        List<String> lines = new ArrayList<>(reference);
        List<String> problems = new ArrayList<>();
        List<AbstractDelta<String>> hunks = diff.hunks();
        for (int h = hunks.size() - 1; h >= 0; h--) {
            AbstractDelta<String> hunk = hunks.get(h);
            Patch<String> one = new Patch<>();
            one.addDelta(hunk);
            try {
                lines = one.applyFuzzy(lines, 0);
            } catch (PatchFailedException e) {
                List<String> expected = hunk.getSource().getLines();
                String missing = expected.stream().filter(l -> !reference.contains(l)).findFirst()
                        .map(l -> "this line is no longer there: \"" + l.strip() + "\"")
                        .orElse("its lines are there, but no longer in this order");
                problems.add(0, String.format("hunk %d of %d (at line %d when the diff was made): %s",
                        h + 1, hunks.size(), hunk.getSource().getPosition() + 1, missing));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadDiffException("DOES NOT APPLY to the current " + referenceFile + " (the diff's context "
                    + "or removed lines differ; make the diff again against it, see CONTRIBUTING.md):\n"
                    + String.join("\n", problems));
        }
        return String.join("\n", lines) + "\n";
    }

    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();
    /** One file manager for every compilation: it keeps the class path's jars open and indexed. */
    private static final StandardJavaFileManager FILE_MANAGER =
            COMPILER.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);

    private static String compile(String source, String className, Path out, String classpath) {
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
        boolean ok = COMPILER.getTask(null, FILE_MANAGER, diagnostics, options, null, List.of(file)).call();
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
