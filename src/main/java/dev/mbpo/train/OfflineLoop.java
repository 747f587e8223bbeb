package dev.mbpo.train;

import dev.mbpo.config.RunConfig;
import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Offline model-based RL ({@code algorithm = offline}), MOPO-style: the ensemble is trained once
 * on the fixed dataset (holdout, early stopping, best weights, elites as in MBPO); then, every
 * {@code mbpo.modelTrainFreq} steps, M branches of k steps start from dataset states with the
 * reward penalised by lambda * u(s, a), and every step is G SAC updates on batches that are
 * {@code realRatio} dataset and the rest imagined. The environment is touched only by
 * evaluation. A step here is one round of G updates: the run's length counts them.
 */
final class OfflineLoop extends PartsLoop {
    private PolicyUpdates updates;
    private Evaluation evaluation;
    private java.util.function.Function<String, dev.mbpo.env.Env> envs = dev.mbpo.env.Envs::make;

    OfflineLoop(RunConfig config, Consumer<RunEvent> events, Clock clock, BooleanSupplier stopRequested) {
        super(config, events, clock, stopRequested);
    }

    /** Tests only: makes the training environment, then the evaluation one. */
    void makeEnvsWith(java.util.function.Function<String, dev.mbpo.env.Env> factory) {
        this.envs = factory;
    }

    @Override
    public void begin(Path resumeFrom) throws IOException {
        parts = new LoopParts(config, events, envs);
        updates = new PolicyUpdates(parts, events);
        evaluation = new Evaluation(parts, events, telemetry);
        if (resumeFrom != null) {
            LoopCheckpoint.restore(resumeFrom, parts);
        }
        events.accept(parts.started());
        events.accept(new RunEvent.Metrics(parts.step, java.util.Map.of(dev.mbpo.run.ComparisonRow.DATASET_SIZE,
                (double) parts.real.size())));
        telemetry.enter(parts.step, LoopPhase.TRAIN_MODEL);
    }

    @Override
    public boolean stepOnce() {
        if (parts.done()) {
            return false;
        }
        ModelBranch model = parts.model;
        if (!model.trained()) {
            telemetry.enter(parts.step, LoopPhase.TRAIN_MODEL);
            telemetry.time("model_train");
            if (!model.train(parts.step, parts.real, stopRequested)) {
                telemetry.endTiming();
                return true; // interrupted by a stop: the session ends the run
            }
            telemetry.endTiming();
            model.takeNeedsRollout();
            rollout();
        } else if (model.takeNeedsRollout() || parts.step % config.mbpo().modelTrainFreq() == 0) {
            rollout();
        }
        telemetry.enter(parts.step, LoopPhase.UPDATE);
        parts.countStep();
        MbpoLoop.updateThenEvaluate(parts, updates, evaluation, telemetry);
        return !parts.done();
    }

    private void rollout() {
        telemetry.enter(parts.step, LoopPhase.ROLLOUT);
        telemetry.time("rollout");
        parts.model.rollout(parts.step, parts.real, parts.sac);
        telemetry.endTiming();
    }
}
