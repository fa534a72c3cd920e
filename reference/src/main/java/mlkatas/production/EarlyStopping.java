package mlkatas.production;

import mlkatas.Checks;

/**
 * Kata 9.3 EarlyStopping: stop training once the validation loss stops improving.
 *
 * <p>See katas.md, section "9.3 EarlyStopping".
 *
 * <p>The rule, for epochs 0, 1, 2, …: the first epoch sets the best loss; after that an epoch
 * <em>improves</em> when {@code loss < best − minDelta} (strictly), which makes it the new best and resets
 * the count of epochs without improvement; any other epoch adds one to that count. Training stops at the
 * epoch where the count reaches {@code patience}.
 */
public final class EarlyStopping {

    /**
     * What {@link #decide} concludes for a whole loss curve.
     *
     * @param stopEpoch the 0-based epoch at which training stops, or the last epoch if it never stops
     * @param bestEpoch the 0-based epoch with the best loss seen up to {@code stopEpoch}
     */
    public record Decision(int stopEpoch, int bestEpoch) {
    }

    private final int patience;
    private final double minDelta;
    private double bestLoss;
    private int bestEpoch = -1;
    private int epoch = -1;
    private int epochsWithoutImprovement;
    private boolean stopped;

    /**
     * Creates a stopper that has seen no epoch yet.
     *
     * @param patience how many epochs in a row without improvement stop training, ≥ 1
     * @param minDelta how much lower than the best a loss must be to count as an improvement, finite and ≥ 0
     * @throws IllegalArgumentException if {@code patience} &lt; 1, or unless {@code minDelta} is finite and ≥ 0
     */
    public EarlyStopping(int patience, double minDelta) {
        this.patience = Checks.atLeast(patience, 1, "patience");
        this.minDelta = Checks.nonNegative(minDelta, "minDelta");
    }

    /**
     * Records the validation loss of the next epoch.
     *
     * <p>Once this has returned true it keeps returning true and ignores further losses.
     *
     * @param validationLoss the epoch's validation loss (±∞ allowed, NaN not)
     * @return true once training should stop
     * @throws IllegalArgumentException if {@code validationLoss} is NaN
     */
    public boolean update(double validationLoss) {
        if (Double.isNaN(validationLoss)) {
            throw new IllegalArgumentException("validationLoss must not be NaN");
        }
        if (stopped) {
            return true;
        }
        epoch++;
        if (bestEpoch < 0 || validationLoss < bestLoss - minDelta) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        stopped = epochsWithoutImprovement >= patience;
        return stopped;
    }

    /**
     * The 0-based epoch of the best loss so far, −1 before the first {@link #update}.
     *
     * @return the best epoch
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * Replays a whole loss curve through the rule.
     *
     * @param validationLosses one validation loss per epoch, at least one, none NaN
     * @param patience         ≥ 1
     * @param minDelta         finite and ≥ 0
     * @return the stop epoch (the last epoch if training never stops) and the best epoch, both 0-based
     * @throws NullPointerException     if {@code validationLosses} is null
     * @throws IllegalArgumentException if {@code validationLosses} is empty or holds NaN anywhere, also after the
     *                                  stopping epoch (naming {@code validationLosses[i]}), {@code patience} &lt; 1,
     *                                  or unless {@code minDelta} is finite and ≥ 0
     */
    public static Decision decide(double[] validationLosses, int patience, double minDelta) {
        Checks.vector(validationLosses, "validationLosses");
        // Every loss is checked, also those after the epoch where training stops.
        for (int epoch = 0; epoch < validationLosses.length; epoch++) {
            if (Double.isNaN(validationLosses[epoch])) {
                throw new IllegalArgumentException(
                        "validationLosses must not contain NaN, but validationLosses[" + epoch + "] is NaN");
            }
        }
        EarlyStopping stopper = new EarlyStopping(patience, minDelta);
        for (int epoch = 0; epoch < validationLosses.length; epoch++) {
            if (stopper.update(validationLosses[epoch])) {
                return new Decision(epoch, stopper.bestEpoch());
            }
        }
        return new Decision(validationLosses.length - 1, stopper.bestEpoch());
    }
}
