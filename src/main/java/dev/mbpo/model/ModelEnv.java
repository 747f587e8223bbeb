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
     * Rows whose disagreement is measured when not every row needs it: the first ones (the
     * branches start from randomly sampled real states, so these are a random sample). The
     * disagreement needs every member's prediction, the transition only the sampled one's.
     */
    public static final int DISAGREEMENT_ROWS = 1024;

    /**
     * One imagined step of a batch.
     *
     * @param nextObs       rows x obsDim
     * @param rewards       rows
     * @param terminated    rows
     * @param disagreement  std across all members' means, averaged over state coordinates, for
     *                      the first {@code disagreement.length} rows (all rows, or a sample)
     * @param uncertainty   MOPO's u(s, a) for the same rows: the largest, over members, norm of
     *                      the predicted next-state standard deviation
     */
    public record Step(float[] nextObs, float[] rewards, boolean[] terminated, double[] disagreement, double[] uncertainty) {
    }

    /** One step with the disagreement of a sample of at most {@link #DISAGREEMENT_ROWS} rows. */
    public Step step(float[] obs, float[] actions, int rows, RandomGenerator random) {
        return step(obs, actions, rows, random, false);
    }

    /**
     * One imagined step: every row draws an elite, then a sample from that member's Gaussian.
     *
     * @param everyRow measure the disagreement of every row (branch cuts need it), which costs a
     *                 forward pass of every member for every row instead of one
     */
    public Step step(float[] obs, float[] actions, int rows, RandomGenerator random, boolean everyRow) {
        return step(obs, actions, rows, random, everyRow, 0);
    }

    /**
     * One imagined step whose rewards are r - {@code penalty} * u(s, a) (MOPO), u measured on
     * every row; with penalty 0 the rewards are the plain ones and u is still measured.
     */
    public Step penalised(float[] obs, float[] actions, int rows, RandomGenerator random, double penalty) {
        return step(obs, actions, rows, random, true, penalty);
    }

    private Step step(float[] obs, float[] actions, int rows, RandomGenerator random, boolean everyRow, double penalty) {
        int obsDim = model.obsDim();
        int actDim = model.actDim();
        int[] elites = model.elites();
        int[] member = new int[rows];
        for (int r = 0; r < rows; r++) {
            member[r] = elites[random.nextInt(elites.length)];
        }
        SampledPrediction p = model.predictSampled(obs, actions, rows, member);
        int measured = everyRow ? rows : Math.min(rows, DISAGREEMENT_ROWS);
        EnsemblePrediction all = measured == 0 ? null : model.predict(obs, actions, measured);
        float[] next = new float[rows * obsDim];
        float[] rewards = new float[rows];
        boolean[] done = new boolean[rows];
        double[] dis = new double[measured];
        for (int r = 0; r < rows; r++) {
            rewards[r] = p.mean(r, 0) + p.std(r, 0) * (float) random.nextGaussian();
            for (int d = 0; d < obsDim; d++) {
                float delta = p.mean(r, d + 1) + p.std(r, d + 1) * (float) random.nextGaussian();
                next[r * obsDim + d] = obs[r * obsDim + d] + delta;
            }
        }
        termination.terminatedRows(obs, actions, next, rows, obsDim, actDim, done);
        if (analyticReward != null) {
            analyticReward.rewardRows(obs, actions, next, rows, obsDim, actDim, rewards);
        }
        double[] u = new double[measured];
        for (int r = 0; r < measured; r++) {
            dis[r] = all.disagreement(r);
            u[r] = uncertainty(all, r, obsDim);
        }
        if (penalty != 0) {
            for (int r = 0; r < rows; r++) {
                rewards[r] = (float) (rewards[r] - penalty * u[r]);
            }
        }
        return new Step(next, rewards, done, dis, u);
    }

    /** The largest, over members, Euclidean norm of the predicted next-state standard deviation of one row. */
    static double uncertainty(EnsemblePrediction p, int row, int obsDim) {
        double worst = 0;
        for (int m = 0; m < p.members(); m++) {
            double sq = 0;
            for (int d = 0; d < obsDim; d++) {
                double sd = p.std(m, row, d + 1);
                sq += sd * sd;
            }
            worst = Math.max(worst, Math.sqrt(sq));
        }
        return worst;
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
