package dev.mbpo.train;

import dev.mbpo.env.Env;
import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.model.EnsemblePrediction;
import dev.mbpo.run.RunEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures how open-loop predictions drift with the rollout step k: start states every
 * {@code stride} steps along the latest evaluation episodes (whose real observations and
 * actions are known), every member predicting from its own previous prediction with the real
 * actions, all start states in one batch per step. Reports per k the error of the ensemble
 * mean and the disagreement, and how well disagreement predicts error (Pearson and Spearman
 * correlation over all start states and k >= 1): MBPO's argument for short branches.
 */
final class HorizonAnalysis {
    private HorizonAnalysis() {
    }

    static RunEvent.Horizon measure(long step, DynamicsEnsemble ensemble, Env scratch, List<RunEvent.Episode> episodes,
                                    int horizon, int stride) {
        int obsDim = ensemble.obsDim();
        int actDim = ensemble.actDim();
        int members = ensemble.members();
        List<float[][]> realPaths = new ArrayList<>();
        List<float[][]> actionPaths = new ArrayList<>();
        for (RunEvent.Episode ep : episodes) {
            if (ep.states().length < horizon + 1) {
                continue;
            }
            float[][] obs = new float[ep.states().length][];
            for (int i = 0; i < obs.length; i++) {
                scratch.setState(ep.states()[i]);
                obs[i] = scratch.observation();
            }
            for (int s = 0; s + horizon < obs.length && s + horizon <= ep.actions().length; s += stride) {
                realPaths.add(Arrays.copyOfRange(obs, s, s + horizon + 1));
                actionPaths.add(Arrays.copyOfRange(ep.actions(), s, s + horizon));
            }
        }
        int n = realPaths.size();
        if (n == 0) {
            return null;
        }
        float[][] cur = new float[members][n * obsDim];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(realPaths.get(i)[0], 0, cur[m], i * obsDim, obsDim);
            }
        }
        double[][] error = new double[horizon + 1][n];
        double[][] spread = new double[horizon + 1][n];
        float[] actions = new float[n * actDim];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(actionPaths.get(i)[t], 0, actions, i * actDim, actDim);
            }
            EnsemblePrediction p = ensemble.predictPerMember(cur, actions, n);
            for (int m = 0; m < members; m++) {
                for (int i = 0; i < n; i++) {
                    for (int d = 0; d < obsDim; d++) {
                        cur[m][i * obsDim + d] += p.mean(m, i, d + 1);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                double[] es = errorAndSpread(cur, i * obsDim, obsDim, realPaths.get(i)[t + 1]);
                error[t + 1][i] = es[0];
                spread[t + 1][i] = es[1];
            }
        }
        double[] mean = new double[horizon + 1];
        double[] p10 = new double[horizon + 1];
        double[] p90 = new double[horizon + 1];
        double[] dis = new double[horizon + 1];
        double[] allErr = new double[horizon * n];
        double[] allDis = new double[horizon * n];
        for (int k = 1; k <= horizon; k++) {
            double[] sorted = error[k].clone();
            Arrays.sort(sorted);
            mean[k] = Arrays.stream(error[k]).average().orElse(0);
            p10[k] = quantile(sorted, 0.1);
            p90[k] = quantile(sorted, 0.9);
            dis[k] = Arrays.stream(spread[k]).average().orElse(0);
            System.arraycopy(error[k], 0, allErr, (k - 1) * n, n);
            System.arraycopy(spread[k], 0, allDis, (k - 1) * n, n);
        }
        return new RunEvent.Horizon(step, n, mean, p10, p90, dis, pearson(allDis, allErr), pearson(ranks(allDis), ranks(allErr)));
    }

    /**
     * For one row of every member's prediction ({@code predictions[m][offset + d]}): the mean
     * absolute error of the ensemble mean against {@code real}, and the standard deviation
     * across members, each averaged over the coordinates.
     */
    static double[] errorAndSpread(float[][] predictions, int offset, int dims, float[] real) {
        int members = predictions.length;
        double err = 0;
        double sd = 0;
        for (int d = 0; d < dims; d++) {
            double sum = 0;
            double sq = 0;
            for (float[] p : predictions) {
                double v = p[offset + d];
                sum += v;
                sq += v * v;
            }
            double mu = sum / members;
            err += Math.abs(mu - real[d]);
            sd += Math.sqrt(Math.max(0, sq / members - mu * mu));
        }
        return new double[] {err / dims, sd / dims};
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /** Ranks 1..n, ties given their average rank. */
    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j + 1 < idx.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
