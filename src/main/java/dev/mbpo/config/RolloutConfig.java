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
 */
public record RolloutConfig(int batchSize, int horizon, List<Integer> schedule, int retainEpochs,
                            int predictionHorizon, int predictionSegments) {

    public static final RolloutConfig DEFAULT = new RolloutConfig(100_000, 1, null, 1, 25, 3);

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
