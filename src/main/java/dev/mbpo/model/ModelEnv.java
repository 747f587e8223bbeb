package dev.mbpo.model;

import dev.mbpo.env.RewardFn;
import dev.mbpo.env.TerminationFn;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The learned model as a batched environment: each row steps through a randomly chosen
 * elite, sampling from its Gaussian (as MBPO's FakeEnv); termination comes from the real
 * environment's rule on the imagined transition, and the reward from the model or, when
 * configured, from the environment's closed form.
 */
public final class ModelEnv {
    private final DynamicsEnsemble model;
    private final TerminationFn termination;
    private final RewardFn analyticReward;

    /**
     * @param analyticReward the closed-form reward to use instead of the learned one, or null
     */
    public ModelEnv(DynamicsEnsemble model, TerminationFn termination, RewardFn analyticReward) {
        this.model = model;
        this.termination = termination;
        this.analyticReward = analyticReward;
    }

    /**
     * One imagined step of a batch.
     *
     * @param nextObs       rows x obsDim
     * @param rewards       rows
     * @param terminated    rows
     * @param disagreement  rows: std across all members' means, averaged over state coordinates
     */
    public record Step(float[] nextObs, float[] rewards, boolean[] terminated, double[] disagreement) {
    }

    public Step step(float[] obs, float[] actions, int rows, RandomGenerator random) {
        int obsDim = model.obsDim();
        int actDim = model.actDim();
        EnsemblePrediction p = model.predict(obs, actions, rows);
        int[] elites = model.elites();
        float[] next = new float[rows * obsDim];
        float[] rewards = new float[rows];
        boolean[] done = new boolean[rows];
        double[] dis = new double[rows];
        float[] o = new float[obsDim];
        float[] a = new float[actDim];
        float[] o2 = new float[obsDim];
        for (int r = 0; r < rows; r++) {
            int m = elites[random.nextInt(elites.length)];
            rewards[r] = p.mean(m, r, 0) + p.std(m, r, 0) * (float) random.nextGaussian();
            for (int d = 0; d < obsDim; d++) {
                float delta = p.mean(m, r, d + 1) + p.std(m, r, d + 1) * (float) random.nextGaussian();
                next[r * obsDim + d] = obs[r * obsDim + d] + delta;
            }
            System.arraycopy(obs, r * obsDim, o, 0, obsDim);
            System.arraycopy(actions, r * actDim, a, 0, actDim);
            System.arraycopy(next, r * obsDim, o2, 0, obsDim);
            done[r] = termination.terminated(o, a, o2);
            if (analyticReward != null) {
                rewards[r] = (float) analyticReward.reward(o, a, o2);
            }
            dis[r] = p.disagreement(r);
        }
        return new Step(next, rewards, done, dis);
    }

    /** Summary of a per-row statistic: mean and the 10th, 50th and 90th percentiles. */
    public static double[] summarise(double[] values) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        return new double[] {mean, s[(int) (0.1 * (s.length - 1))], s[(int) (0.5 * (s.length - 1))], s[(int) (0.9 * (s.length - 1))]};
    }
}
