package dev.mbpo.model;

import java.util.List;

/**
 * The outcome of one ensemble training.
 *
 * @param epochs      every epoch's figures
 * @param elites      member indices of the elites, best first
 * @param holdoutMse  final holdout MSE per member
 * @param stopReason  why the training ended
 * @param trainRows   rows trained on (before bootstrap)
 * @param holdoutRows rows held out
 * @param seconds     wall time
 * @param holdoutDisagreement ensemble disagreement (as {@link EnsemblePrediction#disagreement}) on each held-out
 *                    real transition after training, sorted ascending (for quantile thresholds)
 */
public record TrainingSummary(List<TrainingEpoch> epochs, int[] elites, double[] holdoutMse, StopReason stopReason,
                              int trainRows, int holdoutRows, double seconds, double[] holdoutDisagreement) {

    /** The q-quantile of the held-out disagreement (linear interpolation), NaN when there is none. */
    public double disagreementQuantile(double q) {
        double[] s = holdoutDisagreement;
        if (s == null || s.length == 0) {
            return Double.NaN;
        }
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }
}
