package dev.mbpo.ui;

/**
 * One meaning of "epoch" everywhere in the window, the one the checkpoints use: epoch k holds
 * real steps (k-1)E+1 to kE, counted from 1, and checkpoint epoch-000k is written as it ends.
 * Before the first step there is no epoch yet.
 */
final class EpochNumbers {
    private EpochNumbers() {
    }

    /** The epoch that step {@code step} belongs to (0 before any step). */
    static long of(long step, long epochSteps) {
        return step <= 0 ? 0 : (step + epochSteps - 1) / epochSteps;
    }

    /** "epoch 3 of 20": the epoch of {@code step} and the run's last. */
    static String ofStep(long step, long epochSteps, long totalSteps) {
        long e = Math.max(1, epochSteps);
        return step <= 0 ? "epoch -" : "epoch " + of(step, e) + " of " + of(totalSteps, e);
    }
}
