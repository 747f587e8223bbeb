package dev.mbpo.train;

import dev.mbpo.rl.SacStats;
import dev.mbpo.run.RunEvent;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * The G SAC updates that follow each real step (Algorithm 2, step 4): batches from the real
 * buffer for SAC, or {@code realRatio} real and the rest imagined for MBPO, once the real
 * buffer holds a batch (and, for MBPO, the model has been trained). Each update's statistics
 * pass the fault guard; their averages are reported every 250 steps.
 */
final class PolicyUpdates {
    private static final long METRICS_EVERY = 250;

    private final LoopParts parts;
    private final Consumer<RunEvent> events;
    private final StatsAverager stats = new StatsAverager();
    private Runnable afterEach = () -> { };
    private LongPredicate poisonAt;
    private long total;

    PolicyUpdates(LoopParts parts, Consumer<RunEvent> events) {
        this.parts = parts;
        this.events = events;
    }

    /** Called after every update (the asynchronous loop publishes the policy from here). */
    void afterEach(Runnable hook) {
        this.afterEach = hook;
    }

    /** Tests only: poisons a batch's first reward with NaN at the steps this accepts. */
    void poisonBatchesWhen(LongPredicate when) {
        this.poisonAt = when;
    }

    /** Updates run so far. */
    long total() {
        return total;
    }

    boolean ready() {
        return parts.real.size() >= parts.config.sac().batchSize() && (parts.model == null || parts.model.trained());
    }

    /** G updates when ready, then the averaged statistics when they are due. */
    void run(long step) {
        if (ready()) {
            for (int g = 0; g < parts.config.sac().updatesPerStep(); g++) {
                if (parts.model == null) {
                    parts.real.sampleInto(parts.batch, 0, parts.batch.size(), parts.sampling);
                } else {
                    parts.model.sampleMixed(parts.real, parts.batch, parts.sampling);
                }
                if (poisonAt != null && poisonAt.test(step)) {
                    parts.batch.rewards()[0] = Float.NaN;
                }
                SacStats st = parts.sac.update(parts.batch);
                // A fault stops the run at once (the last checkpoint, written before this epoch, stays the
                // last good one) unless run.onFault allows recovering from it.
                if (parts.faults.check(st, step, g, parts.sac)) {
                    stats.add(st);
                }
                total++;
                afterEach.run();
            }
        }
    }

    /** The statistics averaged since the last report, every 250 steps. */
    void report(long step) {
        if (step % METRICS_EVERY == 0 && !stats.isEmpty()) {
            events.accept(new RunEvent.Metrics(step, stats.drain()));
        }
    }
}
