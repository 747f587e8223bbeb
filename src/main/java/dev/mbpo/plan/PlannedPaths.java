package dev.mbpo.plan;

import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.model.EnsemblePrediction;

/**
 * What a plan expects to happen: each elite's mean prediction of the observations that the
 * plan's action sequence leads to, step by step from the start (no sampling), for the views.
 */
public final class PlannedPaths {
    private PlannedPaths() {
    }

    /**
     * @param plan H x actDim actions, row after row
     * @return [elites][H + 1][obsDim]; row 0 is {@code start}
     */
    public static float[][][] of(DynamicsEnsemble ensemble, float[] start, float[] plan) {
        int obsDim = ensemble.obsDim();
        int actDim = ensemble.actDim();
        int horizon = plan.length / actDim;
        int members = ensemble.members();
        int[] elites = ensemble.elites();
        float[][] state = new float[members][];
        for (int m = 0; m < members; m++) {
            state[m] = start.clone();
        }
        float[][][] paths = new float[elites.length][horizon + 1][];
        for (int e = 0; e < elites.length; e++) {
            paths[e][0] = start.clone();
        }
        for (int t = 0; t < horizon; t++) {
            float[] action = java.util.Arrays.copyOfRange(plan, t * actDim, (t + 1) * actDim);
            EnsemblePrediction p = ensemble.predictPerMember(state, action, 1);
            for (int m = 0; m < members; m++) {
                float[] next = new float[obsDim];
                for (int d = 0; d < obsDim; d++) {
                    next[d] = state[m][d] + p.mean(m, 0, d + 1);
                }
                state[m] = next;
            }
            for (int e = 0; e < elites.length; e++) {
                paths[e][t + 1] = state[elites[e]].clone();
            }
        }
        return paths;
    }
}
