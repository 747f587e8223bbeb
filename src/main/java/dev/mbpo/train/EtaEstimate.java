package dev.mbpo.train;

/**
 * The time a run still needs, from the phase it has yet to go through rather than from the
 * average so far: the random-exploration steps at the start cost microseconds each, the
 * training steps after them (policy updates, model trainings) milliseconds, so an average over
 * both promises seconds when minutes remain. While the run is still exploring, the training
 * rate is unknown and the estimate is NaN (shown as "--:--"); after that it is the remaining
 * steps over the rate measured since the exploration ended.
 */
final class EtaEstimate {
    private final long total;
    private final long randomSteps;
    private long trainStartStep = -1;
    private long trainStartNanos;

    /**
     * @param startStep   the step the session starts at (a resumed run starts past its exploration)
     * @param randomSteps steps of uniform random actions at the start of a run
     * @param total       the run's last step
     */
    EtaEstimate(long startStep, long randomSteps, long total, long startNanos) {
        this.total = total;
        this.randomSteps = randomSteps;
        if (startStep >= randomSteps) {
            trainStartStep = startStep;
            trainStartNanos = startNanos;
        }
    }

    /** Notes that {@code step} steps are done at {@code nanos}; call after every step. */
    void observe(long step, long nanos) {
        if (trainStartStep < 0 && step >= randomSteps) {
            trainStartStep = step;
            trainStartNanos = nanos;
        }
    }

    /** Seconds still to go at {@code step}, or NaN before any training step has been timed. */
    double secondsLeft(long step, long nanos) {
        if (step >= total) {
            return 0;
        }
        if (trainStartStep < 0 || step <= trainStartStep || nanos <= trainStartNanos) {
            return Double.NaN;
        }
        double rate = (step - trainStartStep) / ((nanos - trainStartNanos) / 1e9);
        return (total - step) / rate;
    }
}
