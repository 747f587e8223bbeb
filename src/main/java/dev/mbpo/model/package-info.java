/**
 * The probabilistic dynamics ensemble: the network with its loss and predictions
 * ({@link dev.mbpo.model.DynamicsEnsemble}), its training with holdout, bootstraps, early
 * stopping and elites ({@link dev.mbpo.model.EnsembleTrainer}), its checkpoint files, and
 * the learned model as a batched environment ({@link dev.mbpo.model.ModelEnv}).
 */
package dev.mbpo.model;
