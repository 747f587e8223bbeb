package dev.mbpo.plan;

import dev.mbpo.config.MpcConfig;
import dev.mbpo.env.Box;
import dev.mbpo.env.TerminationFn;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The cross-entropy method over action sequences, as PETS plans (Chua et al. 2018): sample a
 * population of sequences of H actions from a Gaussian truncated to two standard deviations
 * and to the action bounds, score each by the mean return of its particles through the model,
 * refit mean and variance to the best ones (blended with the old by {@code smoothing}), and
 * repeat; apply the mean's first action. The rest of the mean, shifted by one step, is the
 * next plan's starting mean; the variance starts afresh at every plan.
 *
 * <p>All candidates times all particles of one iteration go through the model together, one
 * call per planned step. A particle that terminates (the task's termination function) earns
 * nothing after it; a candidate whose return is not finite scores minus infinity.
 */
public final class CemPlanner {
    private final MpcConfig config;
    private final ParticleModel model;
    private final TerminationFn termination;
    private final RandomGenerator random;
    private final int horizon;
    private final int actDim;
    private final int obsDim;
    private final float[] low;
    private final float[] high;
    private final float[] initialMean;
    private final float[] initialVar;
    private final float[] mean;
    private final float[] lastPlan;
    private long lastPlanNanos;

    public CemPlanner(MpcConfig config, Box actionSpace, ParticleModel model, TerminationFn termination, RandomGenerator random) {
        this.config = config;
        this.model = model;
        this.termination = termination;
        this.random = random;
        this.horizon = config.horizon();
        this.actDim = actionSpace.dim();
        this.obsDim = model.obsDim();
        if (model.actDim() != actDim) {
            throw new IllegalArgumentException("model takes " + model.actDim() + " actions, the task " + actDim);
        }
        this.low = new float[horizon * actDim];
        this.high = new float[horizon * actDim];
        this.initialMean = new float[horizon * actDim];
        this.initialVar = new float[horizon * actDim];
        for (int t = 0; t < horizon; t++) {
            for (int d = 0; d < actDim; d++) {
                int i = t * actDim + d;
                low[i] = actionSpace.low(d);
                high[i] = actionSpace.high(d);
                initialMean[i] = 0.5f * (low[i] + high[i]);
                float range = high[i] - low[i];
                initialVar[i] = range * range / 16f;
            }
        }
        this.mean = initialMean.clone();
        this.lastPlan = initialMean.clone();
    }

    /** Forgets the warm start (a new episode). */
    public void reset() {
        System.arraycopy(initialMean, 0, mean, 0, mean.length);
    }

    /** Plans from {@code obs} and returns the first action; the plan is kept for {@link #lastPlan()}. */
    public float[] act(float[] obs) {
        if (obs.length != obsDim) {
            throw new IllegalArgumentException("observation of " + obs.length + " values, the model takes " + obsDim);
        }
        long start = System.nanoTime();
        int pop = config.population();
        int n = horizon * actDim;
        float[] var = initialVar.clone();
        float[][] candidates = new float[pop][n];
        try (ParticleModel.Stepper stepper = model.begin()) {
            for (int it = 0; it < config.iterations(); it++) {
                sample(var, candidates);
                double[] scores = score(obs, candidates, stepper);
                refit(candidates, scores, var);
            }
        }
        System.arraycopy(mean, 0, lastPlan, 0, n);
        float[] action = new float[actDim];
        for (int d = 0; d < actDim; d++) {
            action[d] = Math.max(low[d], Math.min(high[d], mean[d]));
        }
        System.arraycopy(mean, actDim, mean, 0, n - actDim);
        System.arraycopy(initialMean, n - actDim, mean, n - actDim, actDim);
        lastPlanNanos = System.nanoTime() - start;
        return action;
    }

    /** The last plan's mean action sequence, H x actDim, before the shift. */
    public float[] lastPlan() {
        return lastPlan.clone();
    }

    /** Wall time of the last {@link #act} call, in nanoseconds. */
    public long lastPlanNanos() {
        return lastPlanNanos;
    }

    /** Draws the population from the current mean and variance, truncated at 2 sigma and at the bounds. */
    private void sample(float[] var, float[][] out) {
        int n = mean.length;
        float[] sd = new float[n];
        for (int i = 0; i < n; i++) {
            float toLow = mean[i] - low[i];
            float toHigh = high[i] - mean[i];
            float v = Math.min(var[i], Math.min(toLow * toLow / 4f, toHigh * toHigh / 4f));
            sd[i] = (float) Math.sqrt(Math.max(0f, v));
        }
        for (float[] c : out) {
            for (int i = 0; i < n; i++) {
                double z;
                do {
                    z = random.nextGaussian();
                } while (Math.abs(z) > 2);
                c[i] = Math.max(low[i], Math.min(high[i], mean[i] + sd[i] * (float) z));
            }
        }
    }

    /** Mean particle return of every candidate; rows are blocks per model, candidate-major inside a block. */
    double[] score(float[] obs, float[][] candidates, ParticleModel.Stepper stepper) {
        int pop = candidates.length;
        int members = model.members();
        int particles = config.particles();
        int perBlock = (particles + members - 1) / members;
        int rowsPer = pop * perBlock;
        int rows = members * rowsPer;
        float[] state = new float[rows * obsDim];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(obs, 0, state, r * obsDim, obsDim);
        }
        float[] next = new float[rows * obsDim];
        float[] actions = new float[rows * actDim];
        float[] rewards = new float[rows];
        boolean[] done = new boolean[rows];
        boolean[] alive = new boolean[rows];
        double[] returns = new double[rows];
        Arrays.fill(alive, true);
        for (int t = 0; t < horizon; t++) {
            for (int r = 0; r < rows; r++) {
                int c = (r % rowsPer) / perBlock;
                System.arraycopy(candidates[c], t * actDim, actions, r * actDim, actDim);
            }
            stepper.step(state, actions, rowsPer, next, rewards);
            termination.terminatedRows(state, actions, next, rows, obsDim, actDim, done);
            for (int r = 0; r < rows; r++) {
                if (alive[r]) {
                    returns[r] += rewards[r];
                    alive[r] = !done[r];
                }
            }
            float[] swap = state;
            state = next;
            next = swap;
        }
        double[] score = new double[pop];
        int[] counted = new int[pop];
        for (int j = 0; j < members; j++) {
            for (int c = 0; c < pop; c++) {
                for (int q = 0; q < perBlock; q++) {
                    if (q * members + j >= particles) {
                        continue; // padding: blocks are equally long, particles need not divide evenly
                    }
                    score[c] += returns[j * rowsPer + c * perBlock + q];
                    counted[c]++;
                }
            }
        }
        for (int c = 0; c < pop; c++) {
            score[c] /= counted[c];
            if (!Double.isFinite(score[c])) {
                score[c] = Double.NEGATIVE_INFINITY;
            }
        }
        return score;
    }

    /** Mean and variance of the best candidates, blended with the old by the smoothing weight. */
    private void refit(float[][] candidates, double[] scores, float[] var) {
        int pop = candidates.length;
        Integer[] order = new Integer[pop];
        for (int i = 0; i < pop; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int k = config.elites();
        int n = mean.length;
        float a = (float) config.smoothing();
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (int e = 0; e < k; e++) {
                m += candidates[order[e]][i];
            }
            m /= k;
            double v = 0;
            for (int e = 0; e < k; e++) {
                double d = candidates[order[e]][i] - m;
                v += d * d;
            }
            v /= k;
            mean[i] = a * mean[i] + (1 - a) * (float) m;
            var[i] = a * var[i] + (1 - a) * (float) v;
        }
    }
}
