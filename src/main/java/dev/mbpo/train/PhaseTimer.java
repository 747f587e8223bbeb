package dev.mbpo.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase (env, model_train, rollout, policy_update, evaluate) between two
 * drains, reported as {@code time/<phase>_s}; also the run's steps per second.
 */
final class PhaseTimer {
    private final Clock clock;
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private final long startedAt;
    private String current;
    private long since;
    private long windowStart;
    private long windowSteps;

    PhaseTimer(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.nanos();
        this.windowStart = startedAt;
    }

    void start(String phase) {
        stop();
        current = phase;
        since = clock.nanos();
    }

    void stop() {
        if (current != null) {
            totals.merge(current, clock.nanos() - since, Long::sum);
            current = null;
        }
    }

    Map<String, Double> drainSeconds() {
        Map<String, Double> m = new LinkedHashMap<>();
        totals.forEach((k, v) -> m.put("time/" + k + "_s", v / 1e9));
        totals.clear();
        return m;
    }

    /** Steps per second since the previous call. */
    double stepsPerSecond(long step) {
        long now = clock.nanos();
        double s = (now - windowStart) / 1e9;
        double rate = s > 0 ? (step - windowSteps) / s : 0;
        windowStart = now;
        windowSteps = step;
        return rate;
    }

}
