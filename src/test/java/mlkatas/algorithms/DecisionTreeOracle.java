// GENERATED FILE, do not edit. Oracle values computed with SciPy 1.10.1, NumPy 1.24.2 (Python 3.11.2).
// Regenerate: /usr/bin/python3 tools/oracles/decision_tree.py
package mlkatas.algorithms;

/** Expected values from SciPy 1.10.1, NumPy 1.24.2, frozen by tools/oracles/decision_tree.py. */
final class DecisionTreeOracle {

    private DecisionTreeOracle() {
    }

    /** A table (header and whitespace-separated rows; the target is Label) and its ID3 tree. */
    record Case(String name, String header, String[] rows, String tree) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Case[] CASES = {
        new Case("23 rows, 5 attributes, 3 labels", "A0 A1 A2 A3 A4 Label",
                new String[] {"v1 v1 v2 v0 v1 c2", "v1 v0 v2 v0 v0 c2", "v0 v1 v0 v1 v0 c1", "v2 v1 v2 v0 v1 c2", "v1 v0 v1 v0 v0 c1", "v2 v1 v2 v0 v0 c2", "v0 v0 v1 v1 v0 c2", "v3 v1 v2 v0 v1 c1", "v1 v0 v0 v1 v0 c0", "v0 v1 v2 v0 v0 c0", "v3 v0 v1 v0 v0 c0", "v0 v0 v2 v0 v1 c1", "v0 v0 v0 v0 v1 c2", "v1 v0 v2 v1 v1 c1", "v2 v0 v2 v1 v1 c1", "v0 v1 v2 v1 v0 c2", "v2 v1 v1 v0 v0 c2", "v0 v0 v1 v1 v1 c2", "v3 v0 v0 v1 v1 c2", "v0 v1 v1 v0 v0 c0", "v2 v0 v1 v0 v0 c0", "v0 v1 v0 v0 v1 c1", "v2 v1 v2 v0 v0 c0"},
                "A4(v0→A2(v0→A0(v0→c1, v1→c0), v1→A0(v0→A1(v0→c2, v1→c0), v1→c1, v2→A1(v0→c0, v1→c2), v3→c0), v2→A0(v0→A3(v0→c0, v1→c2), v1→c2, v2→A1(v1→A3(v0→c2)))), v1→A2(v0→A1(v0→c2, v1→c1), v1→c2, v2→A1(v0→c1, v1→A0(v1→c2, v2→c2, v3→c1))))"),
        new Case("16 rows, 4 attributes, 3 labels", "A0 A1 A2 A3 Label",
                new String[] {"v0 v2 v0 v0 c1", "v1 v0 v0 v1 c1", "v1 v2 v0 v0 c1", "v0 v1 v1 v0 c1", "v1 v0 v0 v1 c2", "v0 v2 v1 v1 c1", "v1 v2 v1 v1 c2", "v0 v2 v1 v0 c2", "v0 v2 v1 v1 c1", "v1 v0 v0 v1 c2", "v1 v0 v0 v1 c0", "v1 v1 v1 v0 c0", "v1 v2 v1 v1 c0", "v1 v0 v1 v1 c1", "v1 v2 v1 v0 c2", "v0 v1 v0 v0 c1"},
                "A0(v0→A1(v1→c1, v2→A3(v0→A2(v0→c1, v1→c2), v1→c1)), v1→A1(v0→A2(v0→A3(v1→c2), v1→c1), v1→c0, v2→A2(v0→c1, v1→A3(v0→c2, v1→c2))))"),
        new Case("27 rows, 3 attributes, 3 labels", "A0 A1 A2 Label",
                new String[] {"v1 v0 v2 c1", "v1 v0 v0 c0", "v1 v1 v3 c0", "v1 v2 v2 c1", "v0 v1 v3 c2", "v0 v2 v3 c1", "v0 v2 v2 c1", "v0 v0 v3 c0", "v0 v1 v3 c0", "v1 v2 v3 c2", "v1 v1 v0 c1", "v0 v0 v1 c2", "v0 v2 v3 c0", "v0 v2 v2 c1", "v0 v2 v2 c1", "v0 v0 v1 c2", "v1 v1 v1 c2", "v1 v1 v2 c2", "v0 v1 v1 c0", "v0 v1 v2 c0", "v0 v1 v3 c2", "v0 v1 v2 c1", "v0 v2 v2 c0", "v0 v1 v3 c2", "v0 v2 v3 c1", "v0 v0 v1 c0", "v1 v2 v2 c2"},
                "A2(v0→A1(v0→c0, v1→c1), v1→A0(v0→A1(v0→c2, v1→c0), v1→c2), v2→A0(v0→A1(v1→c0, v2→c1), v1→A1(v0→c1, v1→c2, v2→c1)), v3→A1(v0→c0, v1→A0(v0→c2, v1→c0), v2→A0(v0→c1, v1→c2)))"),
        new Case("21 rows, 5 attributes, 2 labels", "A0 A1 A2 A3 A4 Label",
                new String[] {"v1 v1 v1 v0 v1 c1", "v1 v0 v0 v2 v0 c1", "v0 v0 v1 v0 v0 c0", "v0 v2 v1 v1 v1 c0", "v0 v1 v1 v1 v2 c0", "v1 v1 v1 v1 v1 c1", "v1 v0 v1 v2 v0 c1", "v1 v0 v0 v1 v2 c1", "v1 v2 v1 v1 v1 c1", "v1 v2 v1 v1 v0 c0", "v1 v2 v1 v1 v1 c1", "v1 v0 v0 v0 v2 c0", "v1 v0 v1 v0 v0 c0", "v0 v2 v0 v0 v2 c1", "v1 v1 v0 v1 v2 c0", "v1 v0 v1 v0 v1 c0", "v0 v2 v1 v0 v2 c0", "v0 v0 v1 v1 v0 c1", "v0 v0 v1 v2 v1 c0", "v1 v2 v1 v2 v2 c1", "v0 v0 v0 v1 v0 c0"},
                "A0(v0→A4(v0→A2(v0→c0, v1→A3(v0→c0, v1→c1)), v1→c0, v2→A2(v0→c1, v1→c0)), v1→A3(v0→A1(v0→c0, v1→c1), v1→A4(v0→c0, v1→c1, v2→A1(v0→c1, v1→c0)), v2→c1))"),
        new Case("12 rows, 4 attributes, 3 labels", "A0 A1 A2 A3 Label",
                new String[] {"v2 v2 v1 v1 c1", "v2 v2 v3 v2 c2", "v3 v0 v1 v3 c1", "v0 v1 v1 v2 c2", "v2 v1 v2 v3 c1", "v1 v0 v1 v1 c2", "v2 v0 v0 v1 c0", "v2 v2 v0 v2 c1", "v0 v1 v1 v0 c1", "v2 v0 v2 v3 c2", "v0 v2 v0 v2 c1", "v1 v1 v1 v1 c0"},
                "A3(v0→c1, v1→A1(v0→A0(v1→c2, v2→c0), v1→c0, v2→c1), v2→A2(v0→c1, v1→c2, v3→c2), v3→A0(v2→A1(v0→c2, v1→c1), v3→c1))"),
        new Case("13 rows, 3 attributes, 2 labels", "A0 A1 A2 Label",
                new String[] {"v2 v2 v1 c0", "v2 v3 v1 c0", "v2 v1 v1 c0", "v3 v2 v0 c1", "v0 v0 v1 c0", "v0 v2 v0 c1", "v3 v2 v0 c1", "v1 v0 v0 c0", "v3 v3 v0 c0", "v1 v0 v0 c1", "v2 v1 v1 c1", "v0 v2 v0 c0", "v2 v2 v0 c1"},
                "A1(v0→A0(v0→c0, v1→A2(v0→c0)), v1→A0(v2→A2(v1→c0)), v2→A2(v0→A0(v0→c1, v2→c1, v3→c1), v1→c0), v3→c0)"),
        new Case("14 rows, 5 attributes, 2 labels", "A0 A1 A2 A3 A4 Label",
                new String[] {"v1 v1 v2 v1 v2 c1", "v3 v0 v3 v1 v2 c0", "v2 v0 v2 v1 v0 c0", "v1 v0 v0 v1 v2 c0", "v0 v0 v2 v0 v2 c0", "v2 v1 v1 v0 v0 c1", "v1 v1 v2 v0 v1 c0", "v0 v2 v2 v1 v2 c1", "v0 v0 v0 v1 v0 c1", "v2 v0 v3 v0 v2 c0", "v2 v0 v1 v1 v2 c1", "v0 v0 v1 v1 v0 c1", "v0 v1 v1 v1 v2 c1", "v0 v1 v0 v0 v0 c1"},
                "A2(v0→A0(v0→c1, v1→c0), v1→c1, v2→A1(v0→c0, v1→A3(v0→c0, v1→c1), v2→c1), v3→c0)"),
        new Case("20 rows, 4 attributes, 2 labels", "A0 A1 A2 A3 Label",
                new String[] {"v1 v1 v0 v2 c1", "v1 v0 v1 v0 c1", "v0 v1 v1 v1 c0", "v1 v1 v0 v0 c1", "v0 v1 v0 v0 c0", "v0 v0 v1 v0 c0", "v1 v0 v1 v2 c0", "v0 v1 v0 v2 c1", "v1 v1 v1 v0 c1", "v1 v1 v0 v1 c1", "v1 v0 v1 v0 c1", "v0 v1 v1 v2 c1", "v0 v0 v0 v2 c1", "v1 v1 v1 v1 c1", "v0 v1 v1 v0 c0", "v0 v0 v1 v0 c0", "v0 v0 v1 v1 c0", "v1 v0 v0 v2 c0", "v0 v0 v0 v2 c1", "v1 v0 v1 v0 c0"},
                "A2(v0→A3(v0→A0(v0→c0, v1→c1), v1→c1, v2→A0(v0→c1, v1→A1(v0→c0, v1→c1))), v1→A0(v0→A3(v0→c0, v1→c0, v2→c1), v1→A3(v0→A1(v0→c1, v1→c1), v1→c1, v2→c0)))"),
        new Case("16 rows, 2 attributes, 2 labels", "A0 A1 Label",
                new String[] {"v1 v1 c1", "v2 v1 c1", "v2 v0 c0", "v0 v2 c1", "v0 v1 c1", "v2 v1 c1", "v2 v1 c0", "v0 v1 c1", "v2 v0 c1", "v0 v0 c0", "v0 v1 c0", "v0 v1 c0", "v2 v0 c0", "v2 v1 c1", "v0 v2 c1", "v2 v0 c0"},
                "A1(v0→A0(v0→c0, v2→c0), v1→A0(v0→c1, v1→c1, v2→c1), v2→c1)"),
        new Case("28 rows, 5 attributes, 3 labels", "A0 A1 A2 A3 A4 Label",
                new String[] {"v3 v1 v0 v3 v0 c0", "v0 v1 v0 v0 v0 c2", "v2 v1 v0 v2 v0 c0", "v0 v1 v1 v0 v1 c1", "v2 v0 v2 v0 v2 c1", "v2 v1 v2 v0 v2 c2", "v3 v1 v1 v2 v1 c0", "v1 v1 v0 v1 v2 c1", "v1 v1 v2 v2 v0 c0", "v1 v0 v1 v1 v1 c0", "v3 v1 v0 v0 v1 c1", "v0 v1 v0 v0 v0 c1", "v3 v0 v0 v3 v0 c1", "v3 v0 v1 v2 v0 c0", "v2 v1 v0 v2 v1 c0", "v0 v1 v1 v2 v0 c2", "v3 v1 v1 v3 v1 c2", "v2 v1 v1 v3 v0 c2", "v0 v1 v2 v2 v1 c2", "v0 v0 v0 v3 v1 c2", "v1 v1 v1 v0 v2 c1", "v2 v0 v1 v2 v1 c2", "v0 v1 v0 v0 v2 c1", "v1 v0 v0 v3 v1 c2", "v0 v1 v0 v3 v0 c0", "v0 v0 v2 v0 v0 c1", "v3 v0 v1 v1 v2 c2", "v1 v1 v1 v3 v2 c0"},
                "A3(v0→A0(v0→A2(v0→A4(v0→A1(v1→c2), v2→c1), v1→c1, v2→c1), v1→c1, v2→A1(v0→c1, v1→c2), v3→c1), v1→A0(v1→A1(v0→c0, v1→c1), v3→c2), v2→A0(v0→c2, v1→c0, v2→A1(v0→c2, v1→c0), v3→c0), v3→A4(v0→A0(v0→c0, v2→c2, v3→A1(v0→c1, v1→c0)), v1→c2, v2→c0))")
    };
}
