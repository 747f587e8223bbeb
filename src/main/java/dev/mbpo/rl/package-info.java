/**
 * Soft Actor-Critic on DJL ({@link dev.mbpo.rl.Sac}): the policy learner of MBPO and the
 * model-free baseline, with the second thread of its parallel update order kept apart
 * ({@link dev.mbpo.rl.ParallelHalves}). Every update runs in its own sub-NDManager.
 */
package dev.mbpo.rl;
