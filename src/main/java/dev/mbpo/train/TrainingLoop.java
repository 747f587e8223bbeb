package dev.mbpo.train;

/**
 * One algorithm's loop, driven step by step by a {@link TrainingSession} so that pause and
 * stop act between steps. All methods run on the session's trainer thread.
 */
interface TrainingLoop extends AutoCloseable {
    /** Builds networks and environments and emits the start event. */
    void begin();

    /** One real environment step with the learning that follows it; false once the run has all its steps. */
    boolean stepOnce();

    /** Real steps taken so far. */
    long step();

    /** Steps planned for the run. */
    long totalSteps();

    @Override
    void close();
}
