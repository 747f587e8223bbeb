package dev.mbpo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.mbpo.nn.Gradients;
import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.data.Normalizer;
import dev.mbpo.nn.AdamOptimizer;
import dev.mbpo.nn.EnsembleMlp;
import dev.mbpo.nn.Scalars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * MBPO's probabilistic dynamics ensemble, the network and its loss: each member maps
 * normalised (s, a) to the mean and log-variance of (reward, s' - s). Log-variances are kept
 * between learned soft bounds; the loss is the Gaussian NLL summed over members plus
 * 0.01 (sum maxLogVar - sum minLogVar), with per-layer L2 weight decay. Training (holdout,
 * bootstraps, early stopping, elites) is {@link EnsembleTrainer}'s; checkpoint files are
 * {@link EnsembleFiles}'.
 *
 * <p>All methods run on the session's trainer thread.
 */
public final class DynamicsEnsemble implements AutoCloseable {
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
    NDList meanAndLogVar(NDArray raw) {
        NDList parts = raw.split(2, raw.getShape().dimension() - 1);
        NDArray mean = parts.get(0);
        NDArray lv = parts.get(1);
        lv = lv.sub(maxLogVar).neg();
        lv = Activation.softPlus(lv).neg().add(maxLogVar);
        lv = Activation.softPlus(lv.sub(minLogVar)).add(minLogVar);
        return new NDList(mean, lv);
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

    /** One gradient step on a minibatch of normalised rows laid out [members, b, ...]; returns the loss (not applied when not finite). */
    double trainStep(float[] xs, float[] ys, int b) {
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
    float[] normalisedInputs(float[] obs, float[] actions, int rows) {
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
    EnsemblePrediction predictNormalised(float[] in, int rows, boolean rawUnits) {
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
    void toRawUnits(float[] mean, float[] lv) {
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

    /** A copy of {@code members} for batched per-block predictions ({@link MemberSubset}); close it after use. */
    public MemberSubset subset(int[] members) {
        return new MemberSubset(this, members);
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

    /** Every array a checkpoint keeps: weights, log-variance bounds, optimiser moments. */
    List<NDArray> tensors() {
        List<NDArray> t = new ArrayList<>(net.parameters());
        t.add(maxLogVar);
        t.add(minLogVar);
        t.addAll(optimizer.state());
        return t;
    }

    /** Writes weights, bounds, optimiser state, normalisers and elites to {@code dir} ({@link EnsembleFiles}). */
    public void save(Path dir) throws IOException {
        EnsembleFiles.save(this, dir);
    }

    /** Restores what {@link #save} wrote; the configuration must match. */
    public void load(Path dir) throws IOException {
        EnsembleFiles.load(this, dir);
    }

    // What the trainer and the checkpoint files read and set.

    /** The members' weights and biases, each with the member on its leading axis. */
    List<NDArray> memberParameters() {
        return net.parameters();
    }

    Normalizer inputNormalizer() {
        return normalizer;
    }

    Normalizer targetNormalizer() {
        return targetNormalizer;
    }

    AdamOptimizer optimizer() {
        return optimizer;
    }

    NDManager manager() {
        return manager;
    }

    EnsembleMlp network() {
        return net;
    }

    void setElites(int[] chosen) {
        elites = chosen.clone();
    }

    void setTrainings(long n) {
        trainings = n;
    }

    @Override
    public void close() {
        manager.close();
    }
}
