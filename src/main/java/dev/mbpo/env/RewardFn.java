package dev.mbpo.env;

/**
 * The environment's reward as a pure function of a transition, for environments where it
 * is known in closed form. Model rollouts may use it instead of the learned reward.
 * Must equal what {@link Env#step(float[])} returns for the same transition.
 */
@FunctionalInterface
public interface RewardFn {
    double reward(float[] observation, float[] action, float[] nextObservation);
}
