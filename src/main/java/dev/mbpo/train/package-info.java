/**
 * Training loops (the SAC-only baseline now; MBPO next) behind one
 * {@link dev.mbpo.train.TrainingSession}: one background thread owns the run's native
 * memory, commands come from any thread, everything that happens is a run event.
 */
package dev.mbpo.train;
