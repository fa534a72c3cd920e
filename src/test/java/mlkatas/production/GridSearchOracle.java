// GENERATED FILE, do not edit. Oracle values computed with Python itertools (standard library), scikit-learn 1.2.1, NumPy 1.24.2 (Python 3.11.2).
// Regenerate: /usr/bin/python3 tools/oracles/grid_search.py
package mlkatas.production;

/** Expected values from Python itertools (standard library), scikit-learn 1.2.1, NumPy 1.24.2, frozen by tools/oracles/grid_search.py. */
final class GridSearchOracle {

    private GridSearchOracle() {
    }

    record Case(String name, java.util.Map<String, java.util.List<?>> grid, java.util.List<java.util.List<Object>> combinations,
                double[] scores, int best) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Keys and value lists, alternating, into a map that keeps their order. */
    private static java.util.Map<String, java.util.List<?>> grid(Object... keysAndValues) {
        java.util.Map<String, java.util.List<?>> grid = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            grid.put((String) keysAndValues[i], (java.util.List<?>) keysAndValues[i + 1]);
        }
        return grid;
    }

    static final Case[] CASES = {
        new Case("one key (also scikit-learn ParameterGrid order)",
                grid("k", java.util.List.of(1, 3, 5, 7)),
                java.util.List.of(java.util.List.of(1), java.util.List.of(3), java.util.List.of(5), java.util.List.of(7)),
                new double[] {0.96072, 0.963061, 0.125791, 0.344095}, 1),
        new Case("SVM-like, alphabetical keys (also scikit-learn ParameterGrid order)",
                grid("C", java.util.List.of(0.1, 1.0, 10.0), "gamma", java.util.List.of("auto", "scale")),
                java.util.List.of(java.util.List.of(0.1, "auto"), java.util.List.of(0.1, "scale"), java.util.List.of(1.0, "auto"), java.util.List.of(1.0, "scale"), java.util.List.of(10.0, "auto"), java.util.List.of(10.0, "scale")),
                new double[] {0.574879, 0.744407, 0.79449, 0.418975, 0.740203, 0.663731}, 2),
        new Case("three keys, not alphabetical",
                grid("max_depth", java.util.List.of(2, 4, 8), "criterion", java.util.List.of("gini", "entropy"), "bootstrap", java.util.List.of(true, false)),
                java.util.List.of(java.util.List.of(2, "gini", true), java.util.List.of(2, "gini", false), java.util.List.of(2, "entropy", true), java.util.List.of(2, "entropy", false), java.util.List.of(4, "gini", true), java.util.List.of(4, "gini", false), java.util.List.of(4, "entropy", true), java.util.List.of(4, "entropy", false), java.util.List.of(8, "gini", true), java.util.List.of(8, "gini", false), java.util.List.of(8, "entropy", true), java.util.List.of(8, "entropy", false)),
                new double[] {0.912589, 0.46188, 0.020118, 0.848897, 0.371513, 0.826941, 0.836801, 0.096294, 0.419595, 0.110378, 0.461084, 0.140341}, 0),
        new Case("four keys, mixed types",
                grid("lr", java.util.List.of(0.001, 0.01), "batch", java.util.List.of(16, 32, 64), "opt", java.util.List.of("adam", "sgd"), "dropout", java.util.List.of(0.0, 0.5)),
                java.util.List.of(java.util.List.of(0.001, 16, "adam", 0.0), java.util.List.of(0.001, 16, "adam", 0.5), java.util.List.of(0.001, 16, "sgd", 0.0), java.util.List.of(0.001, 16, "sgd", 0.5), java.util.List.of(0.001, 32, "adam", 0.0), java.util.List.of(0.001, 32, "adam", 0.5), java.util.List.of(0.001, 32, "sgd", 0.0), java.util.List.of(0.001, 32, "sgd", 0.5), java.util.List.of(0.001, 64, "adam", 0.0), java.util.List.of(0.001, 64, "adam", 0.5), java.util.List.of(0.001, 64, "sgd", 0.0), java.util.List.of(0.001, 64, "sgd", 0.5), java.util.List.of(0.01, 16, "adam", 0.0), java.util.List.of(0.01, 16, "adam", 0.5), java.util.List.of(0.01, 16, "sgd", 0.0), java.util.List.of(0.01, 16, "sgd", 0.5), java.util.List.of(0.01, 32, "adam", 0.0), java.util.List.of(0.01, 32, "adam", 0.5), java.util.List.of(0.01, 32, "sgd", 0.0), java.util.List.of(0.01, 32, "sgd", 0.5), java.util.List.of(0.01, 64, "adam", 0.0), java.util.List.of(0.01, 64, "adam", 0.5), java.util.List.of(0.01, 64, "sgd", 0.0), java.util.List.of(0.01, 64, "sgd", 0.5)),
                new double[] {0.873921, 0.278879, 0.635662, 0.23292, 0.654201, 0.069022, 0.746933, 0.18166, 0.283854, 0.538098, 0.538261, 0.555473, 0.74251, 0.363548, 0.465932, 0.009758, 0.222997, 0.393624, 0.838319, 0.227441, 0.099526, 0.7105, 0.739972, 0.601673}, 0),
        new Case("ties everywhere (also scikit-learn ParameterGrid order)",
                grid("a", java.util.List.of(1, 2, 3), "b", java.util.List.of(1, 2)),
                java.util.List.of(java.util.List.of(1, 1), java.util.List.of(1, 2), java.util.List.of(2, 1), java.util.List.of(2, 2), java.util.List.of(3, 1), java.util.List.of(3, 2)),
                new double[] {1.0, 1.0, 2.0, 2.0, 2.0, 2.0}, 2),
        new Case("some NaN scores",
                grid("z", java.util.List.of("x", "y", "w"), "a", java.util.List.of(1, 2, 3)),
                java.util.List.of(java.util.List.of("x", 1), java.util.List.of("x", 2), java.util.List.of("x", 3), java.util.List.of("y", 1), java.util.List.of("y", 2), java.util.List.of("y", 3), java.util.List.of("w", 1), java.util.List.of("w", 2), java.util.List.of("w", 3)),
                new double[] {Double.NaN, 0.083687, 0.555452, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.693956, 0.026671}, 7),
        new Case("infinite scores (also scikit-learn ParameterGrid order)",
                grid("alpha", java.util.List.of(0.5, 1.5), "beta", java.util.List.of(2, 4, 6)),
                java.util.List.of(java.util.List.of(0.5, 2), java.util.List.of(0.5, 4), java.util.List.of(0.5, 6), java.util.List.of(1.5, 2), java.util.List.of(1.5, 4), java.util.List.of(1.5, 6)),
                new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.408417, 0.819703, Double.POSITIVE_INFINITY, 0.817599}, 1),
        new Case("single value per key",
                grid("q", java.util.List.of(9), "p", java.util.List.of("only")),
                java.util.List.of(java.util.List.of(9, "only")),
                new double[] {0.14004}, 0)
    };
}
