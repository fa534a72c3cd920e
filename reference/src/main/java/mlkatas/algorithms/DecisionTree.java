package mlkatas.algorithms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import mlkatas.Checks;

/**
 * Kata 1.5 DecisionTree: learn a classification tree with ID3 (information gain) and classify with it.
 *
 * <p>See katas.md, section "1.5 DecisionTree".
 */
public final class DecisionTree {

    /** Gains that agree within this are tied; the attribute listed first wins the tie. */
    private static final double GAIN_TIE = 1e-12;

    private DecisionTree() {
    }

    /** A node of a learned tree: a {@link Leaf} with a label or a {@link Split} on one attribute. */
    public sealed interface Node permits Leaf, Split {
    }

    /**
     * A leaf: every example that reaches it gets {@code label}.
     *
     * @param label the predicted value of the target, not null
     */
    public record Leaf(String label) implements Node {
        public Leaf {
            Objects.requireNonNull(label, "label must not be null");
        }
    }

    /**
     * An internal node: look up the example's value of {@code attribute} and follow that branch.
     *
     * @param attribute the attribute tested here, not null
     * @param branches  one subtree per attribute value, not empty; kept in the given order, unmodifiable
     */
    public record Split(String attribute, Map<String, Node> branches) implements Node {
        public Split {
            Objects.requireNonNull(attribute, "attribute must not be null");
            Objects.requireNonNull(branches, "branches must not be null");
            if (branches.isEmpty()) {
                throw new IllegalArgumentException("branches must not be empty (split on " + attribute + ")");
            }
            branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        }
    }

