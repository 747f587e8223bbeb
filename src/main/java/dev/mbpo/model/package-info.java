/**
 * The probabilistic dynamics ensemble ({@link dev.mbpo.model.DynamicsEnsemble}): training
 * with holdout, early stopping and elites; predictions and disagreement; and the learned
 * model as a batched environment ({@link dev.mbpo.model.ModelEnv}).
 */
package dev.mbpo.model;
