package mlkatas.algorithms;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mlkatas.algorithms.DecisionTree.Leaf;
import mlkatas.algorithms.DecisionTree.Node;
import mlkatas.algorithms.DecisionTree.Split;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

@DisplayName("1.5 DecisionTree: ID3 with information gain")
class DecisionTreeTest {

    /** Mitchell prints the gains to 3 decimals. */
    private static final double THREE_DECIMALS = 1e-3;
    /** The spec's tie rule: gains within 1e-12 are equal (different summation orders differ by ~1e-16). */
    private static final double GAIN_TIE = 1e-12;
    /** Shrink cycles for a failing property: enough to simplify a table, quick enough to report in a second. */
    private static final int SHRINK_CYCLES = 40;

    private static final String PLAY = "PlayTennis";

    /** Deep-ML 20's eight days, attributes Outlook and Wind. */
    private static final List<Map<String, String>> DEEP_ML = table("Outlook Wind PlayTennis",
            "Sunny    Weak   No",
            "Overcast Strong Yes",
            "Rain     Weak   Yes",
            "Sunny    Strong No",
            "Sunny    Weak   Yes",
            "Overcast Weak   Yes",
            "Rain     Strong No",
            "Rain     Weak   Yes");

    /** Mitchell, Machine Learning (1997), Table 3.2: days D1–D14. */
    private static final List<Map<String, String>> MITCHELL = table("Outlook Temperature Humidity Wind PlayTennis",
            "Sunny    Hot  High   Weak   No",
            "Sunny    Hot  High   Strong No",
            "Overcast Hot  High   Weak   Yes",
            "Rain     Mild High   Weak   Yes",
            "Rain     Cool Normal Weak   Yes",
            "Rain     Cool Normal Strong No",
            "Overcast Cool Normal Strong Yes",
            "Sunny    Mild High   Weak   No",
            "Sunny    Cool Normal Weak   Yes",
            "Rain     Mild Normal Weak   Yes",
            "Sunny    Mild Normal Strong Yes",
            "Overcast Mild High   Strong Yes",
            "Overcast Hot  Normal Weak   Yes",
            "Rain     Mild High   Strong No");
    private static final List<String> MITCHELL_ATTRIBUTES = List.of("Outlook", "Temperature", "Humidity", "Wind");

    /** Mitchell's Figure 3.1: the tree ID3 learns from Table 3.2. */
    private static final Node TEXTBOOK_TREE = split("Outlook",
            "Sunny", split("Humidity", "High", leaf("No"), "Normal", leaf("Yes")),
            "Overcast", leaf("Yes"),
            "Rain", split("Wind", "Strong", leaf("No"), "Weak", leaf("Yes")));

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("examples that all share a label give a single leaf")
        void allSameLabel() {
            List<Map<String, String>> days = table("Outlook PlayTennis", "Sunny Yes", "Rain Yes");

            Node tree = learn(days, List.of("Outlook"), PLAY);

            assertTree(tree, leaf("Yes"));
        }

        @Test
        @Order(2)
        @DisplayName("classify follows the branches of a given tree down to a leaf")
        void classifyFollowsBranches() {
            // Mitchell's example day: Sunny and High humidity → No; a rainy day with weak wind → Yes.
            Map<String, String> sunnyHumid = row("Outlook", "Sunny", "Temperature", "Hot", "Humidity", "High",
                    "Wind", "Strong");
            Map<String, String> rainyCalm = row("Outlook", "Rain", "Wind", "Weak");

            assertThat(DecisionTree.classify(TEXTBOOK_TREE, sunnyHumid)).as("Sunny, Hot, High, Strong").isEqualTo("No");
            assertThat(DecisionTree.classify(TEXTBOOK_TREE, rainyCalm)).as("Rain, Weak").isEqualTo("Yes");
            assertThat(DecisionTree.classify(leaf("Yes"), Map.of())).as("a lone leaf").isEqualTo("Yes");
        }

