package dev.mbpo.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.mbpo.nn.Gradients;
import dev.mbpo.config.SacConfig;
import dev.mbpo.data.Batch;
import dev.mbpo.env.Box;
import dev.mbpo.nn.AdamOptimizer;
import dev.mbpo.nn.Mlp;
import dev.mbpo.nn.Scalars;
import dev.mbpo.rl.UpdateHalves.ActorHalf;
import dev.mbpo.rl.UpdateHalves.CriticHalf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Soft Actor-Critic (Haarnoja et al. 2018, v2): tanh-squashed Gaussian actor, twin critics
 * with Polyak-averaged targets, clipped double-Q targets masked by {@code terminated} only,
 * and a temperature tuned toward a target entropy. Log-probabilities are those of actions
 * in [-1, 1] (as SB3), so the default target entropy is -|A| for any action bounds.
 *
 * <p>Native memory: parameters live on this object's manager; every {@link #update} and
 * {@link #act} runs in its own sub-manager closed at the end. Call from one thread.
 */
public final class Sac implements Policy, AutoCloseable {
    private final SacConfig config;
    private final int obsDim;
    private final int actDim;
    private final ActionScaling scaling;
    final NDManager manager;
    private final SquashedGaussianActor actor;
    private final List<Mlp> critics;
    private final Mlp critic1;
    private final Mlp critic2;
    private final Mlp target1;
    private final Mlp target2;
    final AdamOptimizer actorOpt;
    final AdamOptimizer criticOpt;
    final ScalarAdam alphaOpt;
    private final double targetEntropy;
    private final RandomGenerator noise;
    double logAlpha;
    long updates;
    /** The second thread of {@code sac.update = parallel}, started on first use. */
    private final ParallelHalves parallel = new ParallelHalves();
    /** Tests only: how many coming actor passes get a NaN gradient (a stand-in for a transient fault). */
    int corruptActorPasses;
    /** Tests only: runs between every forward pass and its backward pass (e.g. a forced garbage collection). */
    Runnable beforeBackward = () -> { };

    /**
     * @param seed fixes the initial weights and the sampling noise
     */
    public Sac(SacConfig config, int obsDim, Box actionSpace, long seed, NDManager parent) {
        this.config = config;
        this.obsDim = obsDim;
        this.actDim = actionSpace.dim();
        this.scaling = new ActionScaling(actionSpace);
        this.manager = parent.newSubManager();
        SplittableRandom init = new SplittableRandom(seed);
        this.actor = new SquashedGaussianActor(manager, obsDim, config.hidden(), actDim, init.split());
        // Both critics in one flat array (and both targets in another): one Adam call, one
        // gradient check and one Polyak step for all twelve tensors (docs/BENCHMARKS.md).
        this.critics = Mlp.createGroup(manager, obsDim + actDim, config.hidden(), 1, Mlp.Act.RELU, true,
                List.of(init.split(), init.split()));
        this.critic1 = critics.get(0);
        this.critic2 = critics.get(1);
        List<Mlp> targets = Mlp.copyGroup(critics, manager, false);
        this.target1 = targets.get(0);
        this.target2 = targets.get(1);
        this.actorOpt = new AdamOptimizer(manager, actor.net.store(), (float) config.actorLr());
        this.criticOpt = new AdamOptimizer(manager, critic1.store(), (float) config.criticLr());
        this.alphaOpt = new ScalarAdam(config.alphaLr());
        this.targetEntropy = config.targetEntropyFor(actDim);
        this.logAlpha = Math.log(config.initialAlpha());
        this.noise = init.split();
    }

    /** Tests only: the optimisers step with the engine's kernel, as on a GPU (the CPU's fused pass writes behind the engine's back). */
    void useEngineKernels() {
        actorOpt.useEngineKernel();
        criticOpt.useEngineKernel();
    }

    /** The actor's weights now, for threads that act but do not learn ({@link ActorReplica}). */
    public ActorSnapshot snapshot(long version) {
        var params = actor.net.parameters();
        float[][] w = new float[params.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = params.get(i).toFloatArray();
        }
        return new ActorSnapshot(version, updates, w);
    }

    /** An action in the environment's bounds: the mean's when deterministic, else a sample. */
    @Override
    public float[] act(float[] obs, boolean deterministic) {
        try (NDManager m = manager.newSubManager()) {
            NDArray o = m.create(obs, new Shape(1, obsDim));
            NDArray a = deterministic ? actor.mode(o) : actor.action(o, gaussian(m, 1));
            return toEnv(a.toFloatArray());
        }
    }

    /** Actions for a block of rows (imagined rollouts), in chunks to bound native memory. */
    @Override
    public float[] actBatch(float[] obs, int rows, boolean deterministic) {
        float[] out = new float[rows * actDim];
        int chunk = 8192;
        for (int start = 0; start < rows; start += chunk) {
            int b = Math.min(chunk, rows - start);
            try (NDManager m = manager.newSubManager()) {
                NDArray o = m.create(Arrays.copyOfRange(obs, start * obsDim, (start + b) * obsDim), new Shape(b, obsDim));
                NDArray a = deterministic ? actor.mode(o) : actor.action(o, gaussian(m, b));
                System.arraycopy(toEnv(a.toFloatArray()), 0, out, start * actDim, b * actDim);
            }
        }
        return out;
    }

    /** A uniformly random action in the environment's bounds (initial exploration). */
    public float[] randomAction(RandomGenerator random) {
        return scaling.uniform(random);
    }

    /**
     * One gradient update of critics, actor and temperature on a batch. A loss that is not
     * finite is never applied (checked before its backward pass), nor is a step whose gradient
     * is not finite; the returned statistics then say so ({@link SacStats#finite()} is false).
     */
    public SacStats update(Batch b) {
        return config.simultaneous() ? updateSimultaneous(b) : updateSequential(b);
    }

    /**
     * Critic and actor losses both from the parameters before this update (rlkit; softlearning,
     * the original MBPO code, runs both train ops in one session call). Each half's step is
     * applied when its own loss and gradient are finite. With {@code sac.update = parallel} the
     * actor's half runs on a second thread ({@link ParallelHalves}) while this thread does the
     * critics'; the noise is drawn here in the same order either way, so the numbers do not change.
     */
    private SacStats updateSimultaneous(Batch b) {
        int n = b.size();
        float[] nextNoise = gaussianValues(n);
        float[] noiseNow = gaussianValues(n);
        float alpha = (float) Math.exp(logAlpha);
        if (config.update() != dev.mbpo.config.UpdateOrder.PARALLEL) {
            CriticHalf c = criticHalf(b, nextNoise, alpha, null);
            ActorHalf a = actorHalf(b, noiseNow, alpha);
            boolean criticApplied = applyCritic(c);
            boolean actorApplied = applyActor(a);
            return stats(c, criticApplied, a, actorApplied);
        }
        ParallelHalves.Outcome<ActorHalf, CriticHalf> o = parallel.run(() -> actorHalf(b, noiseNow, alpha), this::applyActor,
                targetRead -> criticHalf(b, nextNoise, alpha, targetRead), this::applyCritic);
        return stats(o.critic(), o.criticApplied(), o.actor(), o.actorApplied());
    }

    /** The critics' step (and the targets' Polyak step) when their loss and gradient are finite; else nothing. */
    private boolean applyCritic(CriticHalf c) {
        if (!c.backward() || !c.gradientFinite()) {
            return false;
        }
        criticOpt.step();
        polyak();
        updates++;
        return true;
    }

    /** The actor's and the temperature's steps when the actor's loss and gradient are finite; else nothing. */
    private boolean applyActor(ActorHalf a) {
        if (!a.backward() || !a.gradientFinite()) {
            return false;
        }
        actorOpt.step();
        if (config.autoAlpha()) {
            logAlpha = alphaOpt.step(logAlpha, -(a.meanLogProb() + targetEntropy));
        }
        return true;
    }

    /** Statistics of an update whose critics' loss was finite: a loss whose gradient was not finite reads NaN. */
    private SacStats stats(CriticHalf c, boolean criticApplied, ActorHalf a, boolean actorApplied) {
        double criticLoss = c.backward() && !criticApplied ? Double.NaN : c.loss();
        double actorLoss = a.backward() && !actorApplied ? Double.NaN : a.loss();
        String note = c.note() == null ? a.note() : a.note() == null ? c.note() : c.note() + "; " + a.note();
        return new SacStats(criticLoss, actorLoss, Math.exp(logAlpha), -a.meanLogProb(), c.meanQ(), note);
    }

    /** @param targetRead called once the actor's weights have been read (parallel mode), or null */
    private CriticHalf criticHalf(Batch b, float[] nextNoise, float alpha, Runnable targetRead) {
        try (NDManager m = manager.newSubManager()) {
            int n = b.size();
            NDArray y = target(m, b, nextNoise, alpha);
            if (targetRead != null) {
                targetRead.run(); // CPU operations have run when they return: the actor's weights are free
            }
            NDArray obsAct = m.create(UpdateHalves.joinRows(b.obs(), obsDim, toUnit(b.actions()), actDim), new Shape(n, obsDim + actDim));
            CriticHalf c = criticPass(obsAct, y);
            if (!c.backward() || c.gradientFinite()) {
                return c;
            }
            return c.withNote(UpdateHalves.recheck(() -> criticPass(obsAct, y).gradientFinite(), criticOpt, "the critics'"));
        }
    }

    /** The critics' loss and, when it is finite, its gradient on their parameters (discarded again if not finite). */
    private CriticHalf criticPass(NDArray obsAct, NDArray y) {
        try (Gradients.Recording gc = Gradients.record()) {
            List<NDArray> q = Mlp.forwardAll(critics, obsAct);
            NDArray q1 = q.get(0).squeeze(1);
            NDArray q2 = q.get(1).squeeze(1);
            NDArray loss = q1.sub(y).square().mean().add(q2.sub(y).square().mean());
            double criticLoss = loss.getFloat();
            double meanQ = q1.mean().getFloat();
            if (!Double.isFinite(criticLoss) || !Double.isFinite(meanQ)) {
                return new CriticHalf(criticLoss, meanQ, false, false, null);
            }
            beforeBackward.run();
            gc.backward(loss);
            return new CriticHalf(criticLoss, meanQ, true, criticOpt.keepGradientsIfFinite(), null);
        }
    }

    /** Runs on the helper thread in parallel mode: its own sub-manager, gradient recording and grad mode. */
    private ActorHalf actorHalf(Batch b, float[] noise, float alpha) {
        try (NDManager m = manager.newSubManager()) {
            int n = b.size();
            NDArray obs = m.create(b.obs(), new Shape(n, obsDim));
            ActorHalf a = actorPass(obs, noise, alpha);
            if (!a.backward() || a.gradientFinite()) {
                return a;
            }
            return a.withNote(UpdateHalves.recheck(() -> actorPass(obs, noise, alpha).gradientFinite(), actorOpt, "the actor's"));
        }
    }

    /** The actor's loss against the frozen critics and, when it is finite, its gradient (discarded again if not finite). */
    private ActorHalf actorPass(NDArray obs, float[] noise, float alpha) {
        List<NDArray> frozen1 = critic1.frozen();
        List<NDArray> frozen2 = critic2.frozen();
        try (Gradients.Recording gc = Gradients.record()) {
            NDList s = actor.sample(obs, noise);
            NDArray in = obs.concat(s.get(0), 1);
            NDArray q = critic1.forward(in, frozen1).minimum(critic2.forward(in, frozen2)).squeeze(1);
            NDArray loss = Scalars.mul(s.get(1), alpha).sub(q).mean();
            double actorLoss = loss.getFloat();
            double meanLogProb = s.get(1).mean().getFloat();
            if (!Double.isFinite(actorLoss) || !Double.isFinite(meanLogProb)) {
                return new ActorHalf(actorLoss, meanLogProb, false, false, null);
            }
            beforeBackward.run();
            gc.backward(loss);
            if (corruptActorPasses > 0) {
                corruptActorPasses--;
                try (NDArray g = actor.net.store().flat().getGradient()) {
                    g.set(new NDIndex("0"), Float.NaN);
                }
            }
            return new ActorHalf(actorLoss, meanLogProb, true, actorOpt.keepGradientsIfFinite(), null);
        }
    }

    /** The clipped double-Q target r + gamma (1 - terminated) (min Q' - alpha log pi) of a batch, without gradient. */
    private NDArray target(NDManager m, Batch b, float[] nextNoise, float alpha) {
        int n = b.size();
        NDArray rew = m.create(b.rewards(), new Shape(n));
        NDArray next = m.create(b.nextObs(), new Shape(n, obsDim));
        NDArray discount = m.create(discounts(b.terminated()), new Shape(n));
        NDList nextSample = actor.sample(next, nextNoise);
        NDArray nextIn = next.concat(nextSample.get(0), 1);
        NDArray minTarget = target1.forward(nextIn).minimum(target2.forward(nextIn)).squeeze(1)
                .sub(Scalars.mul(nextSample.get(1), alpha));
        return minTarget.mul(discount).add(rew);
    }

    private void polyak() {
        critic1.store().polyakInto(target1.store(), (float) config.tau()); // both critics: they share one store
    }

    /**
     * The critics' step, then the actor's loss against the critics just updated (SB3, pranz24).
     * Nothing is applied when the critics' loss or gradient is not finite.
     */
    private SacStats updateSequential(Batch b) {
        int n = b.size();
        float alpha = (float) Math.exp(logAlpha);
        CriticHalf c = criticHalf(b, gaussianValues(n), alpha, null);
        if (!applyCritic(c)) {
            return new SacStats(c.backward() ? Double.NaN : c.loss(), Double.NaN, Math.exp(logAlpha), Double.NaN, c.meanQ(), c.note());
        }
        ActorHalf a = actorHalf(b, gaussianValues(n), alpha);
        return stats(c, true, a, applyActor(a));
    }

    private NDArray gaussian(NDManager m, int rows) {
        return m.create(gaussianValues(rows), new Shape(rows, actDim));
    }

    /**
     * gamma (1 - terminated) per row, one factor made in Java: the same numbers as multiplying by
     * (1 - terminated) and then by gamma, since 1 - terminated is 0 or 1.
     */
    private float[] discounts(float[] terminated) {
        float g = (float) config.gamma();
        float[] v = new float[terminated.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (1f - terminated[i]) * g;
        }
        return v;
    }

    private float[] gaussianValues(int rows) {
        return SquashedGaussianActor.standardNormal(noise, rows * actDim);
    }

    private float[] toEnv(float[] unit) {
        return scaling.toEnv(unit);
    }

    private float[] toUnit(float[] env) {
        return scaling.toUnit(env);
    }

    /** Q-values of the first critic for actions in the environment's bounds (for views and tests). */
    public float[] q(float[] obs, float[] actions, int rows) {
        try (NDManager m = manager.newSubManager()) {
            NDArray in = m.create(obs, new Shape(rows, obsDim)).concat(m.create(toUnit(actions), new Shape(rows, actDim)), 1);
            return critic1.forward(in).toFloatArray();
        }
    }

    public double alpha() {
        return Math.exp(logAlpha);
    }

    public long updates() {
        return updates;
    }

    public SacConfig config() {
        return config;
    }

    /** The critics' learning rate now (fault recovery lowers it). */
    public double criticLearningRate() {
        return criticOpt.learningRate();
    }

    /** Scales the learning rates of actor and critics (fault recovery lowers them). */
    public void scaleLearningRates(double factor) {
        actorOpt.setLearningRate((float) (actorOpt.learningRate() * factor));
        criticOpt.setLearningRate((float) (criticOpt.learningRate() * factor));
    }

    List<NDArray> tensors() {
        List<NDArray> t = new ArrayList<>(actor.net.parameters());
        t.addAll(critic1.parameters());
        t.addAll(critic2.parameters());
        t.addAll(target1.parameters());
        t.addAll(target2.parameters());
        t.addAll(actorOpt.state());
        t.addAll(criticOpt.state());
        return t;
    }

    /** Writes networks, optimiser state and temperature to {@code dir} (sac.ndlist, sac.properties). */
    public void save(Path dir) throws IOException {
        SacFiles.save(this, dir);
    }

    /** Restores what {@link #save} wrote; the configuration must match. */
    public void load(Path dir) throws IOException {
        SacFiles.load(this, dir);
    }

    /** After the engine wrote the weights in place: recorded passes must cut their views again. */
    void forgetRecordedViews() {
        actor.net.store().forgetRecordedViews();
        critic1.store().forgetRecordedViews();
    }

    @Override
    public void close() {
        parallel.close();
        manager.close();
    }
}
