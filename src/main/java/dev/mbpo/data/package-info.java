/**
 * Replay data in plain float arrays: the ring {@link dev.mbpo.data.ReplayBuffer}, typed
 * {@link dev.mbpo.data.Batch}es, and the {@link dev.mbpo.data.MixedSampler} that mixes real
 * and imagined transitions. JDK only.
 */
package dev.mbpo.data;
