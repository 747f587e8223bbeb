package dev.mbpo.train;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.MbpoConfig;
import dev.mbpo.config.RolloutConfig;
import dev.mbpo.config.RunConfig;
import dev.mbpo.data.Batch;
import dev.mbpo.data.MixedSampler;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.model.EnsemblePrediction;
import dev.mbpo.model.EnsembleTrainer;
import dev.mbpo.model.StopReason;
import dev.mbpo.model.ModelEnv;
import dev.mbpo.model.TrainingEpoch;
import dev.mbpo.model.TrainingSummary;
import dev.mbpo.rl.Policy;
import dev.mbpo.run.RunEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * MBPO's model side (Algorithm 2, steps 1-3): train the ensemble on all real data, set the
 * rollout length from the schedule, branch M rollouts of k steps from real states through
 * random elites into the model buffer (rebuilt when k changes), and predict real segments
 * open-loop for the real-versus-imagined views.
 */
final class ModelBranch implements AutoCloseable {
    private final RunConfig config;
    private final Consumer<RunEvent> events;
    private final DynamicsEnsemble ensemble;
    private final EnsembleTrainer trainer;
    private final ModelEnv modelEnv;
    private final Env scratchEnv;
    private final SplittableRandom random;
    /** Guards the model buffer: in the asynchronous loop the model thread fills it while the learner samples it. */
    private final Object bufferLock = new Object();
    private ReplayBuffer modelBuffer;
    private MixedSampler sampler;
    private ReplayBuffer samplerBuffer;
    private int horizon;
    private volatile int trainings;
    private volatile long imaginedTotal;
    private boolean needsRollout;
    private TrainingSummary lastTraining;
    private int chosenHorizon;

    ModelBranch(RunConfig config, Env env, NDManager manager, long seed, Consumer<RunEvent> events) {
        this.config = config;
        this.events = events;
        SplittableRandom root = new SplittableRandom(seed);
        int obsDim = env.observationSpace().dim();
        int actDim = env.actionSpace().dim();
        this.ensemble = new DynamicsEnsemble(config.model(), obsDim, actDim, root.nextLong(), manager);
        this.trainer = new EnsembleTrainer(ensemble);
        this.modelEnv = new ModelEnv(ensemble, env.terminationFn(),
                config.model().analyticReward() ? env.rewardFn().orElse(null) : null);
        this.scratchEnv = Envs.make(config.env());
        this.random = root.split();
        this.modelBuffer = new ReplayBuffer(1, obsDim, actDim);
    }

    /** True when the model is trained at this step: first after the random steps, then every modelTrainFreq. */
    boolean due(long step) {
        long start = config.randomSteps();
        return step >= Math.max(start, 1) && (step - start) % config.modelTrainEvery() == 0;
    }

    boolean trained() {
        return trainings > 0;
    }

    /**
     * After a resume: the ensemble is trained, and rollouts start again right away so that
     * SAC has imagined data before its first update.
     */
    void markTrained() {
        trainings = Math.max(trainings, 1);
        needsRollout = true;
    }

    /** True once after a resume: the model buffer must be refilled before updates. */
    boolean takeNeedsRollout() {
        boolean r = needsRollout;
        needsRollout = false;
        return r;
    }

    /** Fills {@code out} with a batch that is realRatio real and the rest imagined (safe against a concurrent rollout). */
    void sampleMixed(ReplayBuffer real, Batch out, RandomGenerator random) {
        synchronized (bufferLock) {
            if (sampler == null || samplerBuffer != modelBuffer) { // rebuilt only when the model buffer is replaced
                sampler = new MixedSampler(real, modelBuffer, config.mbpo().realRatio());
                samplerBuffer = modelBuffer;
            }
            sampler.sampleInto(out, random);
        }
    }

    /** Imagined transitions added over the run (written by one thread). */
    long imaginedTotal() {
        return imaginedTotal;
    }

    ReplayBuffer modelBuffer() {
        return modelBuffer;
    }

    DynamicsEnsemble ensemble() {
        return ensemble;
    }

