package dev.mbpo.train;

import dev.mbpo.rl.SacStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** Averages SAC statistics between metric events. */
final class StatsAverager {
    private double critic;
    private double actor;
    private double alpha;
    private double entropy;
    private double q;
    private int n;

    void add(SacStats s) {
        critic += s.criticLoss();
        actor += s.actorLoss();
        alpha += s.alpha();
        entropy += s.entropy();
        q += s.meanQ();
        n++;
    }

    boolean isEmpty() {
        return n == 0;
    }

    /** The averages under SB3-style names, then resets. */
    Map<String, Double> drain() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (n > 0) {
            m.put("train/critic_loss", critic / n);
            m.put("train/actor_loss", actor / n);
            m.put("train/alpha", alpha / n);
            m.put("train/entropy", entropy / n);
            m.put("train/q", q / n);
            m.put("train/updates", (double) n);
        }
        critic = actor = alpha = entropy = q = 0;
        n = 0;
        return m;
    }
}
