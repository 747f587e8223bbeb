package dev.mbpo.env;

/**
 * Says whether a transition ends the episode, from observations alone, so that it works on
 * imagined transitions that never touched the real environment (MBPO's model rollouts).
 * Pure: no state, safe to call from any thread.
 */
@FunctionalInterface
public interface TerminationFn {
    boolean terminated(float[] observation, float[] action, float[] nextObservation);

    /** A termination function for environments that never terminate (only truncate). */
    TerminationFn NEVER = (obs, action, next) -> false;
}
