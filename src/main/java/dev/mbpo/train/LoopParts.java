package dev.mbpo.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.mbpo.config.RunConfig;
import dev.mbpo.config.SacConfig;
import dev.mbpo.data.Batch;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.Sac;
import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What a run's loop is made of, built in the one order that the seed fixes: the seeds of
 * the training and evaluation environments, of SAC and of the ensemble, then the sampling
 * and exploration streams, all drawn from one root generator. Also the loop's counters,
 * which checkpoints save and restore. Owned by the trainer thread.
 */
final class LoopParts implements AutoCloseable {
    final RunConfig config;
    /** The root generator; the asynchronous loop draws its threads' seeds from it after the others. */
    final SplittableRandom root;
    final SplittableRandom sampling;
    final SplittableRandom exploration;
    final Env env;
    final Evaluator evaluator;
    final Device device;
    final NDManager manager;
    final Sac sac;
    final FaultGuard faults;
    /** The real transitions: collected by the loop, or an offline run's fixed dataset. */
    final ReplayBuffer real;
    final Batch batch;
    /** The model side, null for the model-free baseline. */
    final ModelBranch model;
    final EpisodeTracker episode = new EpisodeTracker(EpisodeKind.TRAIN, true);

    float[] obs;
    long step;
    int trainEpisodes;
    RunEvent.Episode lastEval;
    List<RunEvent.Episode> lastEvals = List.of();

    LoopParts(RunConfig config, Consumer<RunEvent> events) {
        this(config, events, Envs::make);
    }

    /** @param envs makes the training environment, then the evaluation one (tests count their steps) */
    LoopParts(RunConfig config, Consumer<RunEvent> events, java.util.function.Function<String, Env> envs) {
        this.config = config;
        SacConfig sc = config.sac();
        root = new SplittableRandom(config.run().seed());
        long envSeed = root.nextLong() >>> 1;
        long evalSeed = root.nextLong() >>> 1;
        long sacSeed = root.nextLong();
        long modelSeed = root.nextLong();
        sampling = root.split();
        exploration = root.split();
        env = envs.apply(config.env());
        evaluator = new Evaluator(envs.apply(config.env()), evalSeed);
        device = Engines.deviceFor(config);
        manager = NDManager.newBaseManager(device);
        int obsDim = env.observationSpace().dim();
        int actDim = env.actionSpace().dim();
        sac = new Sac(sc, obsDim, env.actionSpace(), sacSeed, manager);
        faults = new FaultGuard(config, actDim, events);
        real = config.algorithm() == dev.mbpo.config.Algorithm.OFFLINE ? OfflineDataset.load(config, obsDim, actDim).transitions()
                : new ReplayBuffer(Math.min(sc.bufferSize(), config.run().totalSteps()), obsDim, actDim);
        batch = Batch.allocate(sc.batchSize(), obsDim, actDim);
        model = config.algorithm().learnsModel() ? new ModelBranch(config, env, manager, modelSeed, events) : null;
        obs = env.reset(envSeed);
        episode.start(env.state());
    }

    /** The run's first event (or a resumed run's). */
    RunEvent.Started started() {
        return new RunEvent.Started(step, config.algorithm(), config.env(), config.run().seed(), config.run().totalSteps(),
                device.toString(), config.epochSteps());
    }

    /** Counts one real step taken; a new epoch resets the fault guard's per-epoch allowance. */
    void countStep() {
        step++;
        if (step % config.epochSteps() == 0) {
            faults.newEpoch();
        }
    }

    /** True once the step count reaches the run's length. */
    boolean done() {
        return step >= config.run().totalSteps();
    }

    /** The next episode starts on the training environment (after an episode ended, or after a restore). */
    void resetEpisode() {
        obs = env.reset();
        episode.start(env.state());
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
        evaluator.close();
        env.close();
        manager.close();
    }
}
