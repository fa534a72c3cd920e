package mlkatas.production;

import mlkatas.Checks;

/**
 * Kata 9.4 PopulationStabilityIndex: how far has a feature's distribution drifted in production?
 *
 * <p>See katas.md, section "9.4 PopulationStabilityIndex".
 */
public final class PopulationStabilityIndex {

    /** Proportion used instead of 0 in an empty bin, so the logarithm stays finite. */
    static final double EMPTY_BIN_PROPORTION = 1e-4;

    private PopulationStabilityIndex() {
    }

    /** The usual reading of a PSI value. */
    public enum DriftLevel {
        /** PSI &lt; 0.1: no meaningful change. */
        NONE,
        /** 0.1 ≤ PSI &lt; 0.25: some drift, worth watching. */
        MODERATE,
        /** PSI ≥ 0.25: the population has changed; act. */
        SIGNIFICANT
    }

    /**
     * A PSI value and its reading.
     *
     * @param psi   Σ (prod − ref)·ln(prod/ref), ≥ 0
     * @param level NONE below 0.1, MODERATE below 0.25, SIGNIFICANT from 0.25
     */
    public record Result(double psi, DriftLevel level) {
    }

    /**
     * Computes the population stability index of {@code production} against {@code reference}.
     *
     * <p>Bins come from the reference alone: {@code bins} equal-width bins over [min, max] of the reference,
     * with inner edges e_i = min + i·(max − min)/bins for i = 1 … bins − 1. A value belongs to the bin whose
     * [lo, hi) contains it (a value on an inner edge goes to the upper bin); the first and last bins are
     * open-ended, so production values below min or above max still count. Per bin, the proportions
     * ref_b and prod_b of each sample; a proportion of 0 is replaced by 1e-4 (no renormalising). Then
     * <pre>
     *   PSI = Σ_b (prod_b − ref_b) · ln(prod_b / ref_b)
     * </pre>
     *
     * @param reference  the baseline sample (e.g. training data), finite, not constant
     * @param production the new sample, finite, at least one value
     * @param bins       number of bins, ≥ 1
     * @return the PSI and its drift level
     * @throws NullPointerException     if {@code reference} or {@code production} is null
     * @throws IllegalArgumentException if either sample is empty or holds NaN or ±∞, {@code bins} &lt; 1, or the
     *                                  reference is constant
     */
    public static Result psi(double[] reference, double[] production, int bins) {
        Checks.vector(reference, "reference");
        Checks.vector(production, "production");
        Checks.finite(reference, "reference");
        Checks.finite(production, "production");
        Checks.atLeast(bins, 1, "bins");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : reference) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            throw new IllegalArgumentException("reference must not be constant: every value is " + min);
        }

        double width = (max - min) / bins;
        double[] innerEdges = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            innerEdges[i - 1] = min + i * width;
        }
        double[] ref = proportions(reference, innerEdges);
        double[] prod = proportions(production, innerEdges);

        double psi = 0;
        for (int b = 0; b < bins; b++) {
            psi += (prod[b] - ref[b]) * Math.log(prod[b] / ref[b]);
        }
        return new Result(psi, level(psi));
    }

    /** Share of the values in each bin, with empty bins set to {@link #EMPTY_BIN_PROPORTION}. */
    private static double[] proportions(double[] values, double[] innerEdges) {
        double[] counts = new double[innerEdges.length + 1];
        for (double v : values) {
            counts[binOf(v, innerEdges)]++;
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] = counts[b] == 0 ? EMPTY_BIN_PROPORTION : counts[b] / values.length;
        }
        return counts;
    }

    /** The number of inner edges ≤ v: values on an edge go up, values outside [min, max] to an end bin. */
    private static int binOf(double v, double[] innerEdges) {
        int bin = 0;
        while (bin < innerEdges.length && innerEdges[bin] <= v) {
            bin++;
        }
        return bin;
    }

    private static DriftLevel level(double psi) {
        if (psi < 0.1) {
            return DriftLevel.NONE;
        }
        return psi < 0.25 ? DriftLevel.MODERATE : DriftLevel.SIGNIFICANT;
    }
}
