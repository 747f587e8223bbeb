package dev.mbpo.train;

import dev.mbpo.config.RunConfig;
import dev.mbpo.env.StepResult;
import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The synchronous loop as MBPO's Algorithm 2 writes it, one real step at a time (an epoch is
 * {@code mbpo.epochLength} of them):
 * <ol>
 *   <li>when the model is due (after the initial random steps, then every {@code modelTrainFreq}
 *       steps), train the ensemble on all real data and branch rollouts of length k from real
 *       states into the model buffer;</li>
 *   <li>take one real step with the current policy (uniform random actions at first) and store it;</li>
 *   <li>run G SAC updates on batches that are {@code realRatio} real and the rest imagined;</li>
 *   <li>evaluate every {@code run.evalEvery} steps.</li>
 * </ol>
 * The model-free baseline ({@code algorithm = sac}) is the same loop without the model: steps
 * 1 is skipped and its batches are all real. The parts live in {@link LoopParts}; the model side
 * in {@link ModelBranch}; the updates in {@link PolicyUpdates}; evaluation in {@link Evaluation}.
 */
final class MbpoLoop extends PartsLoop {
    private PolicyUpdates updates;
    private Evaluation evaluation;
    private java.util.function.LongPredicate poisonAt;

    MbpoLoop(RunConfig config, Consumer<RunEvent> events, Clock clock, BooleanSupplier stopRequested) {
        super(config, events, clock, stopRequested);
    }

    /** Tests only: poisons a batch with NaN at the steps this accepts. */
    void poisonBatchesWhen(java.util.function.LongPredicate when) {
        this.poisonAt = when;
    }

    @Override
    public void begin(Path resumeFrom) throws IOException {
        parts = new LoopParts(config, events);
        updates = new PolicyUpdates(parts, events);
        updates.poisonBatchesWhen(poisonAt);
        evaluation = new Evaluation(parts, events, telemetry);
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
        ModelBranch model = parts.model;
        if (model != null && model.takeNeedsRollout() && !model.due(parts.step)) {
            branchRollouts(); // resumed from a checkpoint: refill the model buffer before updating
        }
        if (model != null && model.due(parts.step)) {
            if (!trainModel()) {
                return true; // interrupted by a stop: the session ends the run
            }
            branchRollouts();
        }
        collectRealStep();
        updateThenEvaluate(parts, updates, evaluation, telemetry);
        return !parts.done();
    }

    /** Steps 2-3: k from the schedule, M branches from real states into the model buffer. */
    private void branchRollouts() {
        telemetry.enter(parts.step, LoopPhase.ROLLOUT);
        telemetry.time("rollout");
        parts.model.rollout(parts.step, parts.real, parts.sac);
        telemetry.endTiming();
    }

    /** Step 4, first half: one real step, stored in the real buffer. */
    private void collectRealStep() {
        telemetry.enter(parts.step, LoopPhase.COLLECT);
        telemetry.time("env");
        float[] action = parts.step < config.sac().initialRandomSteps() ? parts.sac.randomAction(parts.exploration)
                : parts.sac.act(parts.obs, false);
        for (float a : action) {
            if (!Float.isFinite(a)) {
                String detail = "the policy's action at step " + parts.step + " is not finite: " + Arrays.toString(action);
                events.accept(new RunEvent.Fault(parts.step, "policy_action", detail));
                throw new NumericalFault(detail);
            }
        }
        StepResult r = parts.env.step(action);
        parts.real.add(parts.obs, action, r.reward(), r.observation(), r.terminated());
        parts.faults.observeReward(r.reward());
        parts.episode.record(action, r.reward(), parts.env.state());
        parts.countStep();
        if (r.done()) {
            events.accept(EpisodeTracker.sampledTrainEpisode(parts.episode.finish(parts.step), parts.trainEpisodes++));
            parts.resetEpisode();
        } else {
            parts.obs = r.observation();
        }
    }

    /** Step 4, second half, and what follows every real step in both loops: G updates, their statistics, evaluation. */
    static void updateThenEvaluate(LoopParts parts, PolicyUpdates updates, Evaluation evaluation, LoopTelemetry telemetry) {
        telemetry.time("policy_update");
        updates.run(parts.step);
        telemetry.endTiming();
        updates.report(parts.step);
        if (evaluation.due(parts.step)) {
            evaluation.run(parts.step);
        }
    }
}
