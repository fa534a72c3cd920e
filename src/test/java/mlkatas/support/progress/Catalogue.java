package mlkatas.support.progress;

import java.util.List;
import java.util.Optional;

/** The 41 katas in catalogue order, and the nine categories they belong to (as in katas.md). */
public final class Catalogue {

    /** One kata: its number ("5.1"), class name, package, Deep-ML problem number and level. */
    public record Kata(String number, String name, String packageName, int deepMl, String level) {

        /** The category number: the part of {@link #number} before the dot. */
        public int category() {
            return Integer.parseInt(number.substring(0, number.indexOf('.')));
        }

        /** The katas.md anchor of this kata's section, e.g. {@code katas.md#51-adam}. */
        public String anchor() {
            return "katas.md#" + number.replace(".", "") + "-" + name.toLowerCase(java.util.Locale.ROOT);
        }

        /** "5.1 Adam". */
        public String title() {
            return number + " " + name;
        }
    }

    public static final List<String> CATEGORIES = List.of(
            "Core ML Algorithms", "Loss & Regularization", "Model Evaluation", "Neural Networks", "Optimizers",
            "CNNs", "Sequences", "Transformers", "Production & MLOps");

    public static final List<Kata> KATAS = List.of(
            new Kata("1.1", "LinearRegression", "mlkatas.algorithms", 15, "Easy"),
            new Kata("1.2", "LogisticRegression", "mlkatas.algorithms", 106, "Medium"),
            new Kata("1.3", "KMeans", "mlkatas.algorithms", 17, "Medium"),
            new Kata("1.4", "Pca", "mlkatas.algorithms", 19, "Medium"),
            new Kata("1.5", "DecisionTree", "mlkatas.algorithms", 20, "Medium"),
            new Kata("2.1", "GradientDescent", "mlkatas.loss", 47, "Medium"),
            new Kata("2.2", "CrossEntropy", "mlkatas.loss", 134, "Easy"),
            new Kata("2.3", "RidgeRegression", "mlkatas.loss", 43, "Easy"),
            new Kata("2.4", "LassoRegression", "mlkatas.loss", 50, "Medium"),
            new Kata("3.1", "KFold", "mlkatas.evaluation", 18, "Medium"),
            new Kata("3.2", "ConfusionMatrix", "mlkatas.evaluation", 75, "Easy"),
            new Kata("3.3", "Precision", "mlkatas.evaluation", 46, "Easy"),
            new Kata("3.4", "Recall", "mlkatas.evaluation", 52, "Easy"),
            new Kata("3.5", "FScore", "mlkatas.evaluation", 61, "Easy"),
            new Kata("3.6", "RocAuc", "mlkatas.evaluation", 277, "Medium"),
            new Kata("4.1", "SingleNeuron", "mlkatas.nn", 25, "Easy"),
            new Kata("4.2", "DenseLayer", "mlkatas.nn", 40, "Medium"),
            new Kata("4.3", "BatchNorm", "mlkatas.nn", 115, "Medium"),
            new Kata("4.4", "Dropout", "mlkatas.nn", 151, "Easy"),
            new Kata("4.5", "Relu", "mlkatas.nn", 42, "Easy"),
            new Kata("4.6", "Softmax", "mlkatas.nn", 23, "Easy"),
            new Kata("5.1", "Adam", "mlkatas.optim", 49, "Medium"),
            new Kata("5.2", "Momentum", "mlkatas.optim", 146, "Easy"),
            new Kata("5.3", "GradientClipping", "mlkatas.optim", 197, "Easy"),
            new Kata("6.1", "Conv2d", "mlkatas.cnn", 41, "Medium"),
            new Kata("6.2", "GlobalAveragePooling", "mlkatas.cnn", 114, "Easy"),
            new Kata("7.1", "Lstm", "mlkatas.sequence", 59, "Hard"),
            new Kata("7.2", "GruCell", "mlkatas.sequence", 287, "Medium"),
            new Kata("8.1", "SelfAttention", "mlkatas.transformer", 53, "Medium"),
            new Kata("8.2", "MultiHeadAttention", "mlkatas.transformer", 94, "Hard"),
            new Kata("8.3", "PositionalEncoding", "mlkatas.transformer", 85, "Easy"),
            new Kata("9.1", "StratifiedSplit", "mlkatas.production", 275, "Easy"),
            new Kata("9.2", "GridSearch", "mlkatas.production", 288, "Medium"),
            new Kata("9.3", "EarlyStopping", "mlkatas.production", 135, "Easy"),
            new Kata("9.4", "PopulationStabilityIndex", "mlkatas.production", 253, "Medium"),
            new Kata("9.5", "AbTest", "mlkatas.production", 269, "Medium"),
            new Kata("9.6", "LatencyPercentiles", "mlkatas.production", 293, "Easy"),
            new Kata("9.7", "Int8Quantization", "mlkatas.production", 294, "Medium"),
            new Kata("9.8", "PredictionMonitor", "mlkatas.production", 295, "Medium"),
            new Kata("9.9", "StatisticalPower", "mlkatas.production", 296, "Medium"),
            new Kata("9.10", "RequestBatcher", "mlkatas.production", 297, "Medium"));

    private Catalogue() {
    }

    /** The kata whose class has this simple name, if any. */
    public static Optional<Kata> byName(String name) {
        return KATAS.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The name of category {@code number} (1-based). */
    public static String categoryName(int number) {
        return CATEGORIES.get(number - 1);
    }
}
