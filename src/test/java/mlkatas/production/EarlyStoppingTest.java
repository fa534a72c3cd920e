package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import mlkatas.production.EarlyStopping.Decision;
import mlkatas.support.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("9.3 EarlyStopping: stop training once the validation loss stops improving")
class EarlyStoppingTest {

    private static final double[] DEEP_ML = {0.9, 0.8, 0.75, 0.77, 0.76, 0.77, 0.78};

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("[0.5, 0.4], patience 3 → never stops: (stop 1, best 1)")
        void shortCurve() {
            assertThat(EarlyStopping.decide(new double[] {0.5, 0.4}, 3, 0.01)).isEqualTo(new Decision(1, 1));
        }

        @Test
        @Order(2)
        @DisplayName("[0.9, 0.8, 0.75, 0.77, 0.76, 0.77, 0.78], patience 2, minDelta 0.01 → (4, 2)")
        void deepMlCurve() {
            // Best 0.75 at epoch 2; epochs 3 and 4 do not improve, so the count reaches 2 at epoch 4.
            assertThat(EarlyStopping.decide(DEEP_ML, 2, 0.01)).isEqualTo(new Decision(4, 2));
        }

        @Test
        @Order(3)
        @DisplayName("[0.9, 0.8, 0.7, 0.6, 0.5], patience 2 → every epoch improves: (4, 4)")
        void alwaysImproving() {
            assertThat(EarlyStopping.decide(new double[] {0.9, 0.8, 0.7, 0.6, 0.5}, 2, 0.01))
                    .isEqualTo(new Decision(4, 4));
        }

        @Test
        @Order(4)
        @DisplayName("[0.9, 0.8, 0.79, 0.78, 0.77], patience 2, minDelta 0.1 → gains are measured from the best: (4, 2)")
        void largeMinDelta() {
            // 0.8 is not < 0.9 − 0.1 = 0.8 (count 1), but 0.79 is: the best is still 0.9, so the gain is measured
            // from there, not from the previous epoch. Then 0.78 and 0.77 are not < 0.79 − 0.1 → stop at 4.
            assertThat(EarlyStopping.decide(new double[] {0.9, 0.8, 0.79, 0.78, 0.77}, 2, 0.1))
                    .isEqualTo(new Decision(4, 2));
        }

        @Test
        @Order(5)
        @DisplayName("[0.5, 0.4, 0.4, 0.4, 0.4], patience 2 → a flat loss is no improvement: (3, 1)")
        void flatLoss() {
            assertThat(EarlyStopping.decide(new double[] {0.5, 0.4, 0.4, 0.4, 0.4}, 2, 0.01))
                    .isEqualTo(new Decision(3, 1));
        }

