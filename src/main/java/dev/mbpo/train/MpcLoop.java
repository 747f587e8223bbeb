package dev.mbpo.train;

import dev.mbpo.config.RunConfig;
import dev.mbpo.env.StepResult;
import dev.mbpo.plan.CemPlanner;
import dev.mbpo.plan.EnsembleParticles;
import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Model-predictive control ({@code algorithm = mpc}), PETS-style: no policy is learned. After
 * {@code mpc.randomSteps} uniformly random actions, and then every {@code mpc.trainEvery} real
 * steps, the ensemble is trained on all real data exactly as MBPO trains it (holdout, early
 * stopping, best weights, elites); every real action is planned by {@link CemPlanner} through
 * the elites, and evaluation episodes plan too (with their own planner and random stream).
 * Each evaluation reports the planning time per action ({@code mpc/plan_ms} for training
 * steps, {@code eval/act_ms} for evaluation).
 */
final class MpcLoop extends PartsLoop {
    static final String PLAN_MS = "mpc/plan_ms";
    /** Planned real steps between two recorded plans (the views draw the latest). */
    static final int PLAN_EVENT_EVERY = 10;

    private Evaluation evaluation;
    private CemPlanner planner;
    private CemPlanner evalPlanner;
    private long planNanos;
    private long timedPlans;
    private long plans;

    MpcLoop(RunConfig config, Consumer<RunEvent> events, Clock clock, BooleanSupplier stopRequested) {
        super(config, events, clock, stopRequested);
    }

    @Override
    public void begin(Path resumeFrom) throws IOException {
        parts = new LoopParts(config, events);
        // Drawn after every stream LoopParts draws, so that the shared parts match the other loops' for a seed.
        SplittableRandom planning = parts.root.split();
        SplittableRandom evalPlanning = parts.root.split();
        var reward = config.model().analyticReward() ? parts.env.rewardFn().orElse(null) : null;
        var ensemble = parts.model.ensemble();
        planner = new CemPlanner(config.mpc(), parts.env.actionSpace(), new EnsembleParticles(ensemble, reward, planning),
                parts.env.terminationFn(), planning);
        evalPlanner = new CemPlanner(config.mpc(), parts.env.actionSpace(), new EnsembleParticles(ensemble, reward, evalPlanning),
                parts.env.terminationFn(), evalPlanning);
        evaluation = new Evaluation(parts, events, telemetry);
        evaluation.actWith(evalPlanner::act, evalPlanner::reset);
        evaluation.reportAlso(this::planFigures);
        if (resumeFrom != null) {
            LoopCheckpoint.restore(resumeFrom, parts);
        }
        events.accept(parts.started());
        telemetry.enter(parts.step, LoopPhase.COLLECT);
    }

    @Override
    public boolean stepOnce() {
        if (parts.done()) {
            return false;
        }
        if (parts.model.due(parts.step) && !trainModel()) {
            return true; // interrupted by a stop: the session ends the run
        }
        collectRealStep();
        if (evaluation.due(parts.step)) {
            evaluation.run(parts.step);
        }
        return !parts.done();
    }

    /** One real step: a uniformly random action before the first training, a planned one after. */
    private void collectRealStep() {
        telemetry.enter(parts.step, LoopPhase.COLLECT);
        float[] action;
        if (parts.step < config.randomSteps() || !parts.model.trained()) {
            telemetry.time("env");
            action = parts.sac.randomAction(parts.exploration);
        } else {
            telemetry.time("plan");
            float[] from = parts.obs.clone();
            action = planner.act(from);
            planNanos += planner.lastPlanNanos();
            timedPlans++;
            if (plans++ % PLAN_EVENT_EVERY == 0) {
                recordPlan(from);
            }
            telemetry.time("env");
        }
        StepResult r = parts.env.step(action);
        parts.real.add(parts.obs, action, r.reward(), r.observation(), r.terminated());
        parts.faults.observeReward(r.reward());
        parts.episode.record(action, r.reward(), parts.env.state());
        parts.countStep();
        if (r.done()) {
            events.accept(EpisodeTracker.sampledTrainEpisode(parts.episode.finish(parts.step), parts.trainEpisodes++));
            parts.resetEpisode();
            planner.reset();
        } else {
            parts.obs = r.observation();
        }
        telemetry.endTiming();
    }

    /** The plan just made and where each elite expects it to lead, for the views. */
    private void recordPlan(float[] from) {
        float[] plan = planner.lastPlan();
        int actDim = parts.env.actionSpace().dim();
        float[][] actions = new float[plan.length / actDim][];
        for (int t = 0; t < actions.length; t++) {
            actions[t] = java.util.Arrays.copyOfRange(plan, t * actDim, (t + 1) * actDim);
        }
        events.accept(new RunEvent.Plan(parts.step, from, actions,
                dev.mbpo.plan.PlannedPaths.of(parts.model.ensemble(), from, plan)));
    }

    /** Planning time per real action since the last evaluation. */
    private Map<String, Double> planFigures() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(PLAN_MS, timedPlans == 0 ? Double.NaN : planNanos / 1e6 / timedPlans);
        planNanos = 0;
        timedPlans = 0;
        return m;
    }
}