    /** Trains the model on all real data and reports it; false when interrupted by a stop. */
    boolean train(long step, ReplayBuffer real, BooleanSupplier stop) {
        List<Double> loss = new ArrayList<>();
        List<Double> mse = new ArrayList<>();
        List<Double> nll = new ArrayList<>();
        TrainingSummary s = trainer.train(real.all(), random, (TrainingEpoch e) -> {
            loss.add(e.trainLoss());
            mse.add(e.meanHoldoutMse());
            nll.add(e.meanHoldoutNll());
        }, stop);
        events.accept(new RunEvent.ModelTrained(step, trainings, toArray(loss), toArray(mse), toArray(nll), s.holdoutMse(),
                s.elites(), s.stopReason().label(), s.trainRows(), s.holdoutRows(), s.seconds()));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("model/holdout_mse", mse.isEmpty() ? Double.NaN : mse.get(mse.size() - 1));
        m.put("model/holdout_nll", nll.isEmpty() ? Double.NaN : nll.get(nll.size() - 1));
        m.put("model/train_loss", loss.isEmpty() ? Double.NaN : loss.get(loss.size() - 1));
        m.put("model/epochs", (double) s.epochs().size());
        m.put("model/train_s", s.seconds());
        events.accept(new RunEvent.Metrics(step, m));
        trainings++;
        checkSound(step, s);
        lastTraining = s;
        return s.stopReason() != StopReason.INTERRUPTED;
    }

    /** A model whose loss was not finite or whose predicted variance exploded stops the run (a fault event first). */
    private void checkSound(long step, TrainingSummary s) {
        RunEvent.Fault fault = ModelSoundness.unsound(step, trainings, s, ensemble.maxLogVarBound());
        if (fault != null) {
            events.accept(fault);
            throw new NumericalFault(fault.detail());
        }
    }

