import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CI gate for the hints: every kata of the catalogue has {@code hints/<Kata>.md} with three tiers of hints and
 * no code in them.
 *
 * <pre>
 *   java tools/check/HintsCheck.java              check the repository (run from its root)
 *   java tools/check/HintsCheck.java --selftest   feed the checker bad examples and make sure each is caught
 * </pre>
 *
 * <p>The catalogue is the union of the katas.md headings {@code ### N.M Name} and the kata test classes
 * {@code src/test/java/mlkatas/<category>/<Kata>Test.java} that have a stub
 * {@code src/main/java/mlkatas/<category>/<Kata>.java}. Every hints file must read:
 *
 * <pre>
 *   # 4.6 Softmax: hints
 *
 *   ## 1. Nudge
 *   (text)
 *
 *   ## 2. Key rule
 *   (text)
 *
 *   ## 3. Shape of the algorithm
 *   (text)
 * </pre>
 *
 * <p>A hint describes an algorithm in words and never gives the learner code to paste: no fenced or indented
 * code block, and no Java-looking line (a statement ending in {@code ;}, braces, a {@code for (} or similar
 * control statement, {@code new double[...]}, a {@code return ...;} statement, a typed declaration with an
 * assignment, Java-only operators such as {@code &&} or {@code +=}). Prose stays free: "return θ", maths
 * subscripts such as {@code FPR_{i−1}} and inline code spans naming a class or method ({@code `mlkatas.Checks`})
 * are fine. Every problem is reported as {@code file:line: message}; the exit status is 1 if there is any.
 */
public final class HintsCheck {

    private static final Path HINTS = Path.of("hints");
    private static final Path CATALOGUE = Path.of("katas.md");
    private static final Path TESTS = Path.of("src/test/java/mlkatas");
    private static final Path STUBS = Path.of("src/main/java/mlkatas");

    /** The three tier headings, in the order a learner meets them. */
    static final List<String> TIERS = List.of("## 1. Nudge", "## 2. Key rule", "## 3. Shape of the algorithm");

    private static final Pattern KATA_HEADING = Pattern.compile("^### (\\d+\\.\\d+) (\\w+)\\s*$");

    /** A maths subscript or superscript in braces, such as {@code _{i−1}}: allowed. */
    private static final Pattern MATHS_SCRIPT = Pattern.compile("[_^]\\{[^{}]*\\}");

    /** A line that reads as Java, with the reason it is reported. */
    private static final Map<Pattern, String> JAVA_LOOKING = new LinkedHashMap<>();

    static {
        JAVA_LOOKING.put(Pattern.compile(";\\s*$"), "ends with ';' like a Java statement");
        JAVA_LOOKING.put(Pattern.compile("[{}]"), "contains a brace '{' or '}' like a Java block");
        JAVA_LOOKING.put(Pattern.compile("\\b(for|while|if|switch|catch|synchronized) \\("),
                "contains a Java control statement ('for (', 'if (', ...)");
        JAVA_LOOKING.put(Pattern.compile("\\bnew [A-Za-z_][\\w.]*[\\[(<]"),
                "contains a Java allocation ('new double[', 'new ArrayList<', ...)");
        JAVA_LOOKING.put(Pattern.compile("\\breturn\\b[^.]*;|`return "), "contains a Java return statement");
        JAVA_LOOKING.put(Pattern.compile(
                "\\b(double|float|int|long|short|byte|char|boolean|var|String)(\\[\\])*\\s+\\w+\\s*=(?!=)"),
                "contains a typed Java declaration with an assignment");
        JAVA_LOOKING.put(Pattern.compile("\\b(public|private|protected|static|final)\\s+(static\\s+|final\\s+)*"
                + "(void|double|int|long|boolean|String|class|record|[A-Z]\\w*(\\[\\])*\\s+\\w+\\s*\\()"),
                "contains a Java declaration ('public static ...')");
        JAVA_LOOKING.put(Pattern.compile("&&|\\|\\||==|!="),
                "contains a Java operator ('&&', '||', '==', '!='): write 'and', 'or', '=', '≠'");
        JAVA_LOOKING.put(Pattern.compile("\\w\\+\\+|\\+\\+\\w|\\w--(?!-)|[-+*/]=(?!=)"),
                "contains a Java update operator ('++', '+=', ...): write 'add 1', '←'");
        JAVA_LOOKING.put(Pattern.compile("\\w\\s*->\\s*\\w|^\\s*//"),
                "contains a Java lambda '->' or a '//' comment (write '→' in prose)");
    }

    private HintsCheck() {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 1 && args[0].equals("--selftest")) {
            System.exit(selfTest() ? 0 : 1);
        }
        if (args.length != 0) {
            System.err.println("usage: java tools/check/HintsCheck.java [--selftest]   (from the repository root)");
            System.exit(2);
        }
        if (!Files.isRegularFile(CATALOGUE)) {
            System.err.println("HintsCheck: no " + CATALOGUE + " here: run it from the repository root");
            System.exit(2);
        }
        List<String> problems = checkRepository(Path.of(""));
        problems.forEach(System.err::println);
        if (!problems.isEmpty()) {
            System.err.println("HintsCheck: " + problems.size() + " problem(s) in " + HINTS + "/");
            System.exit(1);
        }
        System.out.println("HintsCheck: every kata has hints/<Kata>.md with three tiers and no code");
    }

    /** Every problem of the hints of the repository at {@code root}, as "file:line: message". */
    static List<String> checkRepository(Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> titles = catalogue(root, problems);
        for (Map.Entry<String, String> kata : titles.entrySet()) {
            Path file = HINTS.resolve(kata.getKey() + ".md");
            if (!Files.isRegularFile(root.resolve(file))) {
                problems.add(file + ": missing: every kata needs its hints (" + kata.getValue() + ")");
                continue;
            }
            problems.addAll(checkHintFile(file.toString(), kata.getValue(),
                    Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8)));
        }
        if (Files.isDirectory(root.resolve(HINTS))) {
            try (Stream<Path> files = Files.list(root.resolve(HINTS))) {
                files.map(f -> f.getFileName().toString())
                        .filter(name -> !name.startsWith("."))   // .DS_Store and the like
                        .filter(name -> !titles.containsKey(name.replaceFirst("\\.md$", "")) || !name.endsWith(".md"))
                        .sorted()
                        .forEach(name -> problems.add(HINTS.resolve(name) + ": not a kata of the catalogue:"
                                + " hints/ holds only <Kata>.md files named as in katas.md"));
            }
        }
        return problems;
    }

    /**
     * The katas, each mapped to the title its hints file must have ("# 4.6 Softmax: hints"): the katas.md headings
     * plus the kata test classes. A kata that is in only one of the two is reported.
     */
    private static Map<String, String> catalogue(Path root, List<String> problems) throws IOException {
        Map<String, String> titles = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(root.resolve(CATALOGUE), StandardCharsets.UTF_8);
        for (String line : lines) {
            Matcher heading = KATA_HEADING.matcher(line);
            if (heading.matches()) {
                titles.put(heading.group(2), title(heading.group(1), heading.group(2)));
            }
        }
        TreeSet<String> tested = new TreeSet<>();
        Path tests = root.resolve(TESTS);
        Path stubs = root.resolve(STUBS);
        try (Stream<Path> files = Files.walk(tests)) {
            files.filter(f -> f.getFileName().toString().endsWith("Test.java")).forEach(test -> {
                String name = test.getFileName().toString();
                String kata = name.substring(0, name.length() - "Test.java".length());
                Path stub = stubs.resolve(tests.relativize(test.getParent())).resolve(kata + ".java");
                if (Files.isRegularFile(stub)) {
                    tested.add(kata);
                }
            });
        }
        for (String kata : tested) {
            if (!titles.containsKey(kata)) {
                problems.add(CATALOGUE + ": kata " + kata + " has tests but no heading '### N.M " + kata
                        + "', so its hints have no number");
                titles.put(kata, title("?", kata));
            }
        }
        if (titles.isEmpty()) {
            problems.add(CATALOGUE + ": no kata heading '### N.M Name' found: run from the repository root");
        }
        return titles;
    }

    static String title(String number, String kata) {
        return "# " + number + " " + kata + ": hints";
    }

    /**
     * The problems of one hints file, given its name (for messages), its expected title and its lines.
     */
    static List<String> checkHintFile(String file, String expectedTitle, List<String> lines) {
        List<String> problems = new ArrayList<>();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            problems.add(file + ":1: empty file: expected '" + expectedTitle + "' and the three tiers "
                    + String.join(", ", TIERS));
            return problems;
        }
        if (!lines.get(first).strip().equals(expectedTitle)) {
            problems.add(file + ":" + (first + 1) + ": the first line must be the title '" + expectedTitle
                    + "', was '" + lines.get(first).strip() + "'");
        }

        // Where each tier heading is, and that nothing else claims to be a heading.
        int[] headingLine = new int[TIERS.size()];
        Arrays.fill(headingLine, -1);
        int nextTier = 0;
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("#")) {
                continue;
            }
            int tier = TIERS.indexOf(line);
            if (tier < 0) {
                problems.add(file + ":" + (i + 1) + ": unexpected heading '" + line + "': the only headings are the"
                        + " title and " + String.join(", ", TIERS));
            } else if (headingLine[tier] >= 0) {
                problems.add(file + ":" + (i + 1) + ": '" + line + "' appears twice (first on line "
                        + (headingLine[tier] + 1) + ")");
            } else if (tier != nextTier) {
                problems.add(file + ":" + (i + 1) + ": '" + line + "' is out of order: expected '"
                        + TIERS.get(nextTier) + "' next (tiers go " + String.join(", ", TIERS) + ")");
                headingLine[tier] = i;
            } else {
                headingLine[tier] = i;
                nextTier++;
            }
        }
        for (int tier = 0; tier < TIERS.size(); tier++) {
            if (headingLine[tier] < 0) {
                problems.add(file + ": missing the heading '" + TIERS.get(tier) + "'");
            }
        }
        for (int tier = 0; tier < TIERS.size(); tier++) {
            if (headingLine[tier] >= 0 && !hasTextBelow(lines, headingLine[tier])) {
                problems.add(file + ":" + (headingLine[tier] + 1) + ": '" + TIERS.get(tier)
                        + "' is empty: write the hint below the heading");
            }
        }
        if (headingLine[0] > first + 1 && hasText(lines, first + 1, headingLine[0])) {
            problems.add(file + ":" + (first + 2) + ": text between the title and '" + TIERS.get(0)
                    + "' belongs in a tier");
        }

        for (int i = first + 1; i < lines.size(); i++) {
            problems.addAll(checkLine(file, lines, i));
        }
        return problems;
    }

    /** Whether a non-blank, non-heading line follows heading {@code h} before the next heading. */
    private static boolean hasTextBelow(List<String> lines, int h) {
        int end = h + 1;
        while (end < lines.size() && !lines.get(end).strip().startsWith("#")) {
            end++;
        }
        return hasText(lines, h + 1, end);
    }

    private static boolean hasText(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The code-like problems of line {@code i}. */
    private static List<String> checkLine(String file, List<String> lines, int i) {
        List<String> problems = new ArrayList<>();
        String line = lines.get(i);
        String where = file + ":" + (i + 1) + ": ";
        if (line.isBlank()) {
            return problems;
        }
        if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
            problems.add(where + "code fence: hints describe the algorithm in words, never in code");
            return problems;
        }
        if (line.startsWith("\t")) {
            problems.add(where + "starts with a tab, which Markdown shows as a code block: indent with spaces");
            return problems;
        }
        int indent = line.length() - line.stripLeading().length();
        boolean afterBlankOrHeading = i == 0 || lines.get(i - 1).isBlank() || lines.get(i - 1).strip().startsWith("#");
        if (indent >= 4 && afterBlankOrHeading) {
            problems.add(where + "indented by " + indent + " spaces after a blank line, which Markdown shows as a"
                    + " code block: hints never contain code");
            return problems;
        }
        // Subscripts and superscripts as katas.md writes them (FPR_{i−1}, z_{1−α/2}) are maths, not blocks.
        String text = MATHS_SCRIPT.matcher(line).replaceAll("_x");
        for (Map.Entry<Pattern, String> rule : JAVA_LOOKING.entrySet()) {
            if (rule.getKey().matcher(text).find()) {
                problems.add(where + "looks like Java code: " + rule.getValue() + ": '" + line.strip() + "'");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------- self-test

    private static final String GOOD = """
            # 4.6 Softmax: hints

            ## 1. Nudge
            Large scores overflow the exponential: find a way to keep every exponent small.

            ## 2. Key rule
            softmax(s)ᵢ = e^(sᵢ − m) / Σⱼ e^(sⱼ − m) with m = max(s).

            ## 3. Shape of the algorithm
            1. Check the arguments first: `mlkatas.Checks` has the checks with the right messages.
            2. Find the maximum, exponentiate every score minus it, and return each one over the sum
               (a new array, so the caller's scores stay as they were).
            """;

    /**
     * Feeds the checker a valid file and a series of broken ones; each broken one must be reported with the
     * expected message fragment and the valid one must pass. Returns true if every case behaves.
     */
    static boolean selfTest() {
        String title = title("4.6", "Softmax");
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("valid file", new String[] {GOOD, null});
        cases.put("valid maths subscripts", new String[] {GOOD.replace("with m = max(s).",
                "with m = max(s), like AUC = Σ (x_i − x_{i−1})·(y_i + y_{i−1})/2 and z_{1−α/2}."), null});
        cases.put("empty file", new String[] {"\n\n", "empty file"});
        cases.put("wrong title", new String[] {GOOD.replace("# 4.6 Softmax: hints", "# Softmax hints"),
                "the first line must be the title"});
        cases.put("missing tier", new String[] {GOOD.replace("## 2. Key rule\n", ""), "missing the heading '## 2."});
        cases.put("tiers out of order", new String[] {GOOD.replace("## 1. Nudge", "## X").replace("## 2. Key rule",
                "## 1. Nudge").replace("## X", "## 2. Key rule"), "out of order"});
        cases.put("empty tier", new String[] {GOOD.replaceFirst("softmax\\(s\\)ᵢ = .*\n", ""),
                "'## 2. Key rule' is empty"});
        cases.put("extra heading", new String[] {GOOD + "\n## 4. Solution\nSee the reference.\n",
                "unexpected heading"});
        cases.put("code fence", new String[] {GOOD + "```java\nx\n```\n", "code fence"});
        cases.put("tilde fence", new String[] {GOOD + "~~~\nx\n~~~\n", "code fence"});
        cases.put("indented code", new String[] {GOOD + "\n    double max = scores[0]\n", "code block"});
        cases.put("tab-indented code", new String[] {GOOD + "\tmax = scores[0]\n", "tab"});
        cases.put("statement ending in ;", new String[] {GOOD + "sum = sum + e;\n", "ends with ';'"});
        cases.put("braces", new String[] {GOOD + "if max < s then { max = s }\n", "brace"});
        cases.put("braces after a subscript", new String[] {GOOD + "x_{i} then { max = s }\n", "brace"});
        cases.put("for loop", new String[] {GOOD + "Loop with for (i = 0 to n) over the scores.\n",
                "control statement"});
        cases.put("allocation", new String[] {GOOD + "Allocate new double[n] for the result.\n", "allocation"});
        cases.put("return statement", new String[] {GOOD + "Then return exps / sum; and you are done.\n",
                "return statement"});
        cases.put("return in a code span", new String[] {GOOD + "Finish with `return result` at the end.\n",
                "return statement"});
        cases.put("typed declaration", new String[] {GOOD + "Start with double max = s[0] and scan.\n",
                "typed Java declaration"});
        cases.put("method declaration", new String[] {GOOD + "Write public static double[] softmax(double[] s).\n",
                "Java declaration"});
        cases.put("Java operator", new String[] {GOOD + "Skip the entry when s == max.\n", "Java operator"});
        cases.put("compound assignment", new String[] {GOOD + "Accumulate with sum += e.\n", "update operator"});
        cases.put("increment", new String[] {GOOD + "Advance with i++ each time.\n", "update operator"});
        cases.put("lambda", new String[] {GOOD + "Map each score with s -> Math.exp(s - max).\n", "lambda"});

        boolean ok = true;
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String text = c.getValue()[0];
            String expected = c.getValue()[1];
            List<String> problems = checkHintFile("hints/Softmax.md", title, text.lines().toList());
            boolean pass = expected == null ? problems.isEmpty()
                    : problems.stream().anyMatch(p -> p.contains(expected));
            if (!pass) {
                System.out.println("FAIL " + c.getKey() + ": expected " + (expected == null ? "no problem"
                        : "a problem with '" + expected + "'") + ", got " + problems);
            }
            ok &= pass;
        }
        ok &= selfTestRepository();
        System.out.println(ok ? "HintsCheck self-test passed: " + cases.size() + " files and a small repository;"
                + " the valid ones pass and every broken one is caught" : "HintsCheck self-test FAILED");
        return ok;
    }

    /**
     * A throw-away repository with two katas: Softmax (hints present), Relu (hints missing), a kata test class
     * without a katas.md heading, and a stray hints file. Each of the three problems must be reported.
     */
    private static boolean selfTestRepository() {
        Path root = null;
        try {
            root = Files.createTempDirectory("hints-check");
            Files.writeString(root.resolve(CATALOGUE), "# Catalogue\n\n### 4.5 Relu\n\ntext\n\n### 4.6 Softmax\n");
            for (String kata : List.of("Relu", "Softmax", "Dropout")) {
                Files.createDirectories(root.resolve(TESTS).resolve("nn"));
                Files.createDirectories(root.resolve(STUBS).resolve("nn"));
                Files.writeString(root.resolve(TESTS).resolve("nn").resolve(kata + "Test.java"), "");
                Files.writeString(root.resolve(STUBS).resolve("nn").resolve(kata + ".java"), "");
            }
            Files.createDirectories(root.resolve(TESTS).resolve("support"));
            Files.writeString(root.resolve(TESTS).resolve("support").resolve("ProgressStateTest.java"), "");
            Files.createDirectories(root.resolve(HINTS));
            Files.writeString(root.resolve(HINTS).resolve("Softmax.md"), GOOD);
            Files.writeString(root.resolve(HINTS).resolve("Sofmax.md"), GOOD);

            List<String> problems = checkRepository(root);
            List<String> expected = List.of("hints/Relu.md: missing",
                    "kata Dropout has tests but no heading",
                    "hints/Dropout.md: missing",
                    "hints/Sofmax.md: not a kata of the catalogue");
            boolean ok = problems.size() == expected.size()
                    && expected.stream().allMatch(e -> problems.stream().anyMatch(p -> p.contains(e)));
            if (!ok) {
                System.out.println("FAIL repository: expected exactly " + expected + ", got " + problems);
            }
            return ok;
        } catch (IOException e) {
            System.out.println("FAIL repository: " + e);
            return false;
        } finally {
            deleteQuietly(root);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
