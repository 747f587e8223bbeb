/**
 * The training loops behind one {@link dev.mbpo.train.TrainingSession}: the synchronous
 * epoch of MBPO's Algorithm 2 in {@link dev.mbpo.train.MbpoLoop} (SAC alone is the same loop
 * without the model), the asynchronous variant in {@link dev.mbpo.train.AsyncMbpoLoop}, and
 * the parts they share (model branch, updates, evaluation, checkpoints, telemetry). One
 * background thread owns the run's native memory; commands come from any thread;
 * everything that happens is a run event.
 */
package dev.mbpo.train;
