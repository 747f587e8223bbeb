package dev.mbpo.model;

import java.util.List;

/**
 * The outcome of one ensemble training.
 *
 * @param epochs      every epoch's figures
 * @param elites      member indices of the elites, best first
 * @param holdoutMse  final holdout MSE per member
 * @param stopReason  "early stop", "max epochs", "time cap" or "interrupted"
 * @param trainRows   rows trained on (before bootstrap)
 * @param holdoutRows rows held out
 * @param seconds     wall time
 */
public record TrainingSummary(List<TrainingEpoch> epochs, int[] elites, double[] holdoutMse, String stopReason,
                              int trainRows, int holdoutRows, double seconds) {
}