        @Test
        @Order(6)
        @DisplayName("update(...) one epoch at a time: false, false, false, false, true for the Deep-ML curve")
        void streaming() {
            EarlyStopping stopper = new EarlyStopping(2, 0.01);

            assertThat(stopper.bestEpoch()).as("best epoch before any update").isEqualTo(-1);
            for (int epoch = 0; epoch < 4; epoch++) {
                assertThat(stopper.update(DEEP_ML[epoch])).as("update at epoch %d", epoch).isFalse();
            }
            assertThat(stopper.update(DEEP_ML[4])).as("update at epoch 4").isTrue();
            assertThat(stopper.bestEpoch()).isEqualTo(2);
            assertThat(stopper.update(0.1)).as("update after stopping").isTrue();
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("stopEpoch − bestEpoch ≤ patience, and = patience when training stops early")
        void stopWithinPatience() {
            qt().forAll(Gens.vectors(1, 40, 0, 2), integers().between(1, 6), Gens.values(0, 0.2))
                    .checkAssert((losses, patience, minDelta) -> {
                        Decision d = EarlyStopping.decide(losses, patience, minDelta);

                        assertThat(d.stopEpoch() - d.bestEpoch()).isBetween(0, patience);
                        if (d.stopEpoch() < losses.length - 1) {
                            assertThat(d.stopEpoch() - d.bestEpoch()).as("gap after an early stop")
                                    .isEqualTo(patience);
                        }
                    });
        }

        @Test
        @DisplayName("losses falling by more than minDelta every epoch never stop early")
        void steadyDecreaseNeverStops() {
            qt().forAll(Gens.vectors(1, 40, 0.0, 1.0), integers().between(1, 6), Gens.values(0, 0.2))
                    .checkAssert((drops, patience, minDelta) -> {
                        double[] losses = new double[drops.length];
                        double loss = 100;
                        for (int i = 0; i < drops.length; i++) {
                            loss -= minDelta + 0.001 + drops[i];   // each drop exceeds minDelta by ≥ 0.001
                            losses[i] = loss;
                        }

                        Decision d = EarlyStopping.decide(losses, patience, minDelta);

                        assertThat(d).isEqualTo(new Decision(losses.length - 1, losses.length - 1));
                    });
        }

        @Test
        @DisplayName("decide(...) agrees with feeding update(...) one loss at a time")
        void decideAgreesWithUpdate() {
            qt().forAll(Gens.vectors(1, 40, 0, 2), integers().between(1, 6), Gens.values(0, 0.2))
                    .checkAssert((losses, patience, minDelta) -> {
                        EarlyStopping stopper = new EarlyStopping(patience, minDelta);
                        int stop = losses.length - 1;
                        for (int epoch = 0; epoch < losses.length; epoch++) {
                            if (stopper.update(losses[epoch])) {
                                stop = epoch;
                                break;
                            }
                        }

                        assertThat(EarlyStopping.decide(losses, patience, minDelta))
                                .isEqualTo(new Decision(stop, stopper.bestEpoch()));
                    });
        }

        @Test
        @DisplayName("the best epoch holds the lowest loss seen up to the stop epoch when minDelta is 0")
        void bestIsMinimumWithoutMinDelta() {
            qt().forAll(Gens.vectors(1, 40, 0, 2), integers().between(1, 6)).checkAssert((losses, patience) -> {
                Decision d = EarlyStopping.decide(losses, patience, 0);

                for (int epoch = 0; epoch <= d.stopEpoch(); epoch++) {
                    assertThat(losses[d.bestEpoch()]).as("best loss vs epoch %d", epoch)
                            .isLessThanOrEqualTo(losses[epoch]);
                }
            });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final EarlyStoppingOracle.Case[] CASES = EarlyStoppingOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("CASES")
        @DisplayName("matches a Python replay of the rule on realistic loss curves")
        void matchesReplay(EarlyStoppingOracle.Case c) {
            assertThat(EarlyStopping.decide(c.losses(), c.patience(), c.minDelta()))
                    .isEqualTo(new Decision(c.stopEpoch(), c.bestEpoch()));
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("one epoch: stop 0, best 0")
        void singleEpoch() {
            assertThat(EarlyStopping.decide(new double[] {0.3}, 1, 0)).isEqualTo(new Decision(0, 0));
        }

        @Test
        @DisplayName("patience 1 stops at the first epoch without improvement")
        void patienceOne() {
            assertThat(EarlyStopping.decide(new double[] {1.0, 0.9, 0.95, 0.5}, 1, 0)).isEqualTo(new Decision(2, 1));
        }

        @Test
        @DisplayName("an infinite first loss is the first best and any finite loss improves on it")
        void infiniteLoss() {
            assertThat(EarlyStopping.decide(new double[] {Double.POSITIVE_INFINITY, 5, 4}, 1, 0.5))
                    .isEqualTo(new Decision(2, 2));
        }

        @Test
        @DisplayName("null or empty losses are rejected")
        void badLosses() {
            assertRejects(NullPointerException.class, "EarlyStopping.decide(null, 2, 0)",
                    () -> EarlyStopping.decide(null, 2, 0), "validationLosses");
            assertRejects(IllegalArgumentException.class, "EarlyStopping.decide(new double[0], 2, 0)",
                    () -> EarlyStopping.decide(new double[0], 2, 0), "validationLosses");
        }

        @Test
        @DisplayName("a NaN loss is rejected")
        void nanLoss() {
            assertRejects(IllegalArgumentException.class, "EarlyStopping.decide({1, Double.NaN}, 2, 0)",
                    () -> EarlyStopping.decide(new double[] {1, Double.NaN}, 2, 0), "validationLosses[1]");
            assertRejects(IllegalArgumentException.class, "new EarlyStopping(2, 0).update(Double.NaN)",
                    () -> new EarlyStopping(2, 0).update(Double.NaN), "validationLoss");
        }

        @Test
        @DisplayName("decide rejects a NaN loss even after the epoch where training would stop")
        void nanLossAfterStop() {
            // Patience 1 stops at epoch 1; the NaN at epoch 3 is still bad input.
            assertRejects(IllegalArgumentException.class, "EarlyStopping.decide({1, 2, 3, Double.NaN}, 1, 0)",
                    () -> EarlyStopping.decide(new double[] {1, 2, 3, Double.NaN}, 1, 0), "validationLosses[3]");
        }

        @ParameterizedTest(name = "patience = {0}")
        @ValueSource(ints = {0, -1})
        @DisplayName("patience must be ≥ 1")
        void badPatience(int patience) {
            assertRejects(IllegalArgumentException.class, "new EarlyStopping(" + patience + ", 0)",
                    () -> new EarlyStopping(patience, 0), "patience");
            assertRejects(IllegalArgumentException.class, "EarlyStopping.decide(DEEP_ML, " + patience + ", 0)",
                    () -> EarlyStopping.decide(DEEP_ML, patience, 0), "patience");
        }

        @ParameterizedTest(name = "minDelta = {0}")
        @ValueSource(doubles = {-0.01, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("minDelta must be finite and ≥ 0")
        void badMinDelta(double minDelta) {
            assertRejects(IllegalArgumentException.class, "new EarlyStopping(2, " + minDelta + ")",
                    () -> new EarlyStopping(2, minDelta), "minDelta");
            assertRejects(IllegalArgumentException.class, "EarlyStopping.decide(DEEP_ML, 2, " + minDelta + ")",
                    () -> EarlyStopping.decide(DEEP_ML, 2, minDelta), "minDelta");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("≤ instead of <: a loss exactly minDelta below the best is not an improvement")
        void lessOrEqualImproves() {
            // 0.75 = 1.0 − 0.25 exactly (all three numbers are exact in binary).
            Decision d = EarlyStopping.decide(new double[] {1.0, 0.75, 0.5}, 1, 0.25);

            assertThat(d)
                    .as("got %s: epoch 1's loss 0.75 equals best − minDelta and was counted as an improvement."
                            + " Improvement is strict, loss < best − minDelta, so training stops at epoch 1", d)
                    .isEqualTo(new Decision(1, 0));
        }

        @Test
        @DisplayName("counter not reset on improvement: patience counts epochs in a row without improvement")
        void counterNotReset() {
            // Epoch 1 does not improve, epoch 2 does (reset), epochs 3 and 4 do not → stop at 4.
            Decision d = EarlyStopping.decide(new double[] {1.0, 2.0, 0.5, 2.0, 3.0}, 2, 0);

            assertThat(d)
                    .as("got %s: stopping at epoch 3 means the epoch without improvement before the new best at"
                            + " epoch 2 was still counted. Reset the counter to 0 whenever the loss improves", d)
                    .isEqualTo(new Decision(4, 2));
        }

        @Test
        @DisplayName("compared with the previous epoch: improvement is measured from the best loss so far")
        void comparedWithPreviousEpoch() {
            Decision d = EarlyStopping.decide(new double[] {0.9, 0.8, 0.79, 0.78, 0.77}, 2, 0.1);

            assertThat(d)
                    .as("got %s: 0.79 is more than 0.1 below the best (0.9) and must count as an improvement."
                            + " Compare with the best loss so far, not with the previous epoch's loss", d)
                    .isEqualTo(new Decision(4, 2));
        }

        @Test
        @DisplayName("off-by-one stop epoch: stop at the epoch where the count reaches patience")
        void offByOneStopEpoch() {
            Decision d = EarlyStopping.decide(DEEP_ML, 2, 0.01);

            assertThat(d.stopEpoch())
                    .as("stop epoch %d instead of 4: epochs 3 and 4 are the two epochs without improvement, so"
                            + " training stops at epoch 4 (count ≥ patience, epochs 0-based)", d.stopEpoch())
                    .isEqualTo(4);
        }

        @Test
        @DisplayName("never stopping returns the last epoch, length − 1")
        void neverStopsReturnsLastEpoch() {
            Decision d = EarlyStopping.decide(new double[] {0.9, 0.8, 0.7}, 5, 0);

            assertThat(d.stopEpoch())
                    .as("stop epoch %d for a 3-epoch curve that never stops: epochs are 0-based, so the last"
                            + " one is 2, not the length", d.stopEpoch())
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("stopped means stopped: update keeps returning true after the stop")
        void keepsStopping() {
            EarlyStopping stopper = new EarlyStopping(1, 0);
            stopper.update(1.0);
            stopper.update(1.0);

            assertThat(stopper.update(0.1))
                    .as("update returned false after it had said stop: a big improvement after the stop must"
                            + " not restart training. Remember that you stopped")
                    .isTrue();
        }
    }
}
