import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The contract lint, run by .ci/run: a test may demand only what the learner can read. For every kata test
 * class it collects each demand a test makes on a thrown exception (its type, and each substring its message
 * must contain) and checks that the kata's contract states it.
 *
 * <pre>
 *   java -cp TEST_CLASSPATH tools/check/ContractLint.java check [Kata ...]   (from the repository root, after test-compile)
 *   java -cp TEST_CLASSPATH tools/check/ContractLint.java demands [Kata ...] (list what the tests demand)
 *   java tools/check/ContractLint.java selftest                                  (the lint's own tests)
 * </pre>
 *
 * <p><b>What it reads.</b> Demands come from {@code src/test/java/mlkatas/<category>/<Kata>Test.java}:
 * {@code BadInput.assertRejects(Type.class, "call", code, "name", ...)} and the AssertJ forms
 * {@code assertThatNullPointerException()}, {@code assertThatIllegalArgumentException()},
 * {@code assertThatIllegalStateException()}, {@code assertThatExceptionOfType(X.class)},
 * {@code assertThatThrownBy(..).isInstanceOf(X.class)}, {@code assertThat(throwable).isInstanceOf(XException.class)}
 * with {@code withMessageContaining}, {@code hasMessageContaining} (and their {@code All}, {@code StartingWith},
 * {@code EndingWith}, exact and regex variants). A message argument must be a string literal, a concatenation
 * of literals, or a {@code static final String} constant of the test class; anything else is reported as a
 * demand the lint cannot read. The contract is the kata's section of katas.md ({@code ### 4.6 Softmax} up to
 * the next heading), the Javadoc of its stub in {@code src/main/java}, and its public API, read by reflection
 * from {@code target/classes} (compiled with {@code -parameters}).
 *
 * <p><b>What is allowed.</b> An exception type is allowed when it is {@code NullPointerException} or
 * {@code IllegalArgumentException} (the message convention of katas.md), or when its simple name appears in
 * the kata's section or the stub's Javadoc. A message substring is allowed when it is
 * <ul>
 *   <li>a parameter name of the kata's public API: parameters of public methods and constructors and
 *       components of public records, of the kata class and its public nested types;</li>
 *   <li>such a name followed by element and component steps that its type has: {@code p[i]} for an array or
 *       list p, {@code p[i][j]} for an array of arrays, {@code p.c} for a record p with component c (and
 *       combinations such as {@code requests[1].features});</li>
 *   <li>or contained in a message word stated in the section or the Javadoc. A message word is a code span
 *       ({@code `X`} in katas.md, {@code {@code X}} in Javadoc) right after one of the phrases
 *       "naming", "names", "mentioning", "mentions", "message contains"; several words may follow, separated
 *       by commas, "and" or "or": "naming `x`, `y` or `z`". "naming the parameter" states no word.</li>
 * </ul>
 *
 * <p><b>Javadoc against katas.md.</b> Every exception type in a stub's {@code @throws} must appear in the
 * kata's section, and every exception type that a "**Bad input**" paragraph of the section names (NPE, IAE and
 * ISE count as their full names) must appear in some {@code @throws} of the stub.
 *
 * <p><b>Output.</b> One line per violation, {@code Kata: where: demands X but ...}, grouped by kata in
 * catalogue order, then a count. The part before " but " is the violation's key. The allow-list
 * ({@code tools/check/contract-allow.txt}) holds keys the lint must not fail on, one per line as
 * {@code key -- reason}; a key without a reason is an error, a key that matches nothing is reported so it can
 * be removed. The exit status is 1 when a violation is not allowed.
 */
public final class ContractLint {

    private static final Path KATAS_MD = Path.of("katas.md");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TEST_SOURCES = Path.of("src/test/java");
    private static final Path ALLOW_LIST = Path.of("tools/check/contract-allow.txt");

    /** The types the message convention allows everywhere. */
    private static final Set<String> CONVENTION_TYPES = Set.of("NullPointerException", "IllegalArgumentException");
    /** Abbreviations a "Bad input" paragraph may use. */
    private static final Map<String, String> ABBREVIATIONS = Map.of("NPE", "NullPointerException",
            "IAE", "IllegalArgumentException", "ISE", "IllegalStateException");

