package dev.mbpo.ui;

import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunSummary;
import java.io.IOException;
import java.util.ArrayList;
import dev.mbpo.train.CheckpointPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a saved run in the window: reads the folder off the FX thread, fills every view
 * from its events through the replay bar (which scrubs epochs), plays the latest evaluation
 * episode, and on request runs the policy of the checkpoint at a step; also overlays a saved
 * run's curve as a baseline.
 */
final class ReplayController {
    /** What the controller needs of the window. */
    interface Window {
        /** Clears every view and feeds it these events. */
        void showEvents(List<RunEvent> events);

        /** The views get ready for another run on this configuration's environment. */
        void prepareFor(dev.mbpo.config.RunConfig config);

        /** Clears every view. */
        void clearViews();
    }

    private final RunController runs;
    private final ReplayBar bar;
    private final EnvView envView;
    private final StatusBar status;
    private final Window window;

    ReplayController(RunController runs, ReplayBar bar, EnvView envView, StatusBar status, Window window) {
        this.runs = runs;
        this.bar = bar;
        this.envView = envView;
        this.status = status;
        this.window = window;
    }

    /** Opens a saved run; a long one is read on a background thread so that the window never stalls. */
    void open(Path dir) {
        RunController.Mode m = runs.modeProperty().get();
        if (m == RunController.Mode.RUNNING || m == RunController.Mode.PAUSED) {
            Dialogs.error("A run is in progress", "Stop it before opening a saved run.");
            return;
        }
        status.message("reading " + dir.getFileName() + "...");
        BackgroundTask.run("mbpo-open-run", () -> {
            RunFolder folder = RunFolder.open(dir);
            return new Opened(folder, folder.readEvents());
        }, o -> show(o.folder(), o.events()), e -> Dialogs.error("Could not open the run", e.getMessage()));
    }

    private record Opened(RunFolder folder, RunFolder.Events events) {
    }

    private void show(RunFolder folder, RunFolder.Events ev) {
        runs.enterReplay();
        window.prepareFor(folder.config());
        bar.load(ev.events(), batch -> {
            window.showEvents(batch);
            playLatestEvaluation(batch);
        }, this::close, step -> playCheckpoint(folder, step));
        status.message("replaying " + folder.id() + " (" + folder.status() + ")"
                + (ev.warnings().isEmpty() ? "" : "; " + ev.warnings().get(0)));
    }

    /** Leaves the replay: the bar hides and the views clear; the sheet keeps the run's settings for a new run. */
    void close() {
        bar.hide();
        runs.leaveReplay();
        window.clearViews();
        status.message("the settings are the replayed run's: Start begins a new run with them");
    }

    private void playLatestEvaluation(List<RunEvent> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i) instanceof RunEvent.Episode ep && ep.kind() == EpisodeKind.EVAL && ep.states().length > 0) {
                envView.play(ep);
                return;
            }
        }
    }

    /**
     * Runs the policy of the epoch that {@code step} falls in (its checkpoint, or the newest kept before it) for one episode on a
     * background thread (DJL never runs on the FX thread) and plays it in the environment view.
     */
    private void playCheckpoint(RunFolder folder, long step) {
        if (!folder.config().algorithm().learnsPolicy()) {
            status.message("an MPC run saves no policy: it planned every action (its evaluation episodes play from the curve)");
            return;
        }
        Path checkpoint;
        long epoch = EpochNumbers.of(step, folder.config().epochSteps());
        try {
            checkpoint = folder.checkpointOfEpochOrBefore(epoch);
        } catch (IOException e) {
            Dialogs.error("Could not list the checkpoints", e.getMessage());
            return;
        }
        if (checkpoint == null) {
            status.message("no checkpoint at or before step " + step);
            return;
        }
        // Checkpoint epoch-000k is written as epoch k ends (EpochNumbers): the policy of that epoch.
        long saved = dev.mbpo.run.CheckpointNames.epochOf(checkpoint);
        String what = "policy of epoch " + saved + (saved == epoch ? "" : " (epoch " + epoch + "'s checkpoint was not kept)");
        status.message("running the " + what + "...");
        Consumer<RunEvent.Episode> play = ep -> {
            envView.play(ep, what);
            status.message(String.format("%s: return %.1f", what, ep.episodeReturn()));
        };
        BackgroundTask.run("mbpo-checkpoint-policy", () -> {
            try (CheckpointPolicy policy = CheckpointPolicy.load(folder.config(), checkpoint)) {
                return policy.evaluate(1, System.nanoTime() & 0xffff).get(0);
            }
        }, play, e -> Dialogs.error("Could not run the checkpoint's policy", e.getMessage()));
    }

    /**
     * Reads a saved run and draws its evaluation curve on the returns plot as a baseline, when it
     * is a run on {@code env} (returns of different tasks do not compare); says why not otherwise.
     *
     * @return whether the baseline is shown
     */
    boolean overlayBaseline(Path dir, ReturnsView returns, String env) {
        try {
            RunFolder folder = RunFolder.open(dir);
            String theirs = folder.config().env();
            if (!theirs.equals(env)) {
                Dialogs.error("Not the same task", "The run " + folder.id() + " is on " + theirs + "; the plot shows " + env
                        + ". Returns of different tasks do not compare: choose a run on " + env + ".");
                return false;
            }
            RunSummary s = RunSummary.of(folder.readEvents().events());
            returns.setBaseline(folder.config().algorithm() + " s" + folder.config().run().seed() + " (baseline)",
                    new ArrayList<>(s.evalCurve()));
            status.message("baseline: " + folder.id());
            return true;
        } catch (IOException e) {
            Dialogs.error("Could not read the baseline run", e.getMessage());
            return false;
        }
    }
}
