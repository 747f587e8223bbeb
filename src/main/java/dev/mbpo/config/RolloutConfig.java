package dev.mbpo.config;

import java.util.List;

/**
 * Branched model rollouts.
 *
 * @param batchSize          M: branches started from real states at every model training
 * @param horizon            k when no schedule is given
 * @param schedule           [a, b, x, y]: k goes linearly from x to y between epochs a and b (null: fixed horizon)
 * @param retainEpochs       epochs of imagined data the model buffer keeps
 * @param predictionHorizon  H: open-loop steps of the real-versus-imagined predictions after each model training
 * @param predictionSegments real segments predicted after each model training
 * @param cut                disagreement-aware branches ({@link RolloutCut}; none is the paper's)
 * @param cutThreshold       the absolute disagreement (> 0), or the quantile in (0, 1)
 * @param adaptiveHorizon    choose k at every model training as the largest k (up to predictionHorizon) whose
 *                           measured open-loop error stays under errorTolerance (overrides horizon and schedule)
 * @param errorTolerance     mean absolute open-loop error allowed, in observation units
 */
public record RolloutConfig(int batchSize, int horizon, List<Integer> schedule, int retainEpochs,
                            int predictionHorizon, int predictionSegments, RolloutCut cut, double cutThreshold,
                            boolean adaptiveHorizon, double errorTolerance) {

    public static final RolloutConfig DEFAULT = new RolloutConfig(100_000, 1, null, 1, 25, 3, RolloutCut.NONE, 0.9, false, 0.05);

    public RolloutConfig {
        Check.inRange("rollout.batchSize", batchSize, 1, 10_000_000);
        Check.inRange("rollout.horizon", horizon, 1, 1000);
        if (schedule != null) {
            if (schedule.size() != 4 || schedule.stream().anyMatch(v -> v == null || v < 0)) {
                throw Check.fail("rollout.schedule", schedule, "[a, b, x, y]: four integers >= 0 (k goes from x to y between epochs a and b)");
            }
            if (schedule.get(0) >= schedule.get(1)) {
                throw Check.fail("rollout.schedule", schedule, "a < b (epochs a and b of [a, b, x, y])");
            }
            if (schedule.get(2) < 1 || schedule.get(3) < 1 || schedule.get(2) > 1000 || schedule.get(3) > 1000) {
                throw Check.fail("rollout.schedule", schedule, "horizons x and y of [a, b, x, y] from 1 to 1000");
            }
            schedule = List.copyOf(schedule);
        }
        Check.inRange("rollout.retainEpochs", retainEpochs, 1, 1000);
        Check.inRange("rollout.predictionHorizon", predictionHorizon, 1, 1000);
        Check.inRange("rollout.predictionSegments", predictionSegments, 0, 100);
        Choice.required("rollout.cut", cut, RolloutCut.class);
        if (cut == RolloutCut.QUANTILE && !(cutThreshold > 0 && cutThreshold < 1)) {
            throw Check.fail("rollout.cutThreshold", cutThreshold, "a quantile between 0 and 1 (exclusive) when rollout.cut is quantile");
        }
        if (!(cutThreshold > 0) || !Double.isFinite(cutThreshold)) {
            throw Check.fail("rollout.cutThreshold", cutThreshold, "a finite number > 0");
        }
        if (!(errorTolerance > 0) || !Double.isFinite(errorTolerance)) {
            throw Check.fail("rollout.errorTolerance", errorTolerance, "a finite number > 0");
        }
        if (adaptiveHorizon && predictionSegments == 0) {
            throw Check.fail("rollout.adaptiveHorizon", true, "false while rollout.predictionSegments is 0 (the open-loop "
                    + "error that chooses k is measured with the predictions)");
        }
    }

    /** The rollout length k at an epoch (MBPO's set_rollout_length). */
    public int horizonAt(int epoch) {
        if (schedule == null) {
            return horizon;
        }
        int a = schedule.get(0);
        int b = schedule.get(1);
        int x = schedule.get(2);
        int y = schedule.get(3);
        if (epoch <= a) {
            return x;
        }
        double dx = Math.min(1.0, (epoch - a) / (double) (b - a));
        return (int) (dx * (y - x) + x);
    }
}
