package dev.mbpo.model;

/**
 * One member's Gaussian prediction of (reward, next state - state) per row, in raw units:
 * the member each row was assigned to ({@link DynamicsEnsemble#predictSampled}).
 *
 * @param rows    rows predicted
 * @param outDim  1 + observation width
 * @param mean    [rows * outDim]
 * @param logVar  [rows * outDim], within the learned soft bounds
 */
public record SampledPrediction(int rows, int outDim, float[] mean, float[] logVar) {

    public float mean(int row, int d) {
        return mean[row * outDim + d];
    }

    public float std(int row, int d) {
        return (float) Math.exp(0.5 * logVar[row * outDim + d]);
    }
}
