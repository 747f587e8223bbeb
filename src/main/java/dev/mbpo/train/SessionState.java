package dev.mbpo.train;

/** Life cycle of a {@link TrainingSession}. */
public enum SessionState {
    NEW, RUNNING, PAUSED, FINISHED, STOPPED, CRASHED;

    public boolean ended() {
        return this == FINISHED || this == STOPPED || this == CRASHED;
    }
}
