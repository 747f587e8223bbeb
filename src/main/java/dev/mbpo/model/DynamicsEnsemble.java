package dev.mbpo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.mbpo.nn.Gradients;
import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.data.Batch;
import dev.mbpo.data.Normalizer;
import dev.mbpo.nn.AdamOptimizer;
import dev.mbpo.nn.EnsembleMlp;
import dev.mbpo.nn.ParamIo;
import dev.mbpo.nn.Scalars;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * MBPO's probabilistic dynamics ensemble: each member maps normalised (s, a) to the mean
 * and log-variance of (reward, s' - s). Log-variances are kept between learned soft
 * bounds; the loss is the Gaussian NLL summed over members plus
 * 0.01 (sum maxLogVar - sum minLogVar), with per-layer L2 weight decay. Each member trains
 * on its own bootstrap of the data; a holdout set decides early stopping and the elites.
 * Training warm-starts from the current weights, as the original code does.
 *
 * <p>All methods run on the session's trainer thread.
 */
public final class DynamicsEnsemble implements AutoCloseable {
    /** Stop reason of a training cut short by a loss that was not finite (that step was not applied). */
    public static final String NON_FINITE = "non-finite loss";
    /**
     * Rows per forward pass in prediction. Small enough that no prediction allocates more than
     * [7, 1024, 200] floats (5.7 MiB) at once: the native allocator keeps its high-water mark,
     * so larger chunks made resident memory grow with the holdout set (docs/BENCHMARKS.md).
     */
    static final int PREDICT_CHUNK = 1024;

    private final EnsembleConfig config;
    private final int obsDim;
    private final int actDim;
    private final int inDim;
    private final int outDim;
    private final NDManager manager;
    private final EnsembleMlp net;
    private final NDArray maxLogVar;
    private final NDArray minLogVar;
    /** The loss's constant factors (nn.Scalars): the member count and the log-variance bounds' 0.01. */
    private final NDArray memberCount;
    private final NDArray boundsWeight;
    private final AdamOptimizer optimizer;
    private final Normalizer normalizer;
    /** Standardises (reward, delta) targets when {@code normalizeTargets} is on; identity otherwise. */
    private final Normalizer targetNormalizer;
    private int[] elites;
    private long trainings;
    /** Tests only: runs between every training step's forward pass and its backward pass. */
    Runnable beforeBackward = () -> { };

    public DynamicsEnsemble(EnsembleConfig config, int obsDim, int actDim, long seed, NDManager parent) {
        this.config = config;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.inDim = obsDim + actDim;
        this.outDim = 1 + obsDim;
        this.manager = parent.newSubManager();
        this.memberCount = Scalars.constant(manager, config.members());
        this.boundsWeight = Scalars.constant(manager, 0.01f);
        this.net = EnsembleMlp.create(manager, config.members(), inDim, config.hidden(), 2 * outDim, new SplittableRandom(seed));
        float[] hi = new float[outDim];
        float[] lo = new float[outDim];
        Arrays.fill(hi, 0.5f);
        Arrays.fill(lo, -10f);
        this.maxLogVar = manager.create(hi, new Shape(1, 1, outDim));
        this.minLogVar = manager.create(lo, new Shape(1, 1, outDim));
        maxLogVar.setRequiresGradient(true);
        minLogVar.setRequiresGradient(true);
        List<NDArray> params = new ArrayList<>(net.parameters());
        params.add(maxLogVar);
        params.add(minLogVar);
        float[] decay = new float[params.size()];
        for (int l = 0; l < net.layers(); l++) {
            decay[2 * l] = (float) config.decayOf(l); // weights only; biases and bounds are not decayed
        }
        this.optimizer = new AdamOptimizer(manager, params, (float) config.lr(), decay);
        this.normalizer = new Normalizer(inDim);
        this.targetNormalizer = new Normalizer(outDim);
        this.elites = new int[config.elites()];
        for (int i = 0; i < elites.length; i++) {
            elites[i] = i;
        }
    }

    /** Mean and bounded log-variance from raw outputs [..., 2D] (split on the last axis). */
    private NDList meanAndLogVar(NDArray raw) {
        NDList parts = raw.split(2, raw.getShape().dimension() - 1);
        NDArray mean = parts.get(0);
        NDArray lv = parts.get(1);
        lv = lv.sub(maxLogVar).neg();
        lv = Activation.softPlus(lv).neg().add(maxLogVar);
        lv = Activation.softPlus(lv.sub(minLogVar)).add(minLogVar);
        return new NDList(mean, lv);
    }

    /**
     * Trains on all of {@code data} (warm start): holdout split, bootstraps, epochs until
     * early stop or a cap; then picks the elites.
     *
     * @param onEpoch called after every epoch
     * @param stop    polled between minibatches; true interrupts the training
     */
    public TrainingSummary train(Batch data, RandomGenerator random, Consumer<TrainingEpoch> onEpoch, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        int n = data.size();
        if (n < 2) {
            throw new IllegalStateException("the ensemble needs at least 2 transitions to train, has " + n);
        }
        float[] inputs = new float[n * inDim];
        float[] targets = new float[n * outDim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.obs(), i * obsDim, inputs, i * inDim, obsDim);
            System.arraycopy(data.actions(), i * actDim, inputs, i * inDim + obsDim, actDim);
            targets[i * outDim] = data.rewards()[i];
            for (int d = 0; d < obsDim; d++) {
                targets[i * outDim + 1 + d] = data.nextObs()[i * obsDim + d] - data.obs()[i * obsDim + d];
            }
        }
        if (!allFinite(inputs) || !allFinite(targets)) {
            // Refused before anything changes (normalisers included): the model stays as it was.
            double[] none = new double[config.members()];
            Arrays.fill(none, Double.NaN);
            return new TrainingSummary(List.of(), elites == null ? new int[0] : elites.clone(), none, NON_FINITE, 0, 0,
                    (System.nanoTime() - t0) / 1e9, new double[0]);
        }
        int[] perm = permutation(n, random);
        int nHold = Math.max(1, Math.min(config.maxHoldout(), (int) (n * config.holdoutRatio())));
        int nTrain = n - nHold;
        if (nTrain < 1) {
            throw new IllegalStateException("no rows left to train on after holding out " + nHold + " of " + n);
        }
        int[] holdout = Arrays.copyOfRange(perm, 0, nHold);
        int[] train = Arrays.copyOfRange(perm, nHold, n);
        normalizer.fit(gather(inputs, inDim, train), nTrain);
        normalizer.apply(inputs, n);
        if (config.normalizeTargets()) {
            targetNormalizer.fit(gather(targets, outDim, train), nTrain);
            targetNormalizer.apply(targets, n);
        }
        float[] holdIn = gather(inputs, inDim, holdout);
        float[] holdOut = gather(targets, outDim, holdout);

        int members = config.members();
        int[][] boot = new int[members][nTrain];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < nTrain; i++) {
                boot[m][i] = train[random.nextInt(nTrain)];
            }
        }
        double[] best = new double[members];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        List<TrainingEpoch> epochs = new ArrayList<>();
        int sinceImproved = 0;
        String reason = "early stop";
        double[][] lastHold = null;
        boolean holdFresh = false; // lastHold was measured on the weights as they are now
        int batch = config.batchSize();
        for (int epoch = 0; ; epoch++) {
            for (int m = 0; m < members; m++) {
                shuffle(boot[m], random);
            }
            double lossSum = 0;
            int batches = 0;
            boolean interrupted = false;
            boolean nonFinite = false;
            for (int start = 0; start < nTrain; start += batch) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                int b = Math.min(batch, nTrain - start);
                float[] xs = new float[members * b * inDim];
                float[] ys = new float[members * b * outDim];
                for (int m = 0; m < members; m++) {
                    for (int k = 0; k < b; k++) {
                        int row = boot[m][start + k];
                        System.arraycopy(inputs, row * inDim, xs, (m * b + k) * inDim, inDim);
                        System.arraycopy(targets, row * outDim, ys, (m * b + k) * outDim, outDim);
                    }
                }
                double loss = step(xs, ys, b);
                holdFresh = false;
                if (!Double.isFinite(loss)) {
                    nonFinite = true;
                    break;
                }
                lossSum += loss;
                batches++;
            }
            if (interrupted) {
                reason = "interrupted";
                break;
            }
            if (nonFinite) {
                reason = NON_FINITE;
                break;
            }
            lastHold = holdoutErrors(holdIn, holdOut, nHold);
            holdFresh = true;
            boolean improved = false;
            for (int m = 0; m < members; m++) {
                double cur = lastHold[0][m];
                if (best[m] == Double.POSITIVE_INFINITY || (best[m] - cur) / best[m] > config.improvement()) {
                    best[m] = cur;
                    improved = true;
                }
            }
            sinceImproved = improved ? 0 : sinceImproved + 1;
            TrainingEpoch te = new TrainingEpoch(epoch, lossSum / Math.max(1, batches), lastHold[0], lastHold[1], improved);
            epochs.add(te);
            onEpoch.accept(te);
            if (sinceImproved > config.patience()) {
                break;
            }
            if (config.maxEpochs() > 0 && epoch + 1 >= config.maxEpochs()) {
                reason = "max epochs";
                break;
            }
            if (config.maxTrainSeconds() > 0 && (System.nanoTime() - t0) / 1e9 >= config.maxTrainSeconds()) {
                reason = "time cap";
                break;
            }
        }
        if (!holdFresh) {
            lastHold = holdoutErrors(holdIn, holdOut, nHold);
        }
        elites = bestMembers(lastHold[0], config.elites());
        trainings++;
        double[] holdDis = lastHold[2]; // from the same prediction as the holdout errors: no second pass
        Arrays.sort(holdDis);
        return new TrainingSummary(epochs, elites.clone(), lastHold[0], reason, nTrain, nHold, (System.nanoTime() - t0) / 1e9,
                holdDis);
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The largest upper bound on predicted log-variance over outputs (learned; starts at 0.5).
     * The predicted variance cannot exceed exp of this, so its growth is what an exploding
     * model variance looks like.
     */
    public float maxLogVarBound() {
        float[] v = maxLogVar.toFloatArray();
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Float.isNaN(x) ? Float.NaN : Math.max(m, x);
        }
        return m;
    }

    /** One gradient step on a minibatch laid out [members, b, ...]; returns the loss. */
    private double step(float[] xs, float[] ys, int b) {
        int members = config.members();
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(xs, new Shape(members, b, inDim));
            NDArray y = m.create(ys, new Shape(members, b, outDim));
            double loss;
            try (Gradients.Recording gc = Gradients.record()) {
                NDList ml = meanAndLogVar(net.forward(x));
                NDArray mean = ml.get(0);
                NDArray lv = ml.get(1);
                // Per member: mean over rows and outputs of (mu - y)^2 / var + log var; summed over members.
                NDArray nll = mean.sub(y).square().mul(lv.neg().exp()).add(lv).mean().mul(memberCount);
                // sum() of a parameter lands on the parameters' manager: move it to this step's.
                NDArray hiSum = maxLogVar.sum();
                hiSum.attach(m);
                NDArray loSum = minLogVar.sum();
                loSum.attach(m);
                NDArray bounds = hiSum.sub(loSum).mul(boundsWeight);
                NDArray total = nll.add(bounds);
                loss = total.getFloat();
                if (!Double.isFinite(loss)) {
                    return loss; // never applied: no backward pass, no step
                }
                beforeBackward.run();
                gc.backward(total);
            }
            optimizer.step();
            return loss;
        }
    }

    /**
     * [0] holdout MSE per member, [1] holdout Gaussian NLL per member (mean over rows and outputs),
     * both in the standardised target space; [2] each held-out row's disagreement in raw units as
     * rollouts see it ({@link EnsemblePrediction#disagreement} of the raw means: a standard
     * deviation across members scales with the target's standard deviation, its mean cancels).
     */
    private double[][] holdoutErrors(float[] holdIn, float[] holdOut, int rows) {
        int members = config.members();
        double[] mse = new double[members];
        double[] nll = new double[members];
        double[] disagreement = new double[rows];
        float[] rawScale = config.normalizeTargets() ? targetNormalizer.std() : null;
        for (int start = 0; start < rows; start += PREDICT_CHUNK) {
            int b = Math.min(PREDICT_CHUNK, rows - start);
            EnsemblePrediction p = predictNormalised(Arrays.copyOfRange(holdIn, start * inDim, (start + b) * inDim), b, false);
            for (int r = 0; r < b; r++) {
                disagreement[start + r] = p.disagreement(r, rawScale);
            }
            for (int mIdx = 0; mIdx < members; mIdx++) {
                for (int r = 0; r < b; r++) {
                    for (int d = 0; d < outDim; d++) {
                        double y = holdOut[(start + r) * outDim + d];
                        double mu = p.mean()[mIdx][r * outDim + d];
                        double lv = p.logVar()[mIdx][r * outDim + d];
                        double e2 = (mu - y) * (mu - y);
                        mse[mIdx] += e2;
                        nll[mIdx] += e2 * Math.exp(-lv) + lv;
                    }
                }
            }
        }
        double count = (double) rows * outDim;
        for (int mIdx = 0; mIdx < members; mIdx++) {
            mse[mIdx] /= count;
            nll[mIdx] /= count;
        }
        return new double[][] {mse, nll, disagreement};
    }

    /** Predictions of every member for raw (unnormalised) states and actions. */
    public EnsemblePrediction predict(float[] obs, float[] actions, int rows) {
        float[] in = normalisedInputs(obs, actions, rows);
        if (rows <= PREDICT_CHUNK) {
            return predictNormalised(in, rows, true);
        }
        int members = config.members();
        float[][] mean = new float[members][rows * outDim];
        float[][] lv = new float[members][rows * outDim];
        for (int start = 0; start < rows; start += PREDICT_CHUNK) {
            int b = Math.min(PREDICT_CHUNK, rows - start);
            EnsemblePrediction p = predictNormalised(Arrays.copyOfRange(in, start * inDim, (start + b) * inDim), b, true);
            for (int m = 0; m < members; m++) {
                System.arraycopy(p.mean()[m], 0, mean[m], start * outDim, b * outDim);
                System.arraycopy(p.logVar()[m], 0, lv[m], start * outDim, b * outDim);
            }
        }
        return new EnsemblePrediction(members, rows, outDim, mean, lv);
    }

    /** Rows of (state, action) for raw states and actions, normalised as the network sees them. */
    private float[] normalisedInputs(float[] obs, float[] actions, int rows) {
        float[] in = new float[rows * inDim];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(obs, i * obsDim, in, i * inDim, obsDim);
            System.arraycopy(actions, i * actDim, in, i * inDim + obsDim, actDim);
        }
        normalizer.apply(in, rows);
        return in;
    }

    /**
     * The prediction of one given member per row ({@code member[r]}), for raw states and
     * actions: what a rollout samples from, computed without the members it does not use
     * (rows are grouped by member, one forward pass per member used).
     */
    public SampledPrediction predictSampled(float[] obs, float[] actions, int rows, int[] member) {
        float[] in = normalisedInputs(obs, actions, rows);
        int members = config.members();
        int[] count = new int[members];
        for (int r = 0; r < rows; r++) {
            if (member[r] < 0 || member[r] >= members) {
                throw new IllegalArgumentException("row " + r + " names member " + member[r] + " of " + members);
            }
            count[member[r]]++;
        }
        float[] mean = new float[rows * outDim];
        float[] lv = new float[rows * outDim];
        for (int m = 0; m < members; m++) {
            if (count[m] == 0) {
                continue;
            }
            int[] mine = new int[count[m]];
            for (int r = 0, k = 0; r < rows; r++) {
                if (member[r] == m) {
                    mine[k++] = r;
                }
            }
            for (int start = 0; start < mine.length; start += PREDICT_CHUNK) {
                int b = Math.min(PREDICT_CHUNK, mine.length - start);
                float[] x = new float[b * inDim];
                for (int k = 0; k < b; k++) {
                    System.arraycopy(in, mine[start + k] * inDim, x, k * inDim, inDim);
                }
                float[] mu;
                float[] v;
                try (NDManager sub = manager.newSubManager()) {
                    NDList ml = meanAndLogVar(net.forwardMember(sub.create(x, new Shape(b, inDim)), m));
                    mu = ml.get(0).toFloatArray();
                    v = ml.get(1).toFloatArray();
                }
                toRawUnits(mu, v);
                for (int k = 0; k < b; k++) {
                    System.arraycopy(mu, k * outDim, mean, mine[start + k] * outDim, outDim);
                    System.arraycopy(v, k * outDim, lv, mine[start + k] * outDim, outDim);
                }
            }
        }
        return new SampledPrediction(rows, outDim, mean, lv);
    }

    /**
     * Predictions where every member gets its own inputs (open-loop rollouts per member):
     * {@code obs} is [members][rows * obsDim], actions are shared [rows * actDim].
     */
    public EnsemblePrediction predictPerMember(float[][] obs, float[] actions, int rows) {
        int members = config.members();
        float[] in = new float[members * rows * inDim];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(obs[m], i * obsDim, in, (m * rows + i) * inDim, obsDim);
                System.arraycopy(actions, i * actDim, in, (m * rows + i) * inDim + obsDim, actDim);
            }
        }
        normalizer.apply(in, members * rows);
        try (NDManager sub = manager.newSubManager()) {
            NDList ml = meanAndLogVar(net.forward(sub.create(in, new Shape(members, rows, inDim))));
            return split(ml, rows, true);
        }
    }

    /**
     * Every member on the same normalised inputs. {@code rawUnits}: convert outputs back from
     * the standardised target space (holdout errors are measured in that space, so they skip it).
     */
    private EnsemblePrediction predictNormalised(float[] in, int rows, boolean rawUnits) {
        try (NDManager sub = manager.newSubManager()) {
            NDList ml = meanAndLogVar(net.forward(sub.create(in, new Shape(1, rows, inDim))));
            return split(ml, rows, rawUnits);
        }
    }

    private EnsemblePrediction split(NDList ml, int rows, boolean rawUnits) {
        int members = config.members();
        float[] mean = ml.get(0).toFloatArray();
        float[] lv = ml.get(1).toFloatArray();
        if (rawUnits) {
            toRawUnits(mean, lv);
        }
        float[][] means = new float[members][];
        float[][] lvs = new float[members][];
        int per = rows * outDim;
        for (int m = 0; m < members; m++) {
            means[m] = Arrays.copyOfRange(mean, m * per, (m + 1) * per);
            lvs[m] = Arrays.copyOfRange(lv, m * per, (m + 1) * per);
        }
        return new EnsemblePrediction(members, rows, outDim, means, lvs);
    }

    /** Converts means and log-variances, rows of outDim, from the standardised target space in place. */
    private void toRawUnits(float[] mean, float[] lv) {
        if (!config.normalizeTargets()) {
            return;
        }
        float[] mu = targetNormalizer.mean();
        float[] sd = targetNormalizer.std();
        float[] logVarShift = new float[outDim];
        for (int d = 0; d < outDim; d++) {
            logVarShift[d] = (float) (2 * Math.log(sd[d]));
        }
        for (int i = 0; i < mean.length; i++) {
            int d = i % outDim;
            mean[i] = mean[i] * sd[d] + mu[d];
            lv[i] = lv[i] + logVarShift[d];
        }
    }

    static int[] bestMembers(double[] errors, int k) {
        Integer[] idx = new Integer[errors.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(errors[a], errors[b]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static int[] permutation(int n, RandomGenerator random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    private static void shuffle(int[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float[] gather(float[] src, int width, int[] rows) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(src, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    public int[] elites() {
        return elites.clone();
    }

    public int members() {
        return config.members();
    }

    public int obsDim() {
        return obsDim;
    }

    public int actDim() {
        return actDim;
    }

    public long trainings() {
        return trainings;
    }

    public EnsembleConfig config() {
        return config;
    }

    private List<NDArray> tensors() {
        List<NDArray> t = new ArrayList<>(net.parameters());
        t.add(maxLogVar);
        t.add(minLogVar);
        t.addAll(optimizer.state());
        return t;
    }

    /** Writes weights, bounds, optimiser state, normaliser and elites to {@code dir}. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("ensemble.ndlist"))) {
            ParamIo.save(tensors(), out);
        }
        Properties p = new Properties();
        p.setProperty("normalizer.mean", join(normalizer.mean()));
        p.setProperty("normalizer.std", join(normalizer.std()));
        p.setProperty("targetNormalizer.mean", join(targetNormalizer.mean()));
        p.setProperty("targetNormalizer.std", join(targetNormalizer.std()));
        p.setProperty("elites", Arrays.toString(elites).replaceAll("[\\[\\] ]", ""));
        p.setProperty("adam.steps", Long.toString(optimizer.steps()));
        p.setProperty("trainings", Long.toString(trainings));
        try (OutputStream out = Files.newOutputStream(dir.resolve("ensemble.properties"))) {
            p.store(out, "dynamics ensemble state");
        }
    }

    /** Restores what {@link #save} wrote; the configuration must match. */
    public void load(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("ensemble.ndlist"))) {
            ParamIo.load(tensors(), in, manager, dir.resolve("ensemble.ndlist").toString());
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("ensemble.properties"))) {
            p.load(in);
        }
        try {
            normalizer.set(parse(p.getProperty("normalizer.mean")), parse(p.getProperty("normalizer.std")));
            targetNormalizer.set(parse(p.getProperty("targetNormalizer.mean")), parse(p.getProperty("targetNormalizer.std")));
            elites = Arrays.stream(p.getProperty("elites").split(",")).mapToInt(Integer::parseInt).toArray();
            optimizer.setSteps(Long.parseLong(p.getProperty("adam.steps")));
            trainings = Long.parseLong(p.getProperty("trainings"));
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve("ensemble.properties") + ": missing or malformed value (" + e.getMessage() + ")", e);
        }
    }

    private static String join(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        return sb.toString();
    }

    private static float[] parse(String s) {
        String[] parts = s.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return v;
    }

    @Override
    public void close() {
        manager.close();
    }
}
