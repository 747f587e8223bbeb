package dev.mbpo.train;

/**
 * One algorithm's loop, driven step by step by a {@link TrainingSession} so that pause and
 * stop act between steps. All methods run on the session's trainer thread.
 */
interface TrainingLoop extends AutoCloseable {
    /** Builds networks and environments, restores {@code resumeFrom} when not null, and emits the start event. */
    void begin(java.nio.file.Path resumeFrom) throws java.io.IOException;

    /** One real environment step with the learning that follows it; false once the run has all its steps. */
    boolean stepOnce();

    /** What the loop is made of, built by {@link #begin}. */
    LoopParts parts();

    /** Real steps taken so far. */
    default long step() {
        return parts().step;
    }

    /** Steps planned for the run. */
    default long totalSteps() {
        return parts().config.run().totalSteps();
    }

    /** Real steps per epoch (checkpoints are counted in epochs). */
    default long epochSteps() {
        return parts().config.epochSteps();
    }

    /** Writes everything needed to resume into {@code dir}. */
    void saveCheckpoint(java.nio.file.Path dir) throws java.io.IOException;

    @Override
    void close();
}
