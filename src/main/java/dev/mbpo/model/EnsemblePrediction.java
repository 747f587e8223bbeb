package dev.mbpo.model;

/**
 * Per-member Gaussian predictions of (reward, next state - state) for a block of rows.
 *
 * @param members  ensemble size
 * @param rows     rows predicted
 * @param outDim   1 + observation width
 * @param mean     [members][rows * outDim]
 * @param logVar   [members][rows * outDim], within the learned soft bounds
 */
public record EnsemblePrediction(int members, int rows, int outDim, float[][] mean, float[][] logVar) {

    public float mean(int member, int row, int d) {
        return mean[member][row * outDim + d];
    }

    public float std(int member, int row, int d) {
        return (float) Math.exp(0.5 * logVar[member][row * outDim + d]);
    }

    /**
     * Ensemble disagreement of a row: the standard deviation across members of the predicted
     * mean of each state coordinate (reward excluded), averaged over coordinates.
     */
    public double disagreement(int row) {
        return disagreement(row, null);
    }

    /** As {@link #disagreement(int)} with each coordinate's spread multiplied by {@code scale[d]} (null: 1). */
    double disagreement(int row, float[] scale) {
        double total = 0;
        for (int d = 1; d < outDim; d++) {
            double s = 0;
            double sq = 0;
            for (int m = 0; m < members; m++) {
                double v = mean[m][row * outDim + d];
                s += v;
                sq += v * v;
            }
            double mu = s / members;
            total += Math.sqrt(Math.max(0, sq / members - mu * mu)) * (scale == null ? 1 : scale[d]);
        }
        return total / Math.max(1, outDim - 1);
    }
}
