package dev.mbpo.train;

/**
 * Disagreement-aware rollouts, rule (a): a branch ends at the first step whose ensemble
 * disagreement exceeds the threshold, and that step's transition is not kept (the model is
 * not trusted there). Branches at or under the threshold go on.
 */
final class BranchCut {
    private BranchCut() {
    }

    /** Which of the first {@code rows} branches survive this step; NaN threshold: all do. */
    static boolean[] survivors(double[] disagreement, int rows, double threshold) {
        boolean[] keep = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            keep[r] = Double.isNaN(threshold) || disagreement[r] <= threshold;
        }
        return keep;
    }

    /**
     * Which of the first {@code rows} imagined steps are finite (next state and reward). As in
     * the original code, whose termination functions end a branch whose prediction is not
     * finite, such a branch ends there and its step is not kept; only a model that is not
     * finite anywhere is a fault.
     */
    static boolean[] finiteRows(float[] nextObs, float[] rewards, int rows, int obsDim) {
        boolean[] ok = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            boolean finite = Float.isFinite(rewards[r]);
            for (int d = 0; d < obsDim && finite; d++) {
                finite = Float.isFinite(nextObs[r * obsDim + d]);
            }
            ok[r] = finite;
        }
        return ok;
    }

    /**
     * Rule (b): the largest k (at least 1) whose mean open-loop error, measured on real
     * trajectories, stays under the tolerance. {@code errorMean[k]} is the error k steps ahead.
     */
    static int horizonWithin(double[] errorMean, double tolerance) {
        int k = 1;
        for (int i = 1; i < errorMean.length; i++) {
            if (errorMean[i] <= tolerance) {
                k = i;
            } else {
                break;
            }
        }
        return k;
    }
}
