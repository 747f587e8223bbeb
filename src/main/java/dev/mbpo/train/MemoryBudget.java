package dev.mbpo.train;

import dev.mbpo.config.ConfigException;
import dev.mbpo.config.RunConfig;
import dev.mbpo.env.Env;

/**
 * Refuses, before anything is allocated, a configuration whose buffers and rollout working
 * arrays would not fit in the Java heap, with the estimate and the field to change.
 */
final class MemoryBudget {
    /** Share of the heap the buffers may take; the rest is for everything else. */
    static final double SHARE = 0.8;

    private MemoryBudget() {
    }

    static void check(RunConfig c, Env env, long maxHeapBytes) {
        int obs = env.observationSpace().dim();
        int act = env.actionSpace().dim();
        long rowBytes = 4L * (2L * obs + act + 2);
        long realRows = Math.min(c.sac().bufferSize(), c.run().totalSteps());
        long realBytes = realRows * rowBytes;
        long modelRows = 0;
        long rolloutBytes = 0;
        if (c.algorithm() == dev.mbpo.config.Algorithm.MBPO) {
            int maxK = c.rollout().schedule() == null ? c.rollout().horizon()
                    : Math.max(c.rollout().schedule().get(2), c.rollout().schedule().get(3));
            modelRows = c.mbpo().modelBufferCapacity(c.rollout(), maxK);
            // Per rollout step: every member's means and log-variances, plus states, actions and next states.
            rolloutBytes = (long) c.rollout().batchSize() * 4L * (2L * c.model().members() * (obs + 1) * 2 + 4L * (obs + act));
        }
        long need = realBytes + modelRows * rowBytes + rolloutBytes;
        if (need <= SHARE * maxHeapBytes) {
            return;
        }
        boolean modelDominates = modelRows * rowBytes + rolloutBytes > realBytes;
        String field = modelDominates ? "rollout.batchSize" : "sac.bufferSize";
        String value = modelDominates ? Integer.toString(c.rollout().batchSize()) : Integer.toString(c.sac().bufferSize());
        throw new ConfigException(field, field + " is " + value + ": the replay buffers"
                + (modelDominates ? " (model buffer " + modelRows + " transitions = retainEpochs * k * batchSize * epochLength / modelTrainFreq)" : "")
                + " and rollouts need about " + mib(need) + " MiB, but the Java heap allows " + mib(maxHeapBytes)
                + " MiB (" + Math.round(SHARE * 100) + "% of it may hold buffers); lower " + field
                + (modelDominates ? " or rollout.retainEpochs" : "") + ", or give Java more memory (MBPO_JAVA_OPTS=-Xmx...)");
    }

    private static long mib(double bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
