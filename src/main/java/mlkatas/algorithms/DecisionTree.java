package mlkatas.algorithms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kata 1.5 DecisionTree: learn a classification tree with ID3 (information gain) and classify with it.
 *
 * <p>See katas.md, section "1.5 DecisionTree".
 */
public final class DecisionTree {

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
        throw new UnsupportedOperationException(
                "Kata 1.5 DecisionTree: implement learn(...), see katas.md#15-decisiontree");
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
        throw new UnsupportedOperationException(
                "Kata 1.5 DecisionTree: implement classify(...), see katas.md#15-decisiontree");
    }
}
