package dev.mbpo.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mbpo.config.SacConfig;
import dev.mbpo.env.Box;
import dev.mbpo.nn.ParamIo;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A copy of SAC's actor for a thread that acts but does not learn (the asynchronous
 * collector, the model thread's rollouts): its own manager and noise, weights loaded from the
 * learner's latest {@link ActorSnapshot}. Inference only; call from one thread.
 */
public final class ActorReplica implements Policy, AutoCloseable {
    private final NDManager manager;
    private final SquashedGaussianActor actor;
    private final ActionScaling scaling;
    private final int obsDim;
    private final int actDim;
    private final RandomGenerator noise;
    private long version = -1;

    public ActorReplica(SacConfig config, int obsDim, Box actionSpace, long noiseSeed, NDManager parent) {
        this.manager = parent.newSubManager();
        this.obsDim = obsDim;
        this.actDim = actionSpace.dim();
        this.actor = new SquashedGaussianActor(manager, obsDim, config.hidden(), actDim, new SplittableRandom(0));
        this.scaling = new ActionScaling(actionSpace);
        this.noise = new SplittableRandom(noiseSeed);
    }

    /** Loads the snapshot's weights when it is newer than what this replica holds; true when it loaded. */
    public boolean load(ActorSnapshot s) {
        if (s == null || s.version() <= version) {
            return false;
        }
        var params = actor.net.parameters();
        if (params.size() != s.size()) {
            throw new IllegalArgumentException("snapshot has " + s.size() + " weights, the actor " + params.size());
        }
        ParamIo.assign(params, s.weights(), manager); // into the views' shared storage
        version = s.version();
        return true;
    }

    /** Version of the snapshot loaded last (-1: none yet). */
    public long version() {
        return version;
    }

    /** A uniformly random action in the environment's bounds (initial exploration), as {@link Sac#randomAction}. */
    public float[] randomAction(RandomGenerator random) {
        return scaling.uniform(random);
    }

    @Override
    public float[] act(float[] obs, boolean deterministic) {
        return actBatch(obs, 1, deterministic);
    }

    @Override
    public float[] actBatch(float[] obs, int rows, boolean deterministic) {
        try (NDManager m = manager.newSubManager()) {
            NDArray o = m.create(obs, new Shape(rows, obsDim));
            NDArray a = deterministic ? actor.mode(o) : actor.action(o, gaussian(m, rows));
            return scaling.toEnv(a.toFloatArray());
        }
    }

    private NDArray gaussian(NDManager m, int rows) {
        return m.create(SquashedGaussianActor.standardNormal(noise, rows * actDim), new Shape(rows, actDim));
    }

    @Override
    public void close() {
        manager.close();
    }
}
