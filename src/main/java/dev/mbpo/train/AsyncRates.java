package dev.mbpo.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The asynchronous loop's three activities as rates since the previous report: real steps,
 * SAC updates and imagined transitions per second, how busy the model thread was, how many
 * policy versions the collector lags behind the learner, and how many transitions wait.
 */
final class AsyncRates {
    int modelTrainings;
    private long lastNanos = System.nanoTime();
    private long lastStep;
    private long lastUpdates;
    private long lastImagined;
    private double lastBusy;

    Map<String, Double> drain(long step, long updates, long imagined, double modelBusySeconds, int modelJobs, long policyLag,
                              int backlog) {
        long now = System.nanoTime();
        double dt = Math.max(1e-9, (now - lastNanos) / 1e9);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("async/real_steps_per_s", (step - lastStep) / dt);
        m.put("async/updates_per_s", (updates - lastUpdates) / dt);
        m.put("async/imagined_per_s", (imagined - lastImagined) / dt);
        m.put("async/model_busy_fraction", Math.min(1, (modelBusySeconds - lastBusy) / dt));
        m.put("async/model_trainings", (double) modelJobs);
        m.put("async/policy_lag", (double) policyLag);
        m.put("async/collector_backlog", (double) backlog);
        lastNanos = now;
        lastStep = step;
        lastUpdates = updates;
        lastImagined = imagined;
        lastBusy = modelBusySeconds;
        return m;
    }
}