    private static double fraction(float[] flags) {
        double sum = 0;
        for (float f : flags) {
            sum += f;
        }
        return flags.length == 0 ? Double.NaN : sum / flags.length;
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Branches M rollouts of the scheduled length from real states into the model buffer. */
    void rollout(long step, ReplayBuffer real, Policy sac) {
        long t0 = System.nanoTime();
        MbpoConfig loop = config.mbpo();
        RolloutConfig rc = config.rollout();
        int epoch = scheduleEpoch(step, config.randomSteps(), loop.epochLength());
        boolean offline = config.algorithm() == dev.mbpo.config.Algorithm.OFFLINE;
        double penalty = offline ? config.offline().penalty() : 0;
        double uSum = 0;
        long uCount = 0;
        int k = rc.adaptiveHorizon() && chosenHorizon > 0 ? chosenHorizon : rc.horizonAt(epoch);
        double threshold = cutThreshold();
        resizeModelBuffer(k);
        int obsDim = real.obsDim();
        int actDim = real.actDim();
        int rows = rc.batchSize();
        Batch starts = Batch.allocate(rows, obsDim, actDim);
        real.sampleInto(starts, 0, rows, random);
        float[] states = starts.obs();
        int[] alive = new int[k];
        int[] cut = new int[k];
        double[][] dis = new double[4][k];
        long imagined = 0;
        long nonFiniteBranches = 0;
        long endedFirstStep = 0;
        for (int t = 0; t < k && rows > 0; t++) {
            float[] actions = sac.actBatch(states, rows, false);
            ModelEnv.Step s = offline ? modelEnv.penalised(states, actions, rows, random, penalty)
                    : modelEnv.step(states, actions, rows, random, !Double.isNaN(threshold));
            for (double u : s.uncertainty()) {
                if (Double.isFinite(u)) {
                    uSum += u;
                    uCount++;
                }
            }
            boolean[] finiteRow = BranchCut.finiteRows(s.nextObs(), s.rewards(), rows, obsDim);
            int notFinite = 0;
            for (boolean f : finiteRow) {
                notFinite += f ? 0 : 1;
            }
            if (notFinite == rows) {
                String detail = "imagined transitions at rollout step " + (t + 1) + " of step " + step
                        + " are not finite in any branch: the model's predictions exploded";
                events.accept(new RunEvent.Fault(step, "model_rollout", detail));
                throw new NumericalFault(detail);
            }
            nonFiniteBranches += notFinite;
            alive[t] = rows;
            double[] summary = ModelEnv.summarise(s.disagreement());
            for (int q = 0; q < 4; q++) {
                dis[q][t] = summary[q];
            }
            int kept = 0;
            float[] nextStates = new float[rows * obsDim];
            float[] o = new float[obsDim];
            float[] a = new float[actDim];
            float[] o2 = new float[obsDim];
            boolean[] survive = BranchCut.survivors(s.disagreement(), rows, threshold);
            synchronized (bufferLock) {
                for (int r = 0; r < rows; r++) {
                    if (!finiteRow[r]) {
                        continue; // ended: the step is not kept
                    }
                    if (!survive[r]) {
                        cut[t]++;
                        continue;
                    }
                    System.arraycopy(states, r * obsDim, o, 0, obsDim);
                    System.arraycopy(actions, r * actDim, a, 0, actDim);
                    System.arraycopy(s.nextObs(), r * obsDim, o2, 0, obsDim);
                    modelBuffer.add(o, a, s.rewards()[r], o2, s.terminated()[r]);
                    imagined++;
                    endedFirstStep += t == 0 && s.terminated()[r] ? 1 : 0;
                    if (!s.terminated()[r]) {
                        System.arraycopy(o2, 0, nextStates, kept * obsDim, obsDim);
                        kept++;
                    }
                }
            }
            states = nextStates;
            rows = kept;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        imaginedTotal += imagined;
        events.accept(new RunEvent.Rollout(step, epoch, k, rc.batchSize(), alive, dis[0], dis[1], dis[2], dis[3], imagined,
                modelBuffer.size(), modelBuffer.capacity(), seconds, cut, threshold));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rollout/horizon", (double) k);
        m.put("rollout/disagreement", dis[0].length > 0 ? dis[0][0] : Double.NaN);
        m.put("rollout/model_buffer", (double) modelBuffer.size());
        m.put("rollout/imagined_per_s", seconds > 0 ? imagined / seconds : Double.NaN);
        if (offline) {
            double u = uCount == 0 ? Double.NaN : uSum / uCount;
            m.put("offline/uncertainty", u); // MOPO's u(s, a), mean over imagined steps
            m.put("offline/penalty", penalty * u); // what the penalty took from the mean imagined reward
        }
        // Does the model end branches as often as the real task ends episodes? Imagined first steps
        // against the real transitions they start from (a model that misses falls shows here).
        m.put("rollout/ended_first_step", alive.length > 0 && alive[0] > 0 ? endedFirstStep / (double) alive[0] : Double.NaN);
        m.put("rollout/ended_real", fraction(starts.terminated()));
        if (nonFiniteBranches > 0) {
            m.put("rollout/non_finite_branches", (double) nonFiniteBranches); // ended where the model's step was not finite
        }
        if (!Double.isNaN(threshold)) {
            long cutTotal = java.util.Arrays.stream(cut).sum();
            m.put("rollout/cut_fraction", cutTotal / (double) Math.max(1, java.util.Arrays.stream(alive).sum()));
            m.put("rollout/cut_threshold", threshold);
        }
        events.accept(new RunEvent.Metrics(step, m));
    }

    /**
     * The epoch the horizon schedule reads at a real step. As in the original code, epochs count
     * from the end of the initial random steps (its epoch counter starts after the exploration),
     * so a schedule [a, b, x, y] reaches y b epochs after the random steps, not before them.
     */
    static int scheduleEpoch(long step, int initialRandomSteps, int epochLength) {
        return (int) (Math.max(0, step - initialRandomSteps) / epochLength);
    }

    /** Capacity retainEpochs * k * M * E / freq; rebuilt (keeping the newest data) when it changes. */
    private void resizeModelBuffer(int k) {
        synchronized (bufferLock) {
            resizeModelBufferLocked(k);
        }
    }

    private void resizeModelBufferLocked(int k) {
        long capacity = config.mbpo().modelBufferCapacity(config.rollout(), k);
        if (k == horizon && capacity == modelBuffer.capacity()) {
            return;
        }
        horizon = k;
        ReplayBuffer old = modelBuffer;
        ReplayBuffer fresh = new ReplayBuffer((int) Math.min(Integer.MAX_VALUE - 8, capacity), old.obsDim(), old.actDim());
        fresh.appendNewestOf(old, fresh.capacity()); // straight from the old arrays: no third copy at the peak
        modelBuffer = fresh;
    }

    /** Open-loop error and disagreement against k over many start states of the latest evaluation. */
    void measureHorizon(long step, List<RunEvent.Episode> episodes) {
        int h = config.rollout().predictionHorizon();
        if (config.rollout().predictionSegments() == 0 || episodes.isEmpty()) {
            return;
        }
        RunEvent.Horizon r = HorizonAnalysis.measure(step, ensemble, scratchEnv, episodes, h, HORIZON_STRIDE);
        if (r != null) {
            events.accept(r);
            if (config.rollout().adaptiveHorizon()) {
                chosenHorizon = BranchCut.horizonWithin(r.errorMean(), config.rollout().errorTolerance());
            }
        }
    }

    /** The disagreement above which branches are cut now; NaN when they are not (the paper's default). */
    double cutThreshold() {
        RolloutConfig rc = config.rollout();
        return switch (rc.cut()) {
            case ABSOLUTE -> rc.cutThreshold();
            case QUANTILE -> lastTraining == null ? Double.NaN : lastTraining.disagreementQuantile(rc.cutThreshold());
            case NONE -> Double.NaN;
        };
    }

    /** Steps between start states of the horizon analysis (5 evaluation episodes of 200 steps: about 175 starts). */
    static final int HORIZON_STRIDE = 5;

    /**
     * Open-loop predictions of real segments from the latest evaluation episode: each member
     * follows its own predicted means with the real actions.
     */
    void predictSegments(long step, RunEvent.Episode episode) {
        int h = config.rollout().predictionHorizon();
        int segments = config.rollout().predictionSegments();
        if (segments == 0 || episode == null || episode.length() < 2) {
            return;
        }
        int obsDim = ensemble.obsDim();
        int members = ensemble.members();
        int len = Math.min(h, episode.length() - 1);
        float[][] obs = new float[episode.states().length][];
        for (int i = 0; i < obs.length; i++) {
            scratchEnv.setState(episode.states()[i]);
            obs[i] = scratchEnv.observation();
        }
        List<RunEvent.Segment> out = new ArrayList<>();
        for (int sIdx = 0; sIdx < segments; sIdx++) {
            int start = (int) ((long) sIdx * (episode.length() - len) / Math.max(1, segments));
            float[][] real = new float[len + 1][];
            for (int t = 0; t <= len; t++) {
                real[t] = obs[start + t];
            }
            float[][][] means = new float[members][len + 1][];
            float[][][] stds = new float[members][len + 1][obsDim];
            float[][] cur = new float[members][];
            for (int mIdx = 0; mIdx < members; mIdx++) {
                means[mIdx][0] = real[0].clone();
                cur[mIdx] = real[0].clone();
            }
            double[] error = new double[len + 1];
            double[] disagreement = new double[len + 1];
            for (int t = 0; t < len; t++) {
                EnsemblePrediction p = ensemble.predictPerMember(cur, episode.actions()[start + t], 1);
                for (int mIdx = 0; mIdx < members; mIdx++) {
                    float[] next = new float[obsDim];
                    for (int d = 0; d < obsDim; d++) {
                        next[d] = cur[mIdx][d] + p.mean(mIdx, 0, d + 1);
                        stds[mIdx][t + 1][d] = p.std(mIdx, 0, d + 1);
                    }
                    means[mIdx][t + 1] = next;
                    cur[mIdx] = next;
                }
                float[][] predicted = new float[members][];
                for (int mIdx = 0; mIdx < members; mIdx++) {
                    predicted[mIdx] = means[mIdx][t + 1];
                }
                double[] es = HorizonAnalysis.errorAndSpread(predicted, 0, obsDim, real[t + 1]);
                error[t + 1] = es[0];
                disagreement[t + 1] = es[1];
            }
            out.add(new RunEvent.Segment(start, real, means, stds, error, disagreement));
        }
        events.accept(new RunEvent.Predictions(step, scratchEnv.observationLabels(), out));
    }

    @Override
    public void close() {
        scratchEnv.close();
        ensemble.close();
    }
}