        @Test
        @Order(3)
        @DisplayName("one attribute that separates the labels becomes a split with a leaf per value")
        void oneSeparatingAttribute() {
            List<Map<String, String>> days = table("Outlook Wind PlayTennis",
                    "Sunny    Weak   No",
                    "Overcast Weak   Yes",
                    "Sunny    Strong No",
                    "Overcast Strong Yes");

            Node tree = learn(days, List.of("Wind", "Outlook"), PLAY);

            // Wind has gain 0 and Outlook gain 1 bit: Outlook wins although it is listed second.
            assertTree(tree, split("Outlook", "Sunny", leaf("No"), "Overcast", leaf("Yes")));
        }

        @Test
        @Order(4)
        @DisplayName("Deep-ML's eight days → Outlook, then Wind under Sunny and under Rain")
        void deepMlEightDays() {
            Node tree = learn(DEEP_ML, List.of("Outlook", "Wind"), PLAY);

            // Under Sunny, Weak holds one No and one Yes and no attribute is left: the tie goes to the label
            // that comes first among those examples, No.
            assertTree(tree, split("Outlook",
                    "Sunny", split("Wind", "Weak", leaf("No"), "Strong", leaf("No")),
                    "Overcast", leaf("Yes"),
                    "Rain", split("Wind", "Weak", leaf("Yes"), "Strong", leaf("No"))));
        }

        @Test
        @Order(5)
        @DisplayName("a two-way light switch (XOR): no attribute has gain at the root, yet the tree is learned")
        void twoWaySwitch() {
            // Either switch alone tells nothing (gain 0), so ID3 splits on the first listed attribute anyway;
            // below it the other switch separates the labels perfectly.
            List<Map<String, String>> lamp = table("Left Right Lamp",
                    "Up   Up   Off",
                    "Up   Down On",
                    "Down Up   On",
                    "Down Down Off");

            Node tree = learn(lamp, List.of("Left", "Right"), "Lamp");

            assertTree(tree, split("Left",
                    "Up", split("Right", "Up", leaf("Off"), "Down", leaf("On")),
                    "Down", split("Right", "Up", leaf("On"), "Down", leaf("Off"))));
        }

