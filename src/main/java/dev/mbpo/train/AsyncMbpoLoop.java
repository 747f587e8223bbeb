package dev.mbpo.train;

import dev.mbpo.config.RunConfig;
import dev.mbpo.rl.ActorReplica;
import dev.mbpo.rl.ActorSnapshot;
import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * MBPO with {@code mbpo.loop = async}: the same steps as {@link MbpoLoop} on three threads. A
 * {@link Collector} steps the real environment with the latest published policy, a
 * {@link ModelWorker} trains the ensemble and branches rollouts, and this loop, on the
 * trainer thread, takes the collector's transitions in order and runs the G updates for each.
 * The policy is published every {@code mbpo.publishEvery} updates. Not reproducible from the
 * seed (the threads' timing decides which policy acts and which model imagines).
 */
final class AsyncMbpoLoop implements TrainingLoop {
    private final RunConfig config;
    private final Consumer<RunEvent> events;
    private final BooleanSupplier stopRequested;
    private final LoopTelemetry telemetry;
    private final AtomicReference<ActorSnapshot> published = new AtomicReference<>();
    private final AsyncRates rates = new AsyncRates();
    private LoopParts parts;
    private PolicyUpdates updates;
    private Evaluation evaluation;
    private Collector collector;
    private ModelWorker worker;
    private long policyVersion;
    private long updatesSincePublish;

    AsyncMbpoLoop(RunConfig config, Consumer<RunEvent> events, Clock clock, BooleanSupplier stopRequested) {
        this.config = config;
        this.events = events;
        this.stopRequested = stopRequested;
        this.telemetry = new LoopTelemetry(events, clock);
    }

    @Override
    public void begin(Path resumeFrom) throws IOException {
        parts = new LoopParts(config, events);
        updates = new PolicyUpdates(parts, events);
        updates.afterEach(this::publishWhenDue);
        evaluation = new Evaluation(parts, events, telemetry);
        evaluation.reportAlso(() -> rates.drain(parts.step, updates.total(), parts.model.imaginedTotal(), worker.busySeconds(),
                worker.jobs(), policyVersion - Math.max(0, collector.policyVersion()), collector.backlog()));
        if (resumeFrom != null) {
            LoopCheckpoint.restore(resumeFrom, parts);
        }
        published.set(parts.sac.snapshot(++policyVersion));
        int obsDim = parts.env.observationSpace().dim();
        long collectorSeed = parts.root.nextLong();
        collector = new Collector(config, parts.env, parts.obs, parts.step, parts.trainEpisodes,
                new ActorReplica(config.sac(), obsDim, parts.env.actionSpace(), collectorSeed, parts.manager),
                parts.exploration, published, events);
        worker = new ModelWorker(parts.model, new ActorReplica(config.sac(), obsDim, parts.env.actionSpace(),
                parts.root.nextLong(), parts.manager), stopRequested);
        events.accept(parts.started());
        telemetry.enter(parts.step, LoopPhase.COLLECT);
        collector.start();
    }

    /**
     * One real transition: hand a model training to the model thread when due (with a copy of
     * the real data and the policy), take the collector's next transition, then its G updates.
     * The first model training is waited for (updates need a model); later ones run beside the updates.
     */
    @Override
    public boolean stepOnce() {
        if (parts.done()) {
            return false;
        }
        ModelBranch model = parts.model;
        if (model.takeNeedsRollout() && !model.due(parts.step)) {
            telemetry.enter(parts.step, LoopPhase.ROLLOUT);
            telemetry.time("rollout");
            model.rollout(parts.step, parts.real, parts.sac);
            telemetry.endTiming();
        }
        worker.rethrowFailure();
        if (model.due(parts.step)) {
            worker.submit(new ModelWorker.Job(parts.step, parts.real.copy(), parts.lastEval, parts.lastEvals,
                    parts.sac.snapshot(++policyVersion)));
            rates.modelTrainings++;
        }
        telemetry.time("wait_collector");
        Collector.Transition t = collector.take(stopRequested);
        telemetry.endTiming();
        if (t == null) {
            return true; // stopped: the session ends the run
        }
        if (t.seq() != parts.step) {
            throw new IllegalStateException("collector sent transition " + t.seq() + " when " + parts.step + " was due");
        }
        parts.real.add(t.obs(), t.action(), t.reward(), t.nextObs(), t.terminated());
        parts.faults.observeReward(t.reward());
        parts.countStep();
        if (parts.step > config.sac().initialRandomSteps() && !model.trained() && !awaitFirstModel()) {
            return true;
        }
        MbpoLoop.updateThenEvaluate(parts, updates, evaluation, telemetry);
        return !parts.done();
    }

    /** Waits for the first model training; false when a stop came first. */
    private boolean awaitFirstModel() {
        telemetry.time("wait_model");
        while (!parts.model.trained()) {
            worker.rethrowFailure();
            if (stopRequested.getAsBoolean()) {
                telemetry.endTiming();
                return false;
            }
            worker.awaitIdle(50);
        }
        telemetry.endTiming();
        return true;
    }

    private void publishWhenDue() {
        if (++updatesSincePublish >= config.mbpo().publishEvery()) {
            published.set(parts.sac.snapshot(++policyVersion));
            updatesSincePublish = 0;
        }
    }

    /** The ensemble must not change while it is written: a stop makes the model thread end its job within a minibatch. */
    @Override
    public LoopParts parts() {
        return parts;
    }

    @Override
    public void saveCheckpoint(Path dir) throws IOException {
        worker.awaitIdle(() -> false);
        LoopCheckpoint.save(dir, parts, collector.trainEpisodes());
    }

    @Override
    public void close() {
        if (collector != null) {
            collector.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (parts != null) {
            parts.close();
        }
    }
}
