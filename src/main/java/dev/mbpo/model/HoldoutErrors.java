package dev.mbpo.model;

/**
 * Every member's errors on the held-out rows after an epoch.
 *
 * @param mse          per member: mean squared error over rows and outputs, in the standardised target space
 * @param nll          per member: Gaussian negative log-likelihood (without the constant), same space
 * @param disagreement per held-out row: the ensemble's disagreement in raw units, as rollouts see it
 *                     ({@link EnsemblePrediction#disagreement} of the raw means: a standard deviation
 *                     across members scales with the target's standard deviation, its mean cancels)
 */
record HoldoutErrors(double[] mse, double[] nll, double[] disagreement) {
}
