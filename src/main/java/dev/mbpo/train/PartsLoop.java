package dev.mbpo.train;

import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the synchronous loops (SAC and MBPO, MPC, offline) share: the configuration, the event
 * sink, the stop flag, the telemetry, and the {@link LoopParts} that {@code begin} builds, which
 * checkpoints save and {@code close} frees.
 */
abstract class PartsLoop implements TrainingLoop {
    protected final RunConfig config;
    protected final Consumer<RunEvent> events;
    protected final BooleanSupplier stopRequested;
    protected final LoopTelemetry telemetry;
    protected LoopParts parts;

    PartsLoop(RunConfig config, Consumer<RunEvent> events, Clock clock, BooleanSupplier stopRequested) {
        this.config = config;
        this.events = events;
        this.stopRequested = stopRequested;
        this.telemetry = new LoopTelemetry(events, clock);
    }

    /**
     * Algorithm 2's step 1, shared by MBPO and MPC: the ensemble on all real data, then the views'
     * open-loop predictions of the latest evaluation; false when a stop interrupted the training.
     */
    protected boolean trainModel() {
        telemetry.enter(parts.step, dev.mbpo.run.LoopPhase.TRAIN_MODEL);
        telemetry.time("model_train");
        if (!parts.model.train(parts.step, parts.real, stopRequested)) {
            telemetry.endTiming();
            return false;
        }
        parts.model.predictSegments(parts.step, parts.lastEval);
        parts.model.measureHorizon(parts.step, parts.lastEvals);
        return true;
    }

    @Override
    public LoopParts parts() {
        return parts;
    }

    @Override
    public void saveCheckpoint(Path dir) throws IOException {
        LoopCheckpoint.save(dir, parts, parts.trainEpisodes);
    }

    @Override
    public void close() {
        if (parts != null) {
            parts.close();
        }
    }
}