    /**
     * Learns a decision tree with ID3.
     *
     * <ul>
     *   <li>If every example has the same value of {@code target}: a {@link Leaf} with that label.</li>
     *   <li>Else, if no attributes are left: a {@link Leaf} with the majority label; on a tie in counts, the
     *       tied label that occurs first among the examples.</li>
     *   <li>Else split on the attribute of highest information gain
     *       <pre>
     *   Gain(S, A) = H(S) − Σ_v |S_v|/|S| · H(S_v),   H(S) = −Σ_c p_c · log₂ p_c
     *       </pre>
     *       where S_v are the examples with A = v. Gains within 1e-12 tie and the attribute that comes first in
     *       {@code attributes} wins. The split happens even when the best gain is 0. It has one branch per value
     *       of A present in S (in order of first occurrence), each learned recursively from S_v with A removed
     *       from the attributes.</li>
     * </ul>
     *
     * @param examples   the training examples, not empty; each maps every attribute and the target to a value
     * @param attributes the attributes that may be tested, in order of preference for ties; distinct, not
     *                   including the target; may be empty
     * @param target     the name of the label to predict
     * @return the root of the learned tree
     * @throws NullPointerException     if an argument, an example or an attribute name is null (the message names
     *                                  it: {@code examples[1]}, {@code attributes[0]})
     * @throws IllegalArgumentException if {@code examples} is empty, an example has no value (or null) for an
     *                                  attribute or the target (the message names the example and the attribute
     *                                  or target: {@code examples[1]}, {@code Wind}), an attribute is listed twice
     *                                  or is the target (the message names the entry and its name:
     *                                  {@code attributes[2]}, {@code Outlook})
     */
    public static Node learn(List<Map<String, String>> examples, List<String> attributes, String target) {
        Checks.notNull(examples, "examples");
        Checks.notNull(attributes, "attributes");
        Checks.notNull(target, "target");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("examples must not be empty: a tree needs at least one example");
        }
        Set<String> seen = new HashSet<>();
        for (int a = 0; a < attributes.size(); a++) {
            String attribute = Checks.notNull(attributes.get(a), "attributes[" + a + "]");
            if (attribute.equals(target)) {
                throw new IllegalArgumentException(
                        "attributes must not contain the target \"" + target + "\", but attributes[" + a + "] is it");
            }
            if (!seen.add(attribute)) {
                throw new IllegalArgumentException("attributes must be distinct, but attributes[" + a + "] = \""
                        + attribute + "\" was already listed");
            }
        }
        for (int i = 0; i < examples.size(); i++) {
            Map<String, String> example = Checks.notNull(examples.get(i), "examples[" + i + "]");
            requireValue(example, target, "examples[" + i + "]", "the target");
            for (String attribute : attributes) {
                requireValue(example, attribute, "examples[" + i + "]", "attribute");
            }
        }
        return id3(examples, List.copyOf(attributes), target);
    }

    /**
     * Classifies {@code example} by following the branches of {@code tree} from the root to a leaf.
     *
     * @param tree    a tree from {@link #learn}
     * @param example maps (at least) every attribute tested on the way to a value
     * @return the label of the leaf reached
     * @throws NullPointerException     if {@code tree} or {@code example} is null
     * @throws IllegalArgumentException if {@code example} has no value for a tested attribute, or a value for
     *                                  which the split has no branch (the message names attribute and value)
     */
    public static String classify(Node tree, Map<String, String> example) {
        Checks.notNull(tree, "tree");
        Checks.notNull(example, "example");
        Node node = tree;
        while (node instanceof Split split) {
            String value = example.get(split.attribute());
            if (value == null) {
                throw new IllegalArgumentException(
                        "example has no value for attribute \"" + split.attribute() + "\", which the tree tests");
            }
            node = split.branches().get(value);
            if (node == null) {
                throw new IllegalArgumentException("no branch for " + split.attribute() + " = \"" + value
                        + "\": the tree only knows " + split.branches().keySet());
            }
        }
        return ((Leaf) node).label();
    }

    private static Node id3(List<Map<String, String>> examples, List<String> attributes, String target) {
        Map<String, Integer> labelCounts = countValues(examples, target);
        if (labelCounts.size() == 1) {
            return new Leaf(labelCounts.keySet().iterator().next());
        }
        if (attributes.isEmpty()) {
            return new Leaf(majority(labelCounts));
        }

        String best = attributes.get(0);
        double bestGain = informationGain(examples, best, target);
        for (String attribute : attributes.subList(1, attributes.size())) {
            double gain = informationGain(examples, attribute, target);
            if (gain > bestGain + GAIN_TIE) {
                best = attribute;
                bestGain = gain;
            }
        }

        List<String> remaining = new ArrayList<>(attributes);
        remaining.remove(best);
        Map<String, Node> branches = new LinkedHashMap<>();
        for (Map.Entry<String, List<Map<String, String>>> part : partition(examples, best).entrySet()) {
            branches.put(part.getKey(), id3(part.getValue(), remaining, target));
        }
        return new Split(best, branches);
    }

    /** H(S) − Σ_v |S_v|/|S| · H(S_v). */
    private static double informationGain(List<Map<String, String>> examples, String attribute, String target) {
        double remainder = 0;
        for (List<Map<String, String>> part : partition(examples, attribute).values()) {
            remainder += (double) part.size() / examples.size() * entropy(countValues(part, target), part.size());
        }
        return entropy(countValues(examples, target), examples.size()) - remainder;
    }

    /** Entropy in bits of a distribution given by counts that sum to {@code total}. */
    private static double entropy(Map<String, Integer> counts, int total) {
        double h = 0;
        for (int count : counts.values()) {
            double p = (double) count / total;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** The examples grouped by their value of {@code attribute}, values in order of first occurrence. */
    private static Map<String, List<Map<String, String>>> partition(List<Map<String, String>> examples,
                                                                    String attribute) {
        Map<String, List<Map<String, String>>> parts = new LinkedHashMap<>();
        for (Map<String, String> example : examples) {
            parts.computeIfAbsent(example.get(attribute), v -> new ArrayList<>()).add(example);
        }
        return parts;
    }

    /** How often each value of {@code key} occurs, values in order of first occurrence. */
    private static Map<String, Integer> countValues(List<Map<String, String>> examples, String key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, String> example : examples) {
            counts.merge(example.get(key), 1, Integer::sum);
        }
        return counts;
    }

    /** The most frequent value; on a tie the one that occurred first (counts keep first-occurrence order). */
    private static String majority(Map<String, Integer> counts) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    private static void requireValue(Map<String, String> example, String key, String name, String what) {
        if (example.get(key) == null) {
            throw new IllegalArgumentException(name + " has no value for " + what + " \"" + key + "\": " + example);
        }
    }
}
