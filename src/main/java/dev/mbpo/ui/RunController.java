package dev.mbpo.ui;

import dev.mbpo.config.RunConfig;
import dev.mbpo.run.Provenance;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunRecorder;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, pauses and stops live runs. The trainer thread puts events into a bounded queue
 * (and the recorder writes them to the run folder); the FX thread drains the queue once
 * per frame and never waits on the trainer.
 */
final class RunController {
    private static final Logger LOG = LoggerFactory.getLogger(RunController.class);

    /** What the workbench is doing. */
    enum Mode { IDLE, RUNNING, PAUSED, REPLAY }

    private final LinkedBlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>(100_000);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.IDLE);
    private final Path runsDir;
    private TrainingSession session;
    private RunRecorder recorder;

    RunController(Path runsDir) {
        this.runsDir = runsDir;
    }

    ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    Path runsDir() {
        return runsDir;
    }

    /** Starts a recorded run; returns the run id. */
    String start(RunConfig config) throws IOException {
        return start(config, "settings sheet");
    }

    /**
     * Starts a recorded run whose settings came from {@code preset} (a preset's name, with
     * "edited" when the sheet changed it); returns the run id.
     */
    String start(RunConfig config, String preset) throws IOException {
        if (session != null && !session.state().ended()) {
            throw new IllegalStateException("a run is in progress");
        }
        config = dev.mbpo.train.OfflineDataset.resolveIn(config, runsDir);
        TrainingSession.validate(config);
        Map<String, String> provenance = Provenance.machine();
        // The engine is started as the window opens; this returns its description (or starts it).
        provenance.putAll(dev.mbpo.nn.Engines.start(new dev.mbpo.nn.EngineOptions(config.run().device(),
                config.run().threads(), 1)).provenance());
        provenance.put("preset", preset);
        provenance.put("started from", "workbench window");
        queue.clear();
        RunRecorder rec = RunRecorder.create(runsDir, config, provenance);
        recorder = rec;
        session = new TrainingSession(config, e -> {
            try {
                rec.accept(e);
            } catch (RuntimeException ex) {
                LOG.error("Recording failed", ex);
            }
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }).checkpointInto(rec.dir());
        session.start();
        mode.set(Mode.RUNNING);
        return rec.id();
    }

    void pause() {
        if (session != null && mode.get() == Mode.RUNNING) {
            session.pause();
            mode.set(Mode.PAUSED);
        }
    }

    void resume() {
        if (session != null && mode.get() == Mode.PAUSED) {
            session.resume();
            mode.set(Mode.RUNNING);
        }
    }

    void stop() {
        if (session != null) {
            session.stop();
        }
    }

    /** Events that arrived since the last call (at most {@code max}). */
    List<RunEvent> drain(int max) {
        List<RunEvent> out = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(out, max);
        for (RunEvent e : out) {
            if (e instanceof RunEvent.Ended) {
                finished();
            }
        }
        return out;
    }

    private void finished() {
        mode.set(Mode.IDLE);
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException ex) {
                LOG.warn("Closing the recorder failed", ex);
            }
        }
    }

    void enterReplay() {
        mode.set(Mode.REPLAY);
    }

    void leaveReplay() {
        if (mode.get() == Mode.REPLAY) {
            mode.set(Mode.IDLE);
        }
    }

    SessionState sessionState() {
        return session == null ? SessionState.NEW : session.state();
    }

    Path currentRunDir() {
        return recorder == null ? null : recorder.dir();
    }

    /** Stops a run on window close and waits briefly, so that the run folder ends cleanly. */
    void shutdown() {
        if (session != null && !session.state().ended()) {
            session.stop();
            try {
                session.awaitEnd(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
