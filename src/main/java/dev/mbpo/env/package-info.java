/**
 * Environments with Gymnasium's semantics ({@link dev.mbpo.env.Env}), the built-in ones
 * (Pendulum-v1 and MountainCarContinuous-v0 matching Gymnasium transition for transition,
 * ContinuousCartPole-v0, CartPoleSwingUp-v0), their registry {@link dev.mbpo.env.Envs},
 * and pure termination and reward functions for imagined transitions. JDK only.
 */
package dev.mbpo.env;