    private static final Pattern HEADING = Pattern.compile("^### (\\d+\\.\\d+) (\\w+)\\s*$", Pattern.MULTILINE);
    private static final Pattern EXCEPTION_WORD = Pattern.compile("\\b(\\w+(?:Exception|Error)|NPE|IAE|ISE)\\b");
    private static final Pattern THROWS = Pattern.compile("@throws\\s+([\\w.]+)");
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern TRIGGER = Pattern.compile(
            "\\b(?:naming|names|mentioning|mentions|message contains)\\s+(?=`)");
    private static final Pattern CODE_SPAN = Pattern.compile("\\G`([^`]+)`");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\G(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+)(?=`)");
    private static final Pattern NAME_PATH = Pattern.compile("([A-Za-z_$][\\w$]*)((?:\\[\\d+]|\\.[A-Za-z_$][\\w$]*)*)");
    private static final Pattern PATH_STEP = Pattern.compile("\\[\\d+]|\\.([A-Za-z_$][\\w$]*)");

    private ContractLint() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length < 1) {
            System.err.println("usage: ContractLint check [Kata ...] | demands [Kata ...] | selftest");
            System.exit(2);
        }
        boolean ok = switch (args[0]) {
            case "check" -> check(List.of(args).subList(1, args.length));
            case "demands" -> listDemands(List.of(args).subList(1, args.length));
            case "selftest" -> SelfTest.run();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(ok ? 0 : 1);
    }

    // ================================================================ the check

    /** A kata: its name, class, test source, stub source and katas.md section (null if it has none). */
    record Kata(String name, String className, Path testSource, Path stubSource, String section) {
    }

    /** A violation of the contract; {@code key} is what an allow-list entry names. */
    record Violation(String kata, String key, String detail) {
        String line() {
            return key + " but " + detail;
        }
    }

    private static boolean check(List<String> only) throws Exception {
        String catalogue = Files.readString(KATAS_MD);
        Map<String, String> sections = sections(catalogue);
        List<Kata> katas = katas(sections, only);
        Map<String, String> allowed = readAllowList(ALLOW_LIST);

        List<Violation> violations = new ArrayList<>();
        int demandCount = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {CLASSES.toUri().toURL()},
                ContractLint.class.getClassLoader())) {
            for (Kata kata : katas) {
                Class<?> type = Class.forName(kata.className, false, loader);
                Map<String, Set<Type>> api = Api.of(type);
                String javadoc = javadoc(Files.readString(kata.stubSource));
                Contract contract = new Contract(kata.name, api, kata.section == null ? "" : kata.section, javadoc);
                if (kata.section == null) {
                    violations.add(new Violation(kata.name, kata.name + ": katas.md",
                            "has no section \"### N.M " + kata.name + "\""));
                }
                List<Demand> demands = Demands.parse(Files.readString(kata.testSource));
                demandCount += demands.size();
                for (Demand demand : demands) {
                    violations.addAll(contract.judge(demand));
                }
                violations.addAll(contract.compareDocs(Files.readString(kata.stubSource)));
            }
        }

        Map<String, List<Violation>> byKata = new LinkedHashMap<>();
        katas.forEach(k -> byKata.put(k.name, new ArrayList<>()));
        Set<String> seen = new HashSet<>();
        for (Violation v : violations) {
            if (seen.add(v.key)) {
                byKata.get(v.kata).add(v);
            }
        }
        System.out.printf("Contract lint: %d katas, %d demands on exceptions%n", katas.size(), demandCount);
        int total = 0;
        int allowedCount = 0;
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, List<Violation>> e : byKata.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            System.out.printf("%n%s%n", e.getKey());
            for (Violation v : e.getValue()) {
                total++;
                String reason = allowed.get(v.key);
                if (reason != null) {
                    allowedCount++;
                    used.add(v.key);
                    System.out.printf("  allowed  %s  [%s]%n", v.line(), reason);
                } else {
                    System.out.printf("  FAIL     %s%n", v.line());
                }
            }
        }
        boolean filtered = !only.isEmpty();
        List<String> stale = allowed.keySet().stream().filter(k -> !used.contains(k))
                .filter(k -> !filtered || only.contains(k.substring(0, Math.max(0, k.indexOf(':')))))
                .toList();
        if (!stale.isEmpty()) {
            System.out.printf("%nAllow-list entries that match no violation (remove them from %s):%n", ALLOW_LIST);
            stale.forEach(k -> System.out.printf("  %s%n", k));
        }
        System.out.printf("%nContract lint: %d violations, %d allowed by %s, %d not allowed%n", total,
                allowedCount, ALLOW_LIST, total - allowedCount);
        return total == allowedCount && !katas.isEmpty();
    }

    /** Prints every demand the tests of the katas make, for a reader checking what the lint sees. */
    private static boolean listDemands(List<String> only) throws IOException {
        for (Kata kata : katas(sections(Files.readString(KATAS_MD)), only)) {
            for (Demand d : Demands.parse(Files.readString(kata.testSource))) {
                System.out.printf("%s: %s (line %d): %s %s%n", kata.name, d.where(), d.line(),
                        d.type() == null ? "any exception" : d.type(), d.messages().stream()
                                .map(m -> m.value() == null ? "`" + m.source() + "` (unreadable)" : m.describe())
                                .collect(Collectors.joining(", ")));
            }
        }
        return true;
    }

    /** Every kata with a test class, in catalogue order (katas without a section last). */
    private static List<Kata> katas(Map<String, String> sections, List<String> only) throws IOException {
        List<Kata> katas = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEST_SOURCES.resolve("mlkatas"))) {
            for (Path test : files.filter(p -> p.getFileName().toString().endsWith("Test.java")).sorted().toList()) {
                String name = test.getFileName().toString().replaceAll("Test\\.java$", "");
                Path relative = TEST_SOURCES.relativize(test.getParent()).resolve(name + ".java");
                Path stub = SOURCES.resolve(relative);
                if (!Files.exists(stub) || (!only.isEmpty() && !only.contains(name))) {
                    continue;
                }
                String className = relative.toString().replace('/', '.').replaceAll("\\.java$", "");
                katas.add(new Kata(name, className, test, stub, sections.get(name)));
            }
        }
        List<String> order = new ArrayList<>(sections.keySet());
        katas.sort((a, b) -> Integer.compare(rank(order, a.name), rank(order, b.name)));
        return katas;
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** katas.md's sections by kata name: from "### 4.6 Softmax" to the next heading. */
    static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            int start = m.start();
            Matcher next = Pattern.compile("^##", Pattern.MULTILINE).matcher(markdown);
            int end = next.find(m.end()) ? next.start() : markdown.length();
            sections.put(m.group(2), markdown.substring(start, end));
        }
        return sections;
    }

    /** The text of every Javadoc comment in a source file, with {@code X} written as `X`. */
    static String javadoc(String source) {
        StringBuilder text = new StringBuilder();
        Matcher m = JAVADOC.matcher(source);
        while (m.find()) {
            String comment = m.group(1).replaceAll("(?m)^\\s*\\*", " ");
            comment = comment.replaceAll("\\{@code\\s+([^{}]*)}", "`$1`")
                    .replaceAll("\\{@link(?:plain)?\\s+([^{}]*)}", "$1")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            text.append(comment).append('\n');
        }
        return text.toString();
    }

    /** Reads the allow-list: "key -- reason" per line, '#' starts a comment line. */
    static Map<String, String> readAllowList(Path file) throws IOException {
        return Files.exists(file) ? parseAllowList(Files.readString(file)) : Map.of();
    }

    static Map<String, String> parseAllowList(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int sep = line.lastIndexOf(" -- ");
            String reason = sep < 0 ? "" : line.substring(sep + 4).strip();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException("allow-list entry without a reason (write 'key -- reason'): " + line);
            }
            entries.put(line.substring(0, sep).strip(), reason);
        }
        return entries;
    }

    // ================================================================ the contract of one kata

    /** What a learner reads for one kata, and how a demand is judged against it. */
    static final class Contract {
        private final String kata;
        private final Map<String, Set<Type>> api;
        private final String section;
        private final String javadoc;
        private final Set<String> words;

        Contract(String kata, Map<String, Set<Type>> api, String section, String javadoc) {
            this.kata = kata;
            this.api = api;
            this.section = section;
            this.javadoc = javadoc;
            this.words = new LinkedHashSet<>();
            words.addAll(statedWords(section));
            words.addAll(statedWords(javadoc));
        }

        List<Violation> judge(Demand d) {
            List<Violation> out = new ArrayList<>();
            String where = kata + ": " + d.where();
            if (d.type() != null && !typeAllowed(d.type())) {
                out.add(new Violation(kata, where + ": demands " + d.type(),
                        "neither the katas.md section nor the Javadoc names it (only NullPointerException and"
                                + " IllegalArgumentException follow from the convention) (line " + d.line() + ")"));
            }
            for (Message m : d.messages()) {
                if (m.value() == null) {
                    out.add(new Violation(kata, where + ": demands a message containing `" + m.source() + "`",
                            "the lint cannot read it: pass a string literal or a static final String constant"
                                    + " (line " + d.line() + ")"));
                } else if (m.kind() == Message.Kind.REGEX) {
                    out.add(new Violation(kata, where + ": demands a message matching \"" + m.value() + "\"",
                            "the lint cannot judge a pattern: demand substrings instead (line " + d.line() + ")"));
                } else if (m.kind() == Message.Kind.EXACT ? !words.contains(m.value()) : !messageAllowed(m.value())) {
                    out.add(new Violation(kata, where + ": demands " + m.describe(),
                            "it is not a parameter name of " + kata + "'s API (nor name[i] or name.component of"
                                    + " one), and neither the katas.md section nor the Javadoc states it as"
                                    + " naming `" + m.value() + "` (line " + d.line() + ")"));
                }
            }
            return out;
        }

        boolean typeAllowed(String type) {
            return CONVENTION_TYPES.contains(type) || mentionsType(section, type) || mentionsType(javadoc, type);
        }

        boolean messageAllowed(String text) {
            return Api.allows(api, text) || words.stream().anyMatch(w -> w.contains(text));
        }

        /** Javadoc against katas.md: every @throws type in the section, every Bad input type in a @throws. */
        List<Violation> compareDocs(String stubSource) {
            List<Violation> out = new ArrayList<>();
            Set<String> thrown = throwsTypes(stubSource);
            for (String type : thrown) {
                if (!mentionsType(section, type)) {
                    out.add(new Violation(kata, kata + ": Javadoc: @throws " + type,
                            "the katas.md section never names " + type));
                }
            }
            for (String type : badInputTypes(section)) {
                if (!thrown.contains(type)) {
                    out.add(new Violation(kata, kata + ": katas.md Bad input: names " + type,
                            "no @throws in the stub's Javadoc does"));
                }
            }
            return out;
        }
    }

    static boolean mentions(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find();
    }

    /** Whether a text names an exception type, in full or by its abbreviation (NPE, IAE, ISE). */
    static boolean mentionsType(String text, String type) {
        return mentions(text, type) || ABBREVIATIONS.entrySet().stream()
                .anyMatch(e -> e.getValue().equals(type) && mentions(text, e.getKey()));
    }

    /** The message words a text states: code spans after "naming", "names", "mentions", "message contains". */
    static Set<String> statedWords(String text) {
        String flat = text.replaceAll("\\s+", " ");
        Set<String> words = new LinkedHashSet<>();
        Matcher trigger = TRIGGER.matcher(flat);
        while (trigger.find()) {
            int at = trigger.end();
            while (true) {
                Matcher span = CODE_SPAN.matcher(flat);
                if (!span.find(at)) {
                    break;
                }
                words.add(span.group(1));
                at = span.end();
                Matcher sep = LIST_SEPARATOR.matcher(flat);
                if (!sep.find(at)) {
                    break;
                }
                at = sep.end();
            }
        }
        return words;
    }

    /** Simple names of the types in every @throws of a source file. */
    static Set<String> throwsTypes(String source) {
        Set<String> types = new LinkedHashSet<>();
        Matcher m = THROWS.matcher(source);
        while (m.find()) {
            String name = m.group(1);
            types.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return types;
    }

    /** Exception types named by the "**Bad input**" paragraphs of a section (to the next blank line). */
    static Set<String> badInputTypes(String section) {
        Set<String> types = new LinkedHashSet<>();
        for (String paragraph : section.split("\\n\\s*\\n")) {
            if (!paragraph.strip().startsWith("**Bad input**")) {
                continue;
            }
            Matcher m = EXCEPTION_WORD.matcher(paragraph);
            while (m.find()) {
                types.add(ABBREVIATIONS.getOrDefault(m.group(1), m.group(1)));
            }
        }
        return types;
    }

    // ================================================================ the kata's API

    /** Parameter names of a kata's public API, each with the types it has. */
    static final class Api {
        private Api() {
        }

        static Map<String, Set<Type>> of(Class<?> kata) {
            Map<String, Set<Type>> names = new TreeMap<>();
            collect(kata, names, new HashSet<>());
            return names;
        }

        private static void collect(Class<?> type, Map<String, Set<Type>> names, Set<Class<?>> seen) {
            if (!seen.add(type)) {
                return;
            }
            List<Executable> members = new ArrayList<>();
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                members.add(c);
            }
            for (Method m : type.getDeclaredMethods()) {
                if (!m.isSynthetic() && !m.isBridge()) {
                    members.add(m);
                }
            }
            for (Executable e : members) {
                if (!Modifier.isPublic(e.getModifiers())) {
                    continue;
                }
                Type[] generic = e.getGenericParameterTypes();
                Parameter[] parameters = e.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (!parameters[i].isNamePresent()) {
                        throw new IllegalStateException(type.getName() + " was compiled without -parameters:"
                                + " run ./mvnw test-compile first");
                    }
                    // A nested class's constructor may have one generic type fewer (the enclosing instance).
                    Type t = generic.length == parameters.length ? generic[i] : parameters[i].getParameterizedType();
                    add(names, parameters[i].getName(), t);
                }
            }
            if (type.isRecord()) {
                for (RecordComponent rc : type.getRecordComponents()) {
                    add(names, rc.getName(), rc.getGenericType());
                }
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Modifier.isPublic(nested.getModifiers())) {
                    collect(nested, names, seen);
                }
            }
        }

        static void add(Map<String, Set<Type>> names, String name, Type type) {
            names.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(type);
        }

        /** Whether {@code text} is a parameter name, or one followed by steps its type has ([i], .component). */
        static boolean allows(Map<String, Set<Type>> names, String text) {
            Matcher m = NAME_PATH.matcher(text);
            if (!m.matches() || !names.containsKey(m.group(1))) {
                return false;
            }
            List<String> steps = new ArrayList<>();
            Matcher step = PATH_STEP.matcher(m.group(2));
            while (step.find()) {
                steps.add(step.group());
            }
            for (Type start : names.get(m.group(1))) {
                Type t = start;
                for (String s : steps) {
                    t = t == null ? null : s.startsWith("[") ? element(t) : component(t, s.substring(1));
                }
                if (t != null) {
                    return true;
                }
            }
            return false;
        }

        /** The element type of an array or a collection, or null. */
        static Type element(Type t) {
            if (t instanceof Class<?> c && c.isArray()) {
                return c.getComponentType();
            }
            if (t instanceof GenericArrayType g) {
                return g.getGenericComponentType();
            }
            if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                    && Collection.class.isAssignableFrom(raw) && p.getActualTypeArguments().length == 1) {
                return p.getActualTypeArguments()[0];
            }
            return null;
        }

        /** The type of record component {@code name} of {@code t}, or null. */
        static Type component(Type t, String name) {
            Class<?> raw = t instanceof Class<?> c ? c
                    : t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r ? r : null;
            if (raw == null || !raw.isRecord()) {
                return null;
            }
            for (RecordComponent rc : raw.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    return rc.getGenericType();
                }
            }
            return null;
        }
    }

    // ================================================================ demands in a test source

    /** What a message must contain (or be, or match); {@code value} is null when the lint cannot read it. */
    record Message(String value, String source, Kind kind) {
        enum Kind { CONTAINS, EXACT, REGEX }

        String describe() {
            return switch (kind) {
                case CONTAINS -> "message \"" + value + "\"";
                case EXACT -> "the exact message \"" + value + "\"";
                case REGEX -> "a message matching \"" + value + "\"";
            };
        }
    }

    /** One assertion on a thrown exception: its type (null if any) and what its message must contain. */
    record Demand(String where, int line, String type, List<Message> messages) {
    }

    /** Reads the demands of a test source. */
    static final class Demands {
        private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
                "try", "return", "new", "throw", "else", "do", "assert", "case");
        private static final Map<String, String> HEADS = Map.of(
                "assertThatNullPointerException", "NullPointerException",
                "assertThatIllegalArgumentException", "IllegalArgumentException",
                "assertThatIllegalStateException", "IllegalStateException",
                "assertThatIOException", "IOException",
                "assertThatIndexOutOfBoundsException", "IndexOutOfBoundsException",
                "assertThatReflectiveOperationException", "ReflectiveOperationException",
                "assertThatRuntimeException", "RuntimeException",
                "assertThatException", "Exception");
        private static final Set<String> OTHER_HEADS = Set.of("assertThatExceptionOfType", "assertThatThrownBy",
                "assertThat", "assertThatCode", "assertThrows", "assertThrowsExactly");
        private static final Set<String> TYPE_STEPS = Set.of("isInstanceOf", "isExactlyInstanceOf", "isInstanceOfAny",
                "withCauseInstanceOf", "withCauseExactlyInstanceOf", "withRootCauseInstanceOf",
                "hasCauseInstanceOf", "hasCauseExactlyInstanceOf", "hasRootCauseInstanceOf");
        private static final Pattern CONTAINS_STEP = Pattern.compile(
                "(?:with|has)Message(?:Containing(?:All)?|StartingWith|EndingWith)");
        private static final Pattern EXACT_STEP = Pattern.compile("(?:with|has)Message");
        private static final Pattern REGEX_STEP = Pattern.compile("(?:with|has)Message(?:Matching|FindingMatch)");

        private final List<Token> tokens;
        private final Map<String, String> constants;
        private final List<int[]> methods = new ArrayList<>();   // {nameToken, bodyStart, bodyEnd}
        private final List<int[]> classes = new ArrayList<>();   // {nameToken, bodyStart, bodyEnd}

        private Demands(String source) {
            this.tokens = Lexer.lex(source);
            this.constants = new HashMap<>();
            findDeclarations();
        }

        static List<Demand> parse(String source) {
            return new Demands(source).demands();
        }

        private List<Demand> demands() {
            List<Demand> demands = new ArrayList<>();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() != Token.Kind.IDENT || !is(i + 1, "(") || isDeclaration(i)) {
                    continue;
                }
                Demand d = null;
                if (t.text().equals("assertRejects")) {
                    d = assertRejects(i);
                } else if (HEADS.containsKey(t.text()) || OTHER_HEADS.contains(t.text())) {
                    d = chain(i);
                }
                if (d != null) {
                    demands.add(d);
                }
            }
            return demands;
        }

        /** {@code assertRejects(Type.class, "call", code, "name", ...)}. */
        private Demand assertRejects(int at) {
            List<int[]> args = arguments(at + 1);
            if (args.size() < 4) {
                return null;
            }
            String type = classLiteral(args.get(0));
            int first = 3;
            for (int a = 2; a < args.size(); a++) {
                if (contains(args.get(a), "->") || contains(args.get(a), "::")) {
                    first = a + 1; // the code argument; generic commas inside it do not shift the names
                }
            }
            List<Message> messages = new ArrayList<>();
            for (int[] arg : args.subList(Math.min(first, args.size()), args.size())) {
                messages.add(new Message(string(arg), source(arg), Message.Kind.CONTAINS));
            }
            return new Demand(where(at), tokens.get(at).line(), type, messages);
        }

        /** An AssertJ (or JUnit) assertion chain starting at a head such as assertThatNullPointerException(). */
        private Demand chain(int at) {
            String head = tokens.get(at).text();
            int close = match(at + 1);
            List<int[]> headArgs = arguments(at + 1);
            String type = HEADS.get(head);
            if (head.equals("assertThatExceptionOfType") || head.startsWith("assertThrows")) {
                type = headArgs.isEmpty() ? null : classLiteral(headArgs.get(0));
            }
            boolean throwableHead = !head.equals("assertThat") && !head.equals("assertThatCode");
            List<Message> messages = new ArrayList<>();
            int p = close + 1;
            while (is(p, ".") && p + 2 < tokens.size() && tokens.get(p + 1).kind() == Token.Kind.IDENT
                    && is(p + 2, "(")) {
                String step = tokens.get(p + 1).text();
                List<int[]> args = arguments(p + 2);
                if (TYPE_STEPS.contains(step)) {
                    for (int[] arg : args) {
                        String named = classLiteral(arg);
                        if (named != null && (throwableHead || named.matches("\\w*(Exception|Error)"))) {
                            type = named;
                        }
                    }
                } else if (REGEX_STEP.matcher(step).matches()) {
                    args.stream().limit(1).forEach(a -> messages.add(new Message(string(a), source(a),
                            Message.Kind.REGEX)));
                } else if (CONTAINS_STEP.matcher(step).matches()) {
                    for (int[] arg : args) {
                        messages.add(new Message(string(arg), source(arg), Message.Kind.CONTAINS));
                    }
                } else if (EXACT_STEP.matcher(step).matches() && !args.isEmpty()) {
                    messages.add(new Message(string(args.get(0)), source(args.get(0)), Message.Kind.EXACT));
                }
                p = match(p + 2) + 1;
            }
            if (type == null && messages.isEmpty()) {
                return null; // no demand on a thrown exception
            }
            return new Demand(where(at), tokens.get(at).line(), type, messages);
        }

        // ---------------------------------------------------------- declarations

        /** Finds methods, classes and String constants. */
        private void findDeclarations() {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() != Token.Kind.IDENT) {
                    continue;
                }
                if (Set.of("class", "interface", "enum", "record").contains(t.text())
                        && tokens.get(i + 1).kind() == Token.Kind.IDENT && !is(i - 1, ".")) {
                    int open = indexOf("{", i + 2);
                    if (open > 0) {
                        classes.add(new int[] {i + 1, open, match(open)});
                    }
                } else if (isDeclaration(i)) {
                    int k = match(i + 1) + 1;
                    if (is(k, "throws")) {
                        while (k < tokens.size() && !is(k, "{") && !is(k, ";")) {
                            k++;
                        }
                    }
                    if (is(k, "{")) {
                        methods.add(new int[] {i, k, match(k)});
                    }
                }
                if (t.text().equals("String") && i >= 2 && is(i - 1, "final") && tokens.get(i + 1).kind() == Token.Kind.IDENT
                        && is(i + 2, "=") && (is(i - 2, "static") || is(i - 3, "static"))) {
                    int end = indexOf(";", i + 3);
                    String value = end < 0 ? null : string(new int[] {i + 3, end});
                    if (value != null) {
                        constants.put(tokens.get(i + 1).text(), value);
                    }
                }
            }
        }

        /** Whether the identifier at i names a method or constructor being declared (followed by a body). */
        private boolean isDeclaration(int i) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.IDENT || KEYWORDS.contains(t.text()) || !is(i + 1, "(")) {
                return false;
            }
            if (is(i - 1, ".") || is(i - 1, "new") || is(i - 1, "::") || is(i - 1, "@") || is(i - 1, "record")) {
                return false;
            }
            int k = match(i + 1) + 1;
            return is(k, "{") || is(k, "throws");
        }

        /** "EdgeCases.nulls": the innermost class below the top level and the outermost method around a token. */
        private String where(int at) {
            int[] method = null;
            for (int[] m : methods) {
                if (m[1] < at && at < m[2] && (method == null || m[1] < method[1])) {
                    method = m;
                }
            }
            int position = method == null ? at : method[0];
            int[] cls = null;
            for (int[] c : classes) {
                if (c[1] < position && position < c[2] && (cls == null || c[1] > cls[1])) {
                    cls = c;
                }
            }
            int[] inner = cls;
            boolean topLevel = inner == null || classes.stream().noneMatch(c -> c[1] < inner[1] && inner[2] < c[2]);
            String owner = topLevel ? "" : tokens.get(inner[0]).text() + ".";
            return owner + (method == null ? "(field initialiser)" : tokens.get(method[0]).text());
        }

        // ---------------------------------------------------------- token helpers

        private boolean is(int i, String text) {
            return i >= 0 && i < tokens.size() && tokens.get(i).kind() != Token.Kind.STRING
                    && tokens.get(i).text().equals(text);
        }

        private int indexOf(String text, int from) {
            for (int i = from; i < tokens.size(); i++) {
                if (is(i, text)) {
                    return i;
                }
            }
            return -1;
        }

        /** The index of the bracket that closes the one at {@code open}. */
        private int match(int open) {
            int depth = 0;
            for (int i = open; i < tokens.size(); i++) {
                if (is(i, "(") || is(i, "{") || is(i, "[")) {
                    depth++;
                } else if (is(i, ")") || is(i, "}") || is(i, "]")) {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            }
            return tokens.size() - 1;
        }

        /** The top-level arguments of the call whose "(" is at {@code open}, as token ranges [from, to). */
        private List<int[]> arguments(int open) {
            int close = match(open);
            List<int[]> args = new ArrayList<>();
            int depth = 0;
            int start = open + 1;
            for (int i = open + 1; i < close; i++) {
                if (is(i, "(") || is(i, "{") || is(i, "[")) {
                    depth++;
                } else if (is(i, ")") || is(i, "}") || is(i, "]")) {
                    depth--;
                } else if (depth == 0 && is(i, ",")) {
                    args.add(new int[] {start, i});
                    start = i + 1;
                }
            }
            if (close > open + 1) {
                args.add(new int[] {start, close});
            }
            return args;
        }

        private boolean contains(int[] range, String text) {
            for (int i = range[0]; i < range[1]; i++) {
                if (is(i, text)) {
                    return true;
                }
            }
            return false;
        }

        /** "X" for an argument {@code X.class} or {@code a.b.X.class}, else null. */
        private String classLiteral(int[] range) {
            int n = range[1] - range[0];
            if (n >= 3 && is(range[1] - 1, "class") && is(range[1] - 2, ".")
                    && tokens.get(range[1] - 3).kind() == Token.Kind.IDENT) {
                return tokens.get(range[1] - 3).text();
            }
            return null;
        }

        /** The value of a string expression made of literals, constants and '+', or null. */
        private String string(int[] range) {
            StringBuilder value = new StringBuilder();
            boolean expectOperand = true;
            for (int i = range[0]; i < range[1]; i++) {
                Token t = tokens.get(i);
                if (expectOperand && t.kind() == Token.Kind.STRING) {
                    value.append(t.value());
                } else if (expectOperand && t.kind() == Token.Kind.IDENT && constants.containsKey(t.text())) {
                    value.append(constants.get(t.text()));
                } else if (!expectOperand && is(i, "+")) {
                    expectOperand = true;
                    continue;
                } else {
                    return null;
                }
                expectOperand = false;
            }
            return expectOperand ? null : value.toString();
        }

        private String source(int[] range) {
            StringBuilder text = new StringBuilder();
            for (int i = range[0]; i < range[1]; i++) {
                text.append(i > range[0] ? " " : "").append(tokens.get(i).text());
            }
            return text.toString();
        }
    }

    /** A token of Java source: STRING tokens carry their value, text is the source form. */
    record Token(Kind kind, String text, String value, int line) {
        enum Kind { IDENT, STRING, CHAR, NUMBER, OP }
    }

    /** A small Java lexer: identifiers, literals and operators; comments are dropped. */
    static final class Lexer {
        private Lexer() {
        }

        static List<Token> lex(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int line = 1;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (s.startsWith("//", i)) {
                    while (i < n && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    line += count(s, i, end);
                    i = end;
                } else if (s.startsWith("\"\"\"", i)) {
                    int end = i + 3;
                    while (end < n && !s.startsWith("\"\"\"", end)) {
                        end += s.charAt(end) == '\\' ? 2 : 1;
                    }
                    String raw = s.substring(Math.min(i + 3, n), Math.min(end, n));
                    String body = raw.substring(raw.indexOf('\n') + 1);
                    out.add(new Token(Token.Kind.STRING, s.substring(i, Math.min(end + 3, n)),
                            body.stripIndent().translateEscapes(), line));
                    line += count(s, i, Math.min(end + 3, n));
                    i = Math.min(end + 3, n);
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (end < n && s.charAt(end) != c && s.charAt(end) != '\n') {
                        end += s.charAt(end) == '\\' ? 2 : 1;
                    }
                    end = Math.min(end, n - 1);
                    String raw = s.substring(i + 1, end);
                    out.add(new Token(c == '"' ? Token.Kind.STRING : Token.Kind.CHAR, s.substring(i, end + 1),
                            c == '"' ? raw.translateEscapes() : raw, line));
                    i = end + 1;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int end = i + 1;
                    while (end < n && Character.isJavaIdentifierPart(s.charAt(end))) {
                        end++;
                    }
                    out.add(new Token(Token.Kind.IDENT, s.substring(i, end), null, line));
                    i = end;
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                    int end = i + 1;
                    while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.'
                            || s.charAt(end) == '_' || ((s.charAt(end) == '-' || s.charAt(end) == '+')
                            && (s.charAt(end - 1) == 'e' || s.charAt(end - 1) == 'E')
                            && !s.substring(i, end).startsWith("0x")))) {
                        end++;
                    }
                    out.add(new Token(Token.Kind.NUMBER, s.substring(i, end), null, line));
                    i = end;
                } else {
                    String op = s.startsWith("->", i) ? "->" : s.startsWith("::", i) ? "::"
                            : s.startsWith("...", i) ? "..." : String.valueOf(c);
                    out.add(new Token(Token.Kind.OP, op, null, line));
                    i += op.length();
                }
            }
            return out;
        }

        private static int count(String s, int from, int to) {
            int lines = 0;
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == '\n') {
                    lines++;
                }
            }
            return lines;
        }
    }

    // ================================================================ selftest

    /** Unit tests of the parsing and the rules on small inline examples: {@code ContractLint selftest}. */
    static final class SelfTest {
        private static int failures;
        private static int checks;

        private SelfTest() {
        }

        // A stand-in for a kata's API: its components play the parameters.
        record Gate(double[][] inputWeights, double[] bias) {
        }

        record Request(int id, double[] features) {
        }

        record Sample(double[][] data, List<Request> requests, Gate update, double learningRate, int heads,
                double[][][] x) {
        }

        static boolean run() {
            lexer();
            demands();
            statedWordsGrammar();
            apiForms();
            judging();
            docs();
            allowList();
            System.out.printf("ContractLint selftest: %d checks, %d failed%n", checks, failures);
            return failures == 0;
        }

        private static void lexer() {
            List<Token> t = Lexer.lex("a(\"x\\\"y\", 'c') // \"no\"\n/* \"no\" */ b -> 1e-4 \"\"\"\n   z\n   \"\"\"");
            expect("lexer: tokens", t.stream().map(Token::text).toList().toString(),
                    "[a, (, \"x\\\"y\", ,, 'c', ), b, ->, 1e-4, \"\"\"\n   z\n   \"\"\"]");
            expect("lexer: escaped string value", t.get(2).value(), "x\"y");
            expect("lexer: text block value", t.get(9).value(), "z\n");
            expect("lexer: line after a comment", String.valueOf(t.get(6).line()), "2");
        }

        private static final String TEST_SOURCE = """
                class FooTest {
                    private static final String TARGET = "target";

                    @Nested
                    class EdgeCases {
                        @Test
                        @DisplayName("nulls, \\"quoted\\"")
                        void nulls() {
                            // assertThatNullPointerException().withMessageContaining("in a comment")
                            assertThatNullPointerException().isThrownBy(() -> Foo.f(null, List.of("x, y"), 1))
                                    .withMessageContaining("data").withMessageContaining("data[1]");
                            assertRejects(IllegalArgumentException.class, "f(\\"a\\")",
                                    () -> Foo.f(new HashMap<String, Integer>(), 2), "alpha", TARGET);
                            assertThatThrownBy(() -> Foo.g()).isInstanceOf(IllegalStateException.class)
                                    .hasMessageContaining("d_" + "v");
                            String text = \"""
                                    assertThatIllegalArgumentException().withMessageContaining("text block")
                                    \""";
                        }

                        @Test
                        void others() throws Exception {
                            assertThat(failure).as("the failure").isInstanceOf(ArithmeticException.class);
                            assertThat(node).isInstanceOf(Split.class);
                            assertThat(caught).hasMessageContaining("k");
                            assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> {
                                if (x) { y(); }
                            }).withMessage("exactly this").withMessageMatching("a.*b");
                            Runnable r = new Runnable() {
                                public void run() {
                                    assertThatIllegalArgumentException().isThrownBy(() -> z()).withMessageContaining("heads");
                                }
                            };
                        }
                    }

                    private void helper(String name) {
                        assertThatIllegalArgumentException().isThrownBy(() -> {}).withMessageContaining(name);
                        assertThatCode(() -> f()).doesNotThrowAnyException();
                    }
                }
                """;

        private static void demands() {
            List<Demand> demands = Demands.parse(TEST_SOURCE);
            expect("demands: all found", demands.stream().map(SelfTest::show).toList().toString(), List.of(
                    "EdgeCases.nulls NullPointerException [data, data[1]]",
                    "EdgeCases.nulls IllegalArgumentException [alpha, target]",
                    "EdgeCases.nulls IllegalStateException [d_v]",
                    "EdgeCases.others ArithmeticException []",
                    "EdgeCases.others null [k]",
                    "EdgeCases.others UnsupportedOperationException [=exactly this, ~a.*b]",
                    "EdgeCases.others IllegalArgumentException [heads]",
                    "helper IllegalArgumentException [?name]").toString());
            expect("demands: line numbers", String.valueOf(demands.get(0).line()), "10");
        }

        private static String show(Demand d) {
            return d.where() + " " + d.type() + " " + d.messages().stream()
                    .map(m -> m.value() == null ? "?" + m.source()
                            : (m.kind() == Message.Kind.EXACT ? "=" : m.kind() == Message.Kind.REGEX ? "~" : "")
                                    + m.value())
                    .toList();
        }

        private static void statedWordsGrammar() {
            expect("words: naming one", statedWords("→ `IllegalArgumentException` naming `scores`.").toString(),
                    "[scores]");
            expect("words: a list", statedWords("names `x`, `y` and `z`; mentions `a` or `b`, and `c`").toString(),
                    "[x, y, z, a, b, c]");
            expect("words: across a line break", statedWords("naming\n   `heads` and\n `d_v`").toString(),
                    "[heads, d_v]");
            expect("words: Javadoc", statedWords(javadoc("/** @throws X if bad, naming {@code heads} */")).toString(),
                    "[heads]");
            expect("words: message contains", statedWords("whose message contains `2 rows`").toString(), "[2 rows]");
            expect("words: no code span", statedWords("naming the parameter; attribute names (and `t`)").toString(),
                    "[]");
            expect("words: a later span is not in the list", statedWords("naming `a`; `b` is wrong").toString(),
                    "[a]");
        }

        private static void apiForms() {
            Map<String, Set<Type>> api = sampleApi();
            for (String ok : List.of("data", "data[1]", "data[1][2]", "requests[1]", "requests[0].features",
                    "requests[0].features[3]", "update.inputWeights", "update.inputWeights[0][1]", "x[0][1][2]",
                    "learningRate", "features", "bias")) {
                expect("api allows " + ok, String.valueOf(Api.allows(api, ok)), "true");
            }
            for (String bad : List.of("d_v", "data[1][2][3]", "learningRate[0]", "update.recurrentWeights",
                    "requests.features", "update[0]", "data[i]", "data[-1]", "row 1", "2 rows", "Data")) {
                expect("api rejects " + bad, String.valueOf(Api.allows(api, bad)), "false");
            }
        }

        private static Map<String, Set<Type>> sampleApi() {
            Map<String, Set<Type>> api = new TreeMap<>();
            for (RecordComponent rc : Sample.class.getRecordComponents()) {
                Api.add(api, rc.getName(), rc.getGenericType());
            }
            for (Class<?> r : List.of(Gate.class, Request.class)) {
                for (RecordComponent rc : r.getRecordComponents()) {
                    Api.add(api, rc.getName(), rc.getGenericType());
                }
            }
            return api;
        }

        private static void judging() {
            String section = "### 8.2 MultiHeadAttention\n\n**Bad input**: heads not dividing d_model or d_v →"
                    + " `IllegalArgumentException` naming the parameter; a bad row naming `row 1`.\n";
            Contract c = new Contract("Mha", sampleApi(), section, "");
            List<Violation> v = c.judge(new Demand("EdgeCases.heads", 7, "IllegalArgumentException", List.of(
                    new Message("heads", "\"heads\"", Message.Kind.CONTAINS),
                    new Message("d_v", "\"d_v\"", Message.Kind.CONTAINS),
                    new Message("row", "\"row\"", Message.Kind.CONTAINS),
                    new Message("data[1]", "\"data[1]\"", Message.Kind.CONTAINS),
                    new Message(null, "name", Message.Kind.CONTAINS))));
            expect("judge: keys", v.stream().map(Violation::key).toList().toString(), List.of(
                    "Mha: EdgeCases.heads: demands message \"d_v\"",
                    "Mha: EdgeCases.heads: demands a message containing `name`").toString());
            List<Violation> types = c.judge(new Demand("m", 1, "IllegalStateException", List.of()));
            expect("judge: a type the docs never name", types.size() + " " + types.get(0).key(),
                    "1 Mha: m: demands IllegalStateException");
            Contract withIse = new Contract("Mha", sampleApi(), section + "close → `IllegalStateException`", "");
            expect("judge: a type the section names", String.valueOf(withIse.judge(
                    new Demand("m", 1, "IllegalStateException", List.of())).size()), "0");
        }

        private static void docs() {
            String section = "### 1.1 K\n\nText with UnsupportedOperationException.\n\n**Bad input**: null → NPE;"
                    + " bad → `IllegalArgumentException`;\n`f` after `g` → `IllegalStateException`.\n\n"
                    + "**Differs**: ArithmeticException.\n";
            expect("docs: Bad input types", badInputTypes(section).toString(),
                    "[NullPointerException, IllegalArgumentException, IllegalStateException]");
            String stub = "/** @throws NullPointerException if null\n * @throws java.lang.ArithmeticException if"
                    + " {@code x} &lt; 0 */";
            expect("docs: @throws types", throwsTypes(stub).toString(), "[NullPointerException, ArithmeticException]");
            List<Violation> v = new Contract("K", Map.of(), section, javadoc(stub)).compareDocs(stub);
            expect("docs: violations", v.stream().map(Violation::key).toList().toString(), List.of(
                    "K: katas.md Bad input: names IllegalArgumentException",
                    "K: katas.md Bad input: names IllegalStateException").toString());
            Map<String, String> s = sections("# T\n### 1.1 A\na\n### 1.2 B\nb\n## 2. C\nc\n### 2.1 D\nd\n");
            expect("docs: sections", s.toString(), "{A=### 1.1 A\na\n, B=### 1.2 B\nb\n, D=### 2.1 D\nd\n}");
        }

        private static void allowList() {
            Map<String, String> a = parseAllowList("# comment\n\nK: m: demands message \"a -- b\" -- to be fixed\n");
            expect("allow-list: key and reason", a.toString(), "{K: m: demands message \"a -- b\"=to be fixed}");
            try {
                parseAllowList("K: m: demands message \"x\"\n");
                expect("allow-list: an entry without a reason is refused", "accepted", "refused");
            } catch (IllegalArgumentException e) {
                expect("allow-list: an entry without a reason is refused", "refused", "refused");
            }
        }

        private static void expect(String what, String actual, String expected) {
            checks++;
            if (!actual.equals(expected)) {
                failures++;
                System.out.printf("FAIL %s%n  expected: %s%n  actual:   %s%n", what, expected, actual);
            }
        }
    }
}
