package dev.mbpo.train;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.RunConfig;
import dev.mbpo.config.SacConfig;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.env.StepResult;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.Sac;
import dev.mbpo.rl.SacStats;
import dev.mbpo.run.RunEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The model-free baseline: collect one real step, store it, run {@code updatesPerStep} SAC
 * updates once the buffer holds a batch (as pranz24's SAC), evaluate every
 * {@code evalEvery} steps over deterministic episodes on an environment seeded apart.
 */
final class SacLoop implements TrainingLoop {
    /** Keep the trajectory of every n-th training episode (evaluation episodes are all kept). */
    static final int TRAIN_EPISODE_SAMPLE = 10;
    private static final long METRICS_EVERY = 250;

    private final RunConfig config;
    private final Consumer<RunEvent> events;
    private final Clock clock;
    private NDManager manager;
    private Env env;
    private Evaluator evaluator;
    private Sac sac;
    private ReplayBuffer buffer;
    private SplittableRandom sampling;
    private SplittableRandom exploration;
    private final StatsAverager stats = new StatsAverager();
    private final PhaseTimer timer;
    private EpisodeTracker episode;
    private int trainEpisodes;
    private float[] obs;
    private long step;
    private SacStats lastStats;

    SacLoop(RunConfig config, Consumer<RunEvent> events, Clock clock) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.timer = new PhaseTimer(clock);
    }

    @Override
    public void begin() {
        SacConfig sc = config.sac();
        long seed = config.run().seed();
        SplittableRandom root = new SplittableRandom(seed);
        long envSeed = root.nextLong() >>> 1;
        long evalSeed = root.nextLong() >>> 1;
        long sacSeed = root.nextLong();
        sampling = root.split();
        exploration = root.split();
        env = Envs.make(config.env());
        evaluator = new Evaluator(Envs.make(config.env()), evalSeed);
        manager = NDManager.newBaseManager(Engines.device());
        sac = new Sac(sc, env.observationSpace().dim(), env.actionSpace(), sacSeed, manager);
        buffer = new ReplayBuffer(Math.min(sc.bufferSize(), config.run().totalSteps()), env.observationSpace().dim(),
                env.actionSpace().dim());
        obs = env.reset(envSeed);
        episode = new EpisodeTracker("train", true);
        episode.start(env.state());
        events.accept(new RunEvent.Started(0, config.algorithm(), config.env(), seed, config.run().totalSteps(),
                Engines.device().toString(), config.run().evalEvery()));
        events.accept(new RunEvent.Phase(0, "collect"));
    }

    @Override
    public boolean stepOnce() {
        if (step >= config.run().totalSteps()) {
            return false;
        }
        SacConfig sc = config.sac();
        timer.start("env");
        float[] action = step < sc.initialRandomSteps() ? sac.randomAction(exploration) : sac.act(obs, false);
        StepResult r = env.step(action);
        buffer.add(obs, action, r.reward(), r.observation(), r.terminated());
        episode.record(action, r.reward(), env.state());
        step++;
        if (r.done()) {
            RunEvent.Episode e = episode.finish(step);
            boolean keep = trainEpisodes++ % TRAIN_EPISODE_SAMPLE == 0;
            events.accept(keep ? e : new RunEvent.Episode(e.step(), e.kind(), e.index(), e.episodeReturn(), e.length(),
                    new double[0][], new float[0][]));
            obs = env.reset();
            episode.start(env.state());
        } else {
            obs = r.observation();
        }
        timer.start("policy_update");
        if (buffer.size() >= sc.batchSize()) {
            for (int g = 0; g < sc.updatesPerStep(); g++) {
                lastStats = sac.update(buffer.sample(sc.batchSize(), sampling));
                stats.add(lastStats);
            }
        }
        timer.stop();
        if (step % METRICS_EVERY == 0 && !stats.isEmpty()) {
            events.accept(new RunEvent.Metrics(step, stats.drain()));
        }
        if (step % config.run().evalEvery() == 0 || step == config.run().totalSteps()) {
            evaluate();
        }
        return step < config.run().totalSteps();
    }

    private void evaluate() {
        if (config.run().evalEpisodes() == 0) {
            return;
        }
        events.accept(new RunEvent.Phase(step, "evaluate"));
        timer.start("evaluate");
        List<RunEvent.Episode> eps = evaluator.run(o -> sac.act(o, true), config.run().evalEpisodes(), step);
        timer.stop();
        eps.forEach(events);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eval/return", Evaluator.mean(eps));
        m.put("eval/return_std", Evaluator.std(eps));
        m.putAll(timer.drainSeconds());
        m.put("time/steps_per_s", timer.stepsPerSecond(step));
        events.accept(new RunEvent.Metrics(step, m));
        events.accept(new RunEvent.Phase(step, "collect"));
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long totalSteps() {
        return config.run().totalSteps();
    }

    /** The learner, for tests and checkpoints. */
    Sac sac() {
        return sac;
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
