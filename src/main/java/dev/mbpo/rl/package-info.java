/**
 * Soft Actor-Critic on DJL ({@link dev.mbpo.rl.Sac}): the policy learner of MBPO and the
 * model-free baseline. Every update runs in its own sub-NDManager.
 */
package dev.mbpo.rl;
