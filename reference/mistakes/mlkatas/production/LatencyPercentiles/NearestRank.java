// Mistake: picks the sample at the nearest rank ⌈p/100·n⌉ instead of interpolating between ranks
// Caught by: nearestRank
package mlkatas.production;

import java.util.Arrays;
import mlkatas.Checks;

/**
 * Kata 9.6 LatencyPercentiles: p50, p95 and p99 of request latencies, the way a dashboard reports them.
 *
 * <p>See katas.md, section "9.6 LatencyPercentiles".
 */
public final class LatencyPercentiles {

    private LatencyPercentiles() {
    }

    /** The three percentiles every serving dashboard shows. */
    public record Summary(double p50, double p95, double p99) {
    }

    /**
     * The p-th percentile by linear interpolation between closest ranks (NumPy's default, Hyndman–Fan
     * type 7).
     *
     * <p>Sort a copy of the values ascending (v₀ ≤ … ≤ vₙ₋₁), then
     * <pre>
     *   rank = p/100 · (n − 1),   lo = ⌊rank⌋,   hi = ⌈rank⌉
     *   percentile = v_lo + (rank − lo) · (v_hi − v_lo)
     * </pre>
     * so p = 0 gives the minimum, p = 100 the maximum, and a single value is every percentile.
     *
     * @param values latencies, at least one, each finite and ≥ 0; not modified
     * @param p      the percentile, in [0, 100]
     * @return the interpolated percentile
     * @throws NullPointerException     if {@code values} is null
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN, an infinity or a negative value,
     *                                  or {@code p} is not in [0, 100]
     */
    public static double percentile(double[] values, double p) {
        checkLatencies(values, "values");
        checkPercent(p);
        return interpolate(sortedCopy(values), p);
    }

    /**
     * p50, p95 and p99 of the latencies, each as {@link #percentile(double[], double)} defines it.
     *
     * @param latencies latencies, at least one, each finite and ≥ 0; not modified
     * @return the three percentiles
     * @throws NullPointerException     if {@code latencies} is null
     * @throws IllegalArgumentException if {@code latencies} is empty or holds NaN, an infinity or a negative value
     */
    public static Summary summarize(double[] latencies) {
        checkLatencies(latencies, "latencies");
        double[] sorted = sortedCopy(latencies);
        return new Summary(interpolate(sorted, 50), interpolate(sorted, 95), interpolate(sorted, 99));
    }

    private static double[] sortedCopy(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Type-7 interpolation on already sorted values. */
    private static double interpolate(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank - 1, 0)];
    }

    private static void checkLatencies(double[] values, String name) {
        Checks.vector(values, name);
        Checks.finite(values, name);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(name + " must be latencies >= 0, but " + name + "[" + i
                        + "] is " + values[i]);
            }
        }
    }

    private static void checkPercent(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be a percentile in [0, 100], was " + p);
        }
    }
}