        @Test
        @Order(6)
        @DisplayName("Mitchell's fourteen PlayTennis days → the textbook tree")
        void mitchellTextbookTree() {
            Node tree = learn(MITCHELL, MITCHELL_ATTRIBUTES, PLAY);

            assertTree(tree, TEXTBOOK_TREE);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("on consistent data every training example is classified correctly")
        void fitsConsistentData() {
            properties(200).forAll(tables(true)).checkAssert(t -> {
                Node tree = learn(t.examples(), t.attributes(), t.target());

                for (Map<String, String> example : t.examples()) {
                    assertThat(DecisionTree.classify(tree, example))
                            .as("label of %s under the tree %s", example, render(tree))
                            .isEqualTo(example.get(t.target()));
                }
            });
        }

        @Test
        @DisplayName("no attribute is tested twice on a path from the root")
        void noAttributeRepeatsOnAPath() {
            properties(200).forAll(tables(false)).checkAssert(t ->
                    assertNoRepeatedAttribute(learn(t.examples(), t.attributes(), t.target()),
                            "the learned tree"));
        }

        @Test
        @DisplayName("the depth never exceeds the number of attributes")
        void depthAtMostAttributes() {
            properties(200).forAll(tables(false)).checkAssert(t -> {
                Node tree = learn(t.examples(), t.attributes(), t.target());

                assertThat(depth(tree)).as("depth of %s", render(tree)).isLessThanOrEqualTo(t.attributes().size());
            });
        }

        @Test
        @DisplayName("examples and attributes are left unchanged")
        void inputsUnchanged() {
            properties(100).forAll(tables(false)).checkAssert(t -> {
                List<Map<String, String>> examplesCopy = t.examples().stream().map(HashMap::new)
                        .collect(Collectors.toList());
                List<String> attributesCopy = List.copyOf(t.attributes());

                learn(t.examples(), t.attributes(), t.target());

                assertThat(t.examples()).as("examples after the call").isEqualTo(examplesCopy);
                assertThat(t.attributes()).as("attributes after the call").isEqualTo(attributesCopy);
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        @Test
        @DisplayName("Mitchell's gains: Outlook 0.246, Humidity 0.151, Wind 0.048, Temperature 0.029 at the root")
        void mitchellGains() {
            // The brute-force gain below is this test's own; it reproduces the values printed in the book
            // (section 3.4.2), and the learned tree must be the one those gains select at every node.
            Node tree = learn(MITCHELL, MITCHELL_ATTRIBUTES, PLAY);

            List<Map<String, String>> sunny = MITCHELL.stream().filter(d -> d.get("Outlook").equals("Sunny")).toList();
            assertGain("S", MITCHELL, Map.of("Outlook", 0.246, "Humidity", 0.151, "Wind", 0.048, "Temperature", 0.029));
            assertGain("S_sunny", sunny, Map.of("Humidity", 0.970, "Temperature", 0.570, "Wind", 0.019));

            assertIsId3Tree(tree, MITCHELL, MITCHELL_ATTRIBUTES, PLAY);
        }

        static final DecisionTreeOracle.Case[] SCIPY_CASES = DecisionTreeOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("SCIPY_CASES")
        @DisplayName("matches an ID3 replay whose entropies come from SciPy (scipy.stats.entropy, base 2)")
        void matchesScipyReplay(DecisionTreeOracle.Case c) {
            List<Map<String, String>> examples = table(c.header(), c.rows());
            List<String> attributes = List.of(c.header().replace(" Label", "").split(" "));

            Node tree = learn(examples, attributes, "Label");

            assertThat(canonical(tree)).as("the learned tree (branches sorted by value)").isEqualTo(c.tree());
        }

        @Test
        @DisplayName("every node agrees with an exhaustive computation of every attribute's gain")
        void bruteForceGains() {
            properties(200).forAll(tables(false)).checkAssert(t ->
                    assertIsId3Tree(learn(t.examples(), t.attributes(), t.target()), t.examples(),
                            t.attributes(), t.target()));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("a single example gives a leaf with its label")
        void singleExample() {
            assertTree(learn(table("Outlook PlayTennis", "Rain No"), List.of("Outlook"), PLAY),
                    leaf("No"));
        }

        @Test
        @DisplayName("no attributes: a leaf with the majority label")
        void noAttributes() {
            List<Map<String, String>> days = table("Outlook PlayTennis", "Sunny No", "Rain Yes", "Rain Yes");

            assertTree(learn(days, List.of(), PLAY), leaf("Yes"));
        }

        @Test
        @DisplayName("a tied majority goes to the label that occurs first among the examples")
        void majorityTie() {
            List<Map<String, String>> yesFirst = table("Outlook PlayTennis", "Sunny Yes", "Sunny No");
            List<Map<String, String>> noFirst = table("Outlook PlayTennis", "Sunny No", "Sunny Yes");

            assertThat(learn(yesFirst, List.of(), PLAY))
                    .as("one Yes then one No: the tie goes to the first, Yes").isEqualTo(leaf("Yes"));
            assertThat(learn(noFirst, List.of(), PLAY))
                    .as("one No then one Yes: the tie goes to the first, No").isEqualTo(leaf("No"));
        }

        @Test
        @DisplayName("an attribute with a single value still splits (gain 0), then the majority decides")
        void singleValuedAttribute() {
            List<Map<String, String>> days = table("Outlook PlayTennis", "Sunny No", "Sunny Yes", "Sunny No");

            assertTree(learn(days, List.of("Outlook"), PLAY), split("Outlook", "Sunny", leaf("No")));
        }

        @Test
        @DisplayName("classify rejects a value the tree has no branch for, naming attribute and value")
        void unseenValue() {
            Map<String, String> foggy = row("Outlook", "Foggy", "Humidity", "High", "Wind", "Weak");

            assertRejects(IllegalArgumentException.class, "classify(TEXTBOOK_TREE, foggy)",
                    () -> DecisionTree.classify(TEXTBOOK_TREE, foggy), "Outlook", "Foggy");
        }

        @Test
        @DisplayName("classify rejects an example without a value for a tested attribute")
        void classifyMissingAttribute() {
            Map<String, String> noWind = row("Outlook", "Rain", "Humidity", "High");

            assertRejects(IllegalArgumentException.class, "classify(TEXTBOOK_TREE, noWind)",
                    () -> DecisionTree.classify(TEXTBOOK_TREE, noWind), "Wind");
        }

        @Test
        @DisplayName("null arguments are rejected with a NullPointerException naming them")
        void nulls() {
            assertRejects(NullPointerException.class, "learn(null, List.of(), PLAY)",
                    () -> DecisionTree.learn(null, List.of(), PLAY), "examples");
            assertRejects(NullPointerException.class, "learn(DEEP_ML, null, PLAY)",
                    () -> DecisionTree.learn(DEEP_ML, null, PLAY), "attributes");
            assertRejects(NullPointerException.class, "learn(DEEP_ML, List.of(), null)",
                    () -> DecisionTree.learn(DEEP_ML, List.of(), null), "target");
            assertRejects(NullPointerException.class, "classify(null, Map.of())",
                    () -> DecisionTree.classify(null, Map.of()), "tree");
            assertRejects(NullPointerException.class, "classify(leaf(\"Yes\"), null)",
                    () -> DecisionTree.classify(leaf("Yes"), null), "example");
        }

        @Test
        @DisplayName("no examples is rejected")
        void noExamples() {
            assertRejects(IllegalArgumentException.class, "learn(List.of(), List.of(\"Wind\"), PLAY)",
                    () -> DecisionTree.learn(List.of(), List.of("Wind"), PLAY), "examples");
        }

        @Test
        @DisplayName("a null example or attribute name is rejected with a NullPointerException naming it")
        void nullElements() {
            List<Map<String, String>> nullDay = new ArrayList<>(DEEP_ML);
            nullDay.set(1, null);
            List<String> nullAttribute = new ArrayList<>(List.of("Outlook"));
            nullAttribute.add(null);

            assertRejects(NullPointerException.class,
                    "learn(DEEP_ML with examples[1] = null, List.of(\"Outlook\"), PLAY)",
                    () -> DecisionTree.learn(nullDay, List.of("Outlook"), PLAY), "examples[1]");
            assertRejects(NullPointerException.class, "learn(DEEP_ML, [\"Outlook\", null], PLAY)",
                    () -> DecisionTree.learn(DEEP_ML, nullAttribute, PLAY), "attributes[1]");
        }

        @Test
        @DisplayName("an example without a value for an attribute or the target is rejected, naming both")
        void missingValues() {
            List<Map<String, String>> noWind = List.of(row("Outlook", "Sunny", "Wind", "Weak", PLAY, "No"),
                    row("Outlook", "Rain", PLAY, "Yes"));
            List<Map<String, String>> noLabel = List.of(row("Outlook", "Sunny", "Wind", "Weak", PLAY, "No"),
                    row("Outlook", "Rain", "Wind", "Weak"));

            assertRejects(IllegalArgumentException.class, "learn(noWind, List.of(\"Outlook\", \"Wind\"), PLAY)",
                    () -> DecisionTree.learn(noWind, List.of("Outlook", "Wind"), PLAY), "examples[1]", "Wind");
            assertRejects(IllegalArgumentException.class, "learn(noLabel, List.of(\"Outlook\", \"Wind\"), PLAY)",
                    () -> DecisionTree.learn(noLabel, List.of("Outlook", "Wind"), PLAY), "examples[1]",
                    "PlayTennis");
        }

        @Test
        @DisplayName("a value that is null counts as missing")
        void nullValue() {
            Map<String, String> nullWind = new HashMap<>(row("Outlook", "Rain", PLAY, "Yes"));
            nullWind.put("Wind", null);
            List<Map<String, String>> days = List.of(row("Outlook", "Sunny", "Wind", "Weak", PLAY, "No"), nullWind);

            assertRejects(IllegalArgumentException.class,
                    "learn([..., {Outlook=Rain, PlayTennis=Yes, Wind=null}], List.of(\"Outlook\", \"Wind\"), PLAY)",
                    () -> DecisionTree.learn(days, List.of("Outlook", "Wind"), PLAY), "examples[1]", "Wind");
        }

        @Test
        @DisplayName("attributes must be distinct and must not contain the target, naming the entry and its name")
        void badAttributes() {
            assertRejects(IllegalArgumentException.class,
                    "learn(DEEP_ML, List.of(\"Outlook\", \"Wind\", \"Outlook\"), PLAY)",
                    () -> DecisionTree.learn(DEEP_ML, List.of("Outlook", "Wind", "Outlook"), PLAY),
                    "attributes[2]", "Outlook");
            assertRejects(IllegalArgumentException.class, "learn(DEEP_ML, List.of(\"Outlook\", PLAY), PLAY)",
                    () -> DecisionTree.learn(DEEP_ML, List.of("Outlook", PLAY), PLAY), "attributes[1]",
                    "PlayTennis");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("unweighted child entropies: each branch counts in proportion to its examples")
        void unweightedChildEntropies() {
            // Outlook = Rain isolates a single day in a pure branch; Humidity = Normal isolates two.
            // Weighted: Gain(Humidity) = 0.171 > Gain(Outlook) = 0.073. Summing or averaging the children's
            // entropies without the weights |S_v|/|S| rewards the tiny pure branch and picks Outlook.
            List<Map<String, String>> days = table("Humidity Outlook PlayTennis",
                    "Normal Sunny Yes",
                    "Normal Sunny Yes",
                    "High   Rain  Yes",
                    "High   Sunny No",
                    "High   Sunny Yes");

            Node tree = learn(days, List.of("Outlook", "Humidity"), PLAY);

            assertThat(tree instanceof Split s ? s.attribute() : render(tree))
                    .as("the root must test Humidity (gain 0.171, Outlook 0.073), but the tree is %s: weight each"
                            + " child's entropy by its share of the examples, Gain = H(S) − Σ |S_v|/|S|·H(S_v)",
                            render(tree))
                    .isEqualTo("Humidity");
        }

        @Test
        @DisplayName("tie-breaking by map order: on equal gains the attribute listed first wins")
        void tieBreakingByMapOrder() {
            // Forecast and Outlook hold the same values, so their gains are exactly equal.
            List<Map<String, String>> days = table("Outlook Forecast PlayTennis",
                    "Sunny    Sunny    No",
                    "Overcast Overcast Yes",
                    "Rain     Rain     Yes",
                    "Sunny    Sunny    No");

            for (List<String> attributes : List.of(List.of("Outlook", "Forecast"), List.of("Forecast", "Outlook"))) {
                Node tree = learn(days, attributes, PLAY);

                assertThat(tree instanceof Split s ? s.attribute() : render(tree))
                        .as("with attributes %s and equal gains the root must test %s, but the tree is %s: break"
                                + " ties by the order of the attributes list (keep the first maximum; a HashMap or"
                                + " HashSet of attributes iterates in hash order)", attributes, attributes.get(0),
                                render(tree))
                        .isEqualTo(attributes.get(0));
            }
        }

        @Test
        @DisplayName("splitting on an attribute already used: remove it before recursing")
        void splittingOnUsedAttribute() {
            // Under Outlook = Sunny, Wind = Weak holds a No and a Yes. If Outlook were still available there,
            // its gain would be 0 like every other and, listed first, it would be chosen again: a split with a
            // single branch holding the same examples, forever.
            Node tree = learn(DEEP_ML, List.of("Outlook", "Wind"), PLAY);

            assertNoRepeatedAttribute(tree, "an attribute already tested on the path was tested again; remove"
                    + " the split attribute from the list passed to the recursive calls");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A generated training set: examples over attributes A0…, labels under the target "Label". */
    record Table(List<Map<String, String>> examples, List<String> attributes, String target) {
        @Override
        public String toString() {
            return "attributes " + attributes + ", examples:" + examples.stream()
                    .map(e -> System.lineSeparator() + "  " + e).collect(Collectors.joining());
        }
    }

    /**
     * {@link DecisionTree#learn}, with an explanation when it recurses forever (which the classic mistake of
     * testing an attribute again below itself does).
     */
    private static Node learn(List<Map<String, String>> examples, List<String> attributes, String target) {
        try {
            return DecisionTree.learn(examples, attributes, target);
        } catch (StackOverflowError e) {
            throw new AssertionError("learn recursed until the stack overflowed: an attribute already tested on"
                    + " the path was probably chosen again (its gain there is 0, and splitting on it changes"
                    + " nothing). Remove the split attribute from the list passed to the recursive calls");
        }
    }

    /** Property runs with a bounded shrink (see SHRINK_CYCLES). */
    private static QuickTheory properties(int examples) {
        return qt().withExamples(examples).withShrinkCycles(SHRINK_CYCLES);
    }

    /**
     * Tables of 1–24 examples over 0–4 attributes with 1–3 values each and 1–3 labels. When {@code consistent},
     * examples that agree on every attribute also share a label (the first such example's), so a perfect fit
     * exists.
     */
    private static Gen<Table> tables(boolean consistent) {
        Gen<Integer> rows = integers().between(1, 24);
        Gen<Integer> attributeCounts = integers().between(0, 4);
        Gen<Integer> valueCounts = integers().between(1, 3);
        Gen<Integer> draws = integers().between(0, 2);
        return in -> {
            int m = rows.generate(in);
            List<String> attributes = new ArrayList<>();
            int[] values = new int[attributeCounts.generate(in)];
            for (int a = 0; a < values.length; a++) {
                attributes.add("A" + a);
                values[a] = valueCounts.generate(in);
            }
            int labels = valueCounts.generate(in);
            List<Map<String, String>> examples = new ArrayList<>();
            Map<String, String> labelOfKey = new HashMap<>();
            for (int i = 0; i < m; i++) {
                Map<String, String> example = new LinkedHashMap<>();
                for (int a = 0; a < values.length; a++) {
                    example.put("A" + a, "v" + draws.generate(in) % values[a]);
                }
                String drawn = "c" + draws.generate(in) % labels;
                example.put("Label", consistent ? labelOfKey.computeIfAbsent(example.toString(), k -> drawn) : drawn);
                examples.add(example);
            }
            return new Table(examples, attributes, "Label");
        };
    }

    /**
     * Checks that {@code node} is exactly the ID3 tree for these examples, node by node, by computing the gain
     * of every remaining attribute by brute force: pure examples → that leaf; no attributes → majority leaf
     * (first-occurring on a tie); otherwise a split on the first attribute of maximal gain (within GAIN_TIE)
     * with one branch per value present, each checked recursively.
     */
    private static void assertIsId3Tree(Node node, List<Map<String, String>> examples, List<String> attributes,
                                        String target) {
        assertId3Node(node, examples, attributes, target, "root");
    }

    private static void assertId3Node(Node node, List<Map<String, String>> examples, List<String> attributes,
                                      String target, String path) {
        List<String> labels = examples.stream().map(e -> e.get(target)).toList();
        if (labels.stream().distinct().count() == 1) {
            assertThat(node).as("at %s every example is labelled %s: expected that leaf", path, labels.get(0))
                    .isEqualTo(leaf(labels.get(0)));
            return;
        }
        if (attributes.isEmpty()) {
            assertThat(node).as("at %s no attribute is left and the labels are %s: expected a leaf with the"
                    + " majority (on a tie the label that occurs first)", path, labels)
                    .isEqualTo(leaf(majority(labels)));
            return;
        }
        Map<String, Double> gains = new LinkedHashMap<>();
        for (String attribute : attributes) {
            gains.put(attribute, gain(examples, attribute, target));
        }
        double max = gains.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String best = attributes.stream().filter(a -> gains.get(a) >= max - GAIN_TIE).findFirst().orElseThrow();
        assertThat(node).as("at %s the labels are mixed (%s) and attributes %s remain: expected a split", path,
                labels, attributes).isInstanceOf(Split.class);
        Split split = (Split) node;
        assertThat(split.attribute()).as("the attribute tested at %s; gains there: %s", path, gains).isEqualTo(best);

        Map<String, List<Map<String, String>>> parts = new LinkedHashMap<>();
        for (Map<String, String> example : examples) {
            parts.computeIfAbsent(example.get(best), v -> new ArrayList<>()).add(example);
        }
        assertThat(split.branches().keySet()).as("the branches at %s (one per value of %s present)", path, best)
                .containsExactlyInAnyOrderElementsOf(parts.keySet());
        List<String> remaining = new ArrayList<>(attributes);
        remaining.remove(best);
        parts.forEach((value, part) -> assertId3Node(split.branches().get(value), part, remaining, target,
                path + " → " + best + "=" + value));
    }

    /** Checks this test's own gain against values printed in the book. */
    private static void assertGain(String set, List<Map<String, String>> examples, Map<String, Double> printed) {
        printed.forEach((attribute, value) -> assertThat(gain(examples, attribute, PLAY))
                .as("Gain(%s, %s)", set, attribute).isCloseTo(value, within(THREE_DECIMALS)));
    }

    /** Information gain in bits, H(S) − Σ_v |S_v|/|S|·H(S_v), straight from the definition. */
    private static double gain(List<Map<String, String>> examples, String attribute, String target) {
        Map<String, List<String>> labelsByValue = new LinkedHashMap<>();
        for (Map<String, String> example : examples) {
            labelsByValue.computeIfAbsent(example.get(attribute), v -> new ArrayList<>()).add(example.get(target));
        }
        double remainder = 0;
        for (List<String> labels : labelsByValue.values()) {
            remainder += labels.size() / (double) examples.size() * entropy(labels);
        }
        return entropy(examples.stream().map(e -> e.get(target)).toList()) - remainder;
    }

    private static double entropy(List<String> labels) {
        Map<String, Long> counts = labels.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        double h = 0;
        for (long count : counts.values()) {
            double p = count / (double) labels.size();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** The most frequent label; on a tie the one that occurs first. */
    private static String majority(List<String> labels) {
        String best = null;
        long bestCount = 0;
        for (String label : labels) {
            long count = labels.stream().filter(label::equals).count();
            if (count > bestCount) {
                best = label;
                bestCount = count;
            }
        }
        return best;
    }

    private static void assertNoRepeatedAttribute(Node tree, String what) {
        assertNoRepeat(tree, new ArrayList<>(), tree, what);
    }

    private static void assertNoRepeat(Node node, List<String> path, Node root, String what) {
        if (node instanceof Split split) {
            assertThat(path).as("%s: %s is tested again below %s in %s", what, split.attribute(), path, render(root))
                    .doesNotContain(split.attribute());
            path.add(split.attribute());
            split.branches().values().forEach(child -> assertNoRepeat(child, path, root, what));
            path.remove(path.size() - 1);
        }
    }

    private static int depth(Node node) {
        return node instanceof Split split
                ? 1 + split.branches().values().stream().mapToInt(DecisionTreeTest::depth).max().orElse(0)
                : 0;
    }

    private static void assertTree(Node actual, Node expected) {
        assertThat(actual).withFailMessage("expected the tree%n  %s%nbut learned%n  %s", render(expected),
                render(actual)).isEqualTo(expected);
    }

    /** A tree in one line: Outlook(Sunny→Humidity(High→No, Normal→Yes), Overcast→Yes, …). */
    private static String render(Node node) {
        if (node instanceof Split split) {
            return split.attribute() + split.branches().entrySet().stream()
                    .map(e -> e.getKey() + "→" + render(e.getValue()))
                    .collect(Collectors.joining(", ", "(", ")"));
        }
        return node instanceof Leaf leaf ? leaf.label() : String.valueOf(node);
    }

    /** {@link #render} with every node's branches sorted by value, as the oracle script writes trees. */
    private static String canonical(Node node) {
        if (node instanceof Split split) {
            return split.attribute() + split.branches().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "→" + canonical(e.getValue()))
                    .collect(Collectors.joining(", ", "(", ")"));
        }
        return node instanceof Leaf leaf ? leaf.label() : String.valueOf(node);
    }

    private static Leaf leaf(String label) {
        return new Leaf(label);
    }

    /** split("Wind", "Weak", leaf("Yes"), "Strong", leaf("No")). */
    private static Split split(String attribute, Object... valuesAndNodes) {
        Map<String, Node> branches = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndNodes.length; i += 2) {
            branches.put((String) valuesAndNodes[i], (Node) valuesAndNodes[i + 1]);
        }
        return new Split(attribute, branches);
    }

    private static Map<String, String> row(String... keysAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** Rows of whitespace-separated values under a whitespace-separated header. */
    private static List<Map<String, String>> table(String header, String... rows) {
        String[] keys = header.trim().split("\\s+");
        List<Map<String, String>> table = new ArrayList<>();
        for (String line : rows) {
            String[] values = line.trim().split("\\s+");
            assertThat(values).as("row %s", line).hasSameSizeAs(keys);
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < keys.length; k++) {
                row.put(keys[k], values[k]);
            }
            table.add(row);
        }
        return List.copyOf(table);
    }
}
