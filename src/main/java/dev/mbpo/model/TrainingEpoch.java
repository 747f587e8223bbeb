package dev.mbpo.model;

/**
 * What one epoch of ensemble training measured.
 *
 * @param epoch        0-based within this training
 * @param trainLoss    mean minibatch loss (Gaussian NLL summed over members, plus bound and no decay terms)
 * @param holdoutMse   per member, on the held-out rows
 * @param holdoutNll   per member, on the held-out rows
 * @param improved     whether any member improved by more than the threshold
 */
public record TrainingEpoch(int epoch, double trainLoss, double[] holdoutMse, double[] holdoutNll, boolean improved) {

    public double meanHoldoutMse() {
        return java.util.Arrays.stream(holdoutMse).average().orElse(Double.NaN);
    }

    public double meanHoldoutNll() {
        return java.util.Arrays.stream(holdoutNll).average().orElse(Double.NaN);
    }
}
