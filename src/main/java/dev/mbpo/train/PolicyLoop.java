package dev.mbpo.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.mbpo.config.RunConfig;
import dev.mbpo.config.SacConfig;
import dev.mbpo.data.Batch;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.env.StepResult;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.Sac;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Properties;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One loop for both algorithms, so that MBPO and its model-free baseline differ only in
 * the model branch:
 * <ul>
 *   <li>{@code sac}: collect a real step, store it, run G SAC updates once the buffer holds a
 *       batch (as pranz24's SAC);</li>
 *   <li>{@code mbpo} (Algorithm 2): after the initial random steps and then every
 *       {@code modelTrainFreq} steps, train the ensemble and branch rollouts; every real step,
 *       G SAC updates on batches that are {@code realRatio} real and the rest imagined.</li>
 * </ul>
 * Both evaluate every {@code evalEvery} steps over deterministic episodes on an environment
 * seeded apart.
 */
final class PolicyLoop implements TrainingLoop {
    /** Keep the trajectory of every n-th training episode (evaluation episodes are all kept). */
    static final int TRAIN_EPISODE_SAMPLE = 10;
    private static final long METRICS_EVERY = 250;
    /** Points per axis of the value map (33 x 33 states: one batched forward pass). */
    static final int VALUE_GRID = 33;

    private final RunConfig config;
    private final Consumer<RunEvent> events;
    private final BooleanSupplier stopRequested;
    private final PhaseTimer timer;
    private final StatsAverager stats = new StatsAverager();
    private NDManager manager;
    private Env env;
    private Evaluator evaluator;
    private Sac sac;
    private ReplayBuffer real;
    private ModelBranch model;
    private Batch batch;
    private SplittableRandom sampling;
    private SplittableRandom exploration;
    private EpisodeTracker episode;
    private RunEvent.Episode lastEval;
    private List<RunEvent.Episode> lastEvals = List.of();
    private int trainEpisodes;
    private float[] obs;
    private long step;
    private String phase = "";
    /** Tests only: poisons a batch with NaN at the steps it accepts. */
    private java.util.function.LongPredicate faultInjection;
    private FaultGuard faults;
    /** Asynchronous loop (mbpo.loop = async): the collector and model threads, and the published policy. */
    private Collector collector;
    private ModelWorker worker;
    private final java.util.concurrent.atomic.AtomicReference<dev.mbpo.rl.ActorSnapshot> published =
            new java.util.concurrent.atomic.AtomicReference<>();
    private long policyVersion;
    private long updatesSincePublish;
    private long updatesTotal;
    private final AsyncRates rates = new AsyncRates();

    void injectNaNRewardsWhen(java.util.function.LongPredicate when) {
        this.faultInjection = when;
    }

    PolicyLoop(RunConfig config, Consumer<RunEvent> events, Clock clock, BooleanSupplier stopRequested) {
        this.config = config;
        this.events = events;
        this.stopRequested = stopRequested;
        this.timer = new PhaseTimer(clock);
    }

    private boolean mbpo() {
        return "mbpo".equals(config.algorithm());
    }

    @Override
    public void begin(Path resumeFrom) throws IOException {
        SacConfig sc = config.sac();
        long seed = config.run().seed();
        SplittableRandom root = new SplittableRandom(seed);
        long envSeed = root.nextLong() >>> 1;
        long evalSeed = root.nextLong() >>> 1;
        long sacSeed = root.nextLong();
        long modelSeed = root.nextLong();
        sampling = root.split();
        exploration = root.split();
        env = Envs.make(config.env());
        evaluator = new Evaluator(Envs.make(config.env()), evalSeed);
        Device device = Engines.deviceFor(config);
        manager = NDManager.newBaseManager(device);
        sac = new Sac(sc, env.observationSpace().dim(), env.actionSpace(), sacSeed, manager);
        faults = new FaultGuard(config, env.actionSpace().dim(), events);
        real = new ReplayBuffer(Math.min(sc.bufferSize(), config.run().totalSteps()), env.observationSpace().dim(),
                env.actionSpace().dim());
        batch = Batch.allocate(sc.batchSize(), env.observationSpace().dim(), env.actionSpace().dim());
        if (mbpo()) {
            model = new ModelBranch(config, env, manager, modelSeed, events);
        }
        obs = env.reset(envSeed);
        episode = new EpisodeTracker("train", true);
        episode.start(env.state());
        if (resumeFrom != null) {
            restoreCheckpoint(resumeFrom);
            for (float r : real.all().rewards()) {
                faults.observeReward(r);
            }
        }
        if (async()) {
            published.set(sac.snapshot(++policyVersion));
            long collectorSeed = root.nextLong();
            collector = new Collector(config, env, obs, step, trainEpisodes,
                    new dev.mbpo.rl.ActorReplica(sc, env.observationSpace().dim(), env.actionSpace(), collectorSeed, manager),
                    exploration, published, events);
            worker = new ModelWorker(model, new dev.mbpo.rl.ActorReplica(sc, env.observationSpace().dim(), env.actionSpace(),
                    root.nextLong(), manager), stopRequested);
        }
        long epochSteps = mbpo() ? config.mbpo().epochLength() : config.run().evalEvery();
        events.accept(new RunEvent.Started(step, config.algorithm(), config.env(), seed, config.run().totalSteps(),
                device.toString(), epochSteps));
        enter("collect");
        if (collector != null) {
            collector.start();
        }
    }

    /** The asynchronous loop: MBPO with mbpo.loop = async (SAC runs always use the paper's sync order). */
    private boolean async() {
        return mbpo() && config.mbpo().async();
    }

    private void enter(String p) {
        if (!p.equals(phase)) {
            phase = p;
            events.accept(new RunEvent.Phase(step, p));
        }
    }

    @Override
    public boolean stepOnce() {
        if (step >= config.run().totalSteps()) {
            return false;
        }
        SacConfig sc = config.sac();
        if (model != null && model.takeNeedsRollout() && !model.due(step)) {
            enter("rollout");
            timer.start("rollout");
            model.rollout(step, real, sac);
            timer.stop();
        }
        if (async()) {
            return asyncStep();
        }
        if (model != null && model.due(step)) {
            enter("train_model");
            timer.start("model_train");
            if (!model.train(step, real, stopRequested)) {
                timer.stop();
                return true; // interrupted by a stop: the session ends the run
            }
            model.predictSegments(step, lastEval);
            model.measureHorizon(step, lastEvals);
            enter("rollout");
            timer.start("rollout");
            model.rollout(step, real, sac);
            timer.stop();
        }
        enter("collect");
        timer.start("env");
        float[] action = step < sc.initialRandomSteps() ? sac.randomAction(exploration) : sac.act(obs, false);
        for (float a : action) {
            if (!Float.isFinite(a)) {
                String detail = "the policy's action at step " + step + " is not finite: " + java.util.Arrays.toString(action);
                events.accept(new RunEvent.Fault(step, "policy_action", detail));
                throw new NumericalFault(detail);
            }
        }
        StepResult r = env.step(action);
        real.add(obs, action, r.reward(), r.observation(), r.terminated());
        faults.observeReward(r.reward());
        episode.record(action, r.reward(), env.state());
        step++;
        if (step % epochSteps() == 0) {
            faults.newEpoch();
        }
        if (r.done()) {
            finishTrainEpisode();
        } else {
            obs = r.observation();
        }
        updateAndReport();
        return step < config.run().totalSteps();
    }

    /**
     * One real transition of the asynchronous loop: hand a model training to the model thread
     * when due (with a snapshot of the real data and the policy), take the collector's next
     * transition, then run its G updates; publish the policy every mbpo.publishEvery updates.
     * The first model training is waited for (updates need a model), later ones run beside
     * the updates.
     */
    private boolean asyncStep() {
        worker.rethrowFailure();
        if (model.due(step)) {
            worker.submit(new ModelWorker.Job(step, real.copy(), lastEval, lastEvals, sac.snapshot(++policyVersion)));
            rates.modelTrainings++;
        }
        timer.start("wait_collector");
        Collector.Transition t = collector.take(stopRequested);
        timer.stop();
        if (t == null) {
            return true; // stopped: the session ends the run
        }
        if (t.seq() != step) {
            throw new IllegalStateException("collector sent transition " + t.seq() + " when " + step + " was due");
        }
        real.add(t.obs(), t.action(), t.reward(), t.nextObs(), t.terminated());
        faults.observeReward(t.reward());
        step++;
        if (step % epochSteps() == 0) {
            faults.newEpoch();
        }
        if (step > config.sac().initialRandomSteps() && !model.trained()) {
            timer.start("wait_model");
            while (!model.trained()) { // the first model training: updates cannot start without it
                worker.rethrowFailure();
                if (stopRequested.getAsBoolean()) {
                    timer.stop();
                    return true;
                }
                worker.awaitIdle(50);
            }
            timer.stop();
        }
        updateAndReport();
        return step < config.run().totalSteps();
    }

    private void updateAndReport() {
        SacConfig sc = config.sac();
        timer.start("policy_update");
        if (readyToUpdate()) {
            for (int g = 0; g < sc.updatesPerStep(); g++) {
                if (model == null) {
                    real.sampleInto(batch, 0, batch.size(), sampling);
                } else {
                    model.sampleMixed(real, batch, sampling);
                }
                if (faultInjection != null && faultInjection.test(step)) {
                    batch.rewards()[0] = Float.NaN;
                }
                dev.mbpo.rl.SacStats st = sac.update(batch);
                // A fault stops the run at once (the last checkpoint, written before this epoch, stays the
                // last good one) unless run.onFault allows recovering from it.
                if (faults.check(st, step, g, sac)) {
                    stats.add(st);
                }
                updatesTotal++;
                if (collector != null && ++updatesSincePublish >= config.mbpo().publishEvery()) {
                    published.set(sac.snapshot(++policyVersion));
                    updatesSincePublish = 0;
                }
            }
        }
        timer.stop();
        if (step % METRICS_EVERY == 0 && !stats.isEmpty()) {
            events.accept(new RunEvent.Metrics(step, stats.drain()));
        }
        if (step % config.run().evalEvery() == 0 || step == config.run().totalSteps()) {
            evaluate();
        }
    }

    private boolean readyToUpdate() {
        if (real.size() < config.sac().batchSize()) {
            return false;
        }
        return model == null || model.trained();
    }

    private void finishTrainEpisode() {
        RunEvent.Episode e = episode.finish(step);
        boolean keep = trainEpisodes++ % TRAIN_EPISODE_SAMPLE == 0;
        events.accept(keep ? e : new RunEvent.Episode(e.step(), e.kind(), e.index(), e.episodeReturn(), e.length(),
                new double[0][], new float[0][]));
        obs = env.reset();
        episode.start(env.state());
    }

    private void evaluate() {
        if (config.run().evalEpisodes() == 0) {
            return;
        }
        enter("evaluate");
        timer.start("evaluate");
        List<RunEvent.Episode> eps = evaluator.run(o -> sac.act(o, true), config.run().evalEpisodes(), step);
        timer.stop();
        eps.forEach(events);
        lastEval = eps.get(eps.size() - 1);
        lastEvals = eps;
        emitValueMap();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eval/return", Evaluator.mean(eps));
        m.put("eval/return_std", Evaluator.std(eps));
        m.putAll(timer.drainSeconds());
        m.put("time/steps_per_s", timer.stepsPerSecond(step));
        if (model != null) {
            m.put("rollout/model_buffer", (double) model.modelBuffer().size());
        }
        putMemoryStatistics(m);
        if (collector != null) {
            m.putAll(rates.drain(step, updatesTotal, model.imaginedTotal(), worker.busySeconds(), worker.jobs(),
                    policyVersion - Math.max(0, collector.policyVersion()), collector.backlog()));
        }
        events.accept(new RunEvent.Metrics(step, m));
        enter("collect");
    }

    /** The critic's value over the environment's phase plane, where it has one (teaching views). */
    private void emitValueMap() {
        env.phasePlane().ifPresent(plane -> {
            int nx = VALUE_GRID;
            int ny = VALUE_GRID;
            int obsDim = env.observationSpace().dim();
            float[] obsGrid = new float[nx * ny * obsDim];
            for (int j = 0; j < ny; j++) {
                double y = plane.yMin() + (plane.yMax() - plane.yMin()) * j / (ny - 1);
                for (int i = 0; i < nx; i++) {
                    double x = plane.xMin() + (plane.xMax() - plane.xMin()) * i / (nx - 1);
                    System.arraycopy(plane.observationAt(x, y), 0, obsGrid, (j * nx + i) * obsDim, obsDim);
                }
            }
            float[] actions = sac.actBatch(obsGrid, nx * ny, true);
            float[] q = sac.q(obsGrid, actions, nx * ny);
            events.accept(new RunEvent.ValueMap(step, nx, ny, plane.xMin(), plane.xMax(), plane.yMin(), plane.yMax(), q));
        });
    }

    /**
     * Debug statistics for memory checks and soak runs: resident memory, Java heap in use and
     * tensors alive on the session's manager (should stay flat once training is warm).
     */
    private void putMemoryStatistics(Map<String, Double> m) {
        long rss = dev.mbpo.nn.ProcessMemory.residentBytes();
        if (rss > 0) {
            m.put("debug/rss_mb", rss / (1024.0 * 1024.0));
        }
        Runtime rt = Runtime.getRuntime();
        m.put("debug/heap_mb", (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0));
        m.put("debug/heap_committed_mb", rt.totalMemory() / (1024.0 * 1024.0));
        m.put("debug/live_arrays", (double) dev.mbpo.nn.ProcessMemory.liveArrays(manager));
    }

    /** Real steps per epoch: mbpo.epochLength, or run.evalEvery for SAC. */
    @Override
    public long epochSteps() {
        return mbpo() ? config.mbpo().epochLength() : config.run().evalEvery();
    }

    /** Writes policy, ensemble, real buffer and loop counters (the model buffer is rebuilt at the next model training). */
    @Override
    public void saveCheckpoint(Path dir) throws IOException {
        if (worker != null) {
            // The ensemble must not change while it is written; a stop makes the model thread end its job within a minibatch.
            worker.awaitIdle(() -> false);
        }
        sac.save(dir.resolve("policy"));
        if (model != null) {
            model.ensemble().save(dir.resolve("ensemble"));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("real-buffer.bin"))) {
            real.save(out);
        }
        Properties p = new Properties();
        p.setProperty("step", Long.toString(step));
        p.setProperty("trainEpisodes", Integer.toString(collector != null ? collector.trainEpisodes() : trainEpisodes));
        p.setProperty("algorithm", config.algorithm());
        p.setProperty("env", config.env());
        try (OutputStream out = Files.newOutputStream(dir.resolve("loop.properties"))) {
            p.store(out, "MBPO Workbench checkpoint");
        }
    }

    /** Restores a checkpoint written by {@link #saveCheckpoint}; the next step starts a fresh episode. */
    private void restoreCheckpoint(Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("loop.properties"))) {
            p.load(in);
        }
        if (!config.algorithm().equals(p.getProperty("algorithm")) || !config.env().equals(p.getProperty("env"))) {
            throw new IOException(dir.resolve("loop.properties") + ": checkpoint of " + p.getProperty("algorithm") + " on "
                    + p.getProperty("env") + ", but the run is " + config.algorithm() + " on " + config.env());
        }
        sac.load(dir.resolve("policy"));
        if (model != null) {
            model.ensemble().load(dir.resolve("ensemble"));
        }
        try (InputStream in = Files.newInputStream(dir.resolve("real-buffer.bin"))) {
            real.load(in, dir.resolve("real-buffer.bin").toString());
        }
        try {
            step = Long.parseLong(p.getProperty("step"));
            trainEpisodes = Integer.parseInt(p.getProperty("trainEpisodes"));
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve("loop.properties") + ": malformed (" + e.getMessage() + ")", e);
        }
        if (model != null) {
            model.markTrained();
        }
        obs = env.reset();
        episode.start(env.state());
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long totalSteps() {
        return config.run().totalSteps();
    }

    @Override
    public void close() {
        if (collector != null) {
            collector.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (model != null) {
            model.close();
        }
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
