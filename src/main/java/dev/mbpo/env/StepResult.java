package dev.mbpo.env;

/**
 * What one {@link Env#step(float[])} returns, with Gymnasium's meaning: {@code terminated}
 * when the task's own end was reached (a terminal state: no bootstrapping past it),
 * {@code truncated} when the time limit cut the episode (bootstrapping continues).
 */
public record StepResult(float[] observation, double reward, boolean terminated, boolean truncated) {

    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
