package dev.mbpo.ui;

import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The workbench window's content and behaviour: toolbar, settings pane ({@link SettingsPane}),
 * plots, environment view, replay bar and status bar. Live runs and replays feed the same views.
 */
final class Workbench implements WorkbenchToolbar.Actions, ReplayController.Window {
    private final BorderPane root = new BorderPane();
    private final SettingsModel settings = new SettingsModel();
    private final RunController runs;
    private final ReturnsView returns = new ReturnsView();
    private final ModelView model = new ModelView();
    private final SettingsPane settingsPane;
    private final SplitPane split;
    private final DisagreementView disagreement = new DisagreementView();
    private final PredictionView prediction = new PredictionView();
    private final SacView sac = new SacView();
    private final EnvView envView = new EnvView();
    private final StatusBar status = new StatusBar();
    private final ReplayBar replay = new ReplayBar();
    private final LoopDiagramView loopDiagram = new LoopDiagramView();
    private final HorizonView horizon = new HorizonView();
    private final PhasePortraitView phasePortrait = new PhasePortraitView(horizon.branchSteps());
    private final List<RunView> views = List.of(returns, model, disagreement, prediction, sac, envView, status,
            loopDiagram, horizon, phasePortrait);
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private final CompareView compare;
    private final WorkbenchToolbar toolbar;
    private final ReplayController replays;
    private final PresenterMode presenter;
    private final EventPump pump;
    private final Path presetsDir;

    Workbench(Path presetsDir, Path runsDir) {
        this.presetsDir = presetsDir;
        this.runs = new RunController(runsDir);
        this.compare = new CompareView(runsDir, settings::config, this::askRunFolder);
        this.toolbar = new WorkbenchToolbar(FileDialogs.names(presetsDir), presetsDir.toString(), this);
        this.settingsPane = new SettingsPane(settings, presetsDir, toolbar, status, c -> {
            setEnvironment(c.env());
            loopDiagram.configure(c);
        });
        this.replays = new ReplayController(runs, replay, envView, status, this);
        this.presenter = new PresenterMode(root, loopDiagram, phasePortrait, toolbar);
        this.pump = new EventPump(runs, this::feed, now -> {
            envView.tick(now);
            compare.pump(now);
        });
        compare.runningProperty().addListener((o, a, b) -> {
            updateButtons();
            if (b) {
                if (runs.modeProperty().get() == RunController.Mode.REPLAY) {
                    replays.close(); // the bars would go on showing an old replay beside the comparison
                }
                status.reset();
                status.message("comparison running (Compare tab)");
            }
        });
        root.setTop(toolbar.node());
        split = new SplitPane(settingsPane.node(), tabs());
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(status);
        root.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        root.getStyleClass().add("workbench");
        setEnvironment(settings.config().env());
        warmUpCharts();
        runs.modeProperty().addListener((o, a, b) -> {
            updateButtons();
            if (b == RunController.Mode.IDLE && (a == RunController.Mode.RUNNING || a == RunController.Mode.PAUSED)
                    && runs.currentRunDir() != null) {
                status.message("saved in " + StatusBar.shown(runs.currentRunDir())); // no longer "recording to"
            }
        });
        settings.summaryProperty().addListener((o, a, b) -> updateButtons()); // empty exactly when the settings are valid
        // The environment chosen in the sheet is drawn at once (the next run's), unless a run or replay shows its own.
        settings.envProperty().addListener((o, a, b) -> {
            if (b != null && runs.modeProperty().get() == RunController.Mode.IDLE && dev.mbpo.env.Envs.ids().contains(b)) {
                setEnvironment(b);
            }
        });
        updateButtons();
    }

    BorderPane root() {
        return root;
    }

    @Override
    public void presetChosen(String fileName) {
        loadPreset(presetsDir.resolve(fileName));
    }

    @Override
    public void stopRun() {
        runs.stop();
    }

    private void setEnvironment(String id) {
        envView.setEnvironment(id);
        phasePortrait.setEnvironment(id);
    }

    /** Dashboard (all plots), Teaching (loop diagram, phase portrait, horizon explorer), Compare; the replay bar below. */
    private Node tabs() {
        WorkbenchLayout.fillTabs(tabs, WorkbenchLayout.dashboard(returns.panel(), model.panel(), sac.panel(), disagreement.node(),
                prediction.node(), envView.node()), WorkbenchLayout.teaching(loopDiagram.node(), horizon.node(),
                phasePortrait.node()), compare.node());
        BorderPane centre = new BorderPane(tabs);
        centre.setBottom(replay);
        return centre;
    }

    /** Selects a tab by name: dashboard or teaching. */
    void showTab(String name) {
        WorkbenchLayout.select(tabs, name);
    }

    /** Light or dark colours for controls, canvases and charts. */
    @Override
    public void setTheme(Theme t) {
        presenter.setTheme(t);
    }

    Theme theme() {
        return presenter.theme();
    }

    /** Presenter mode: every font about 40% larger, controls and charts alike. */
    @Override
    public void setLargeFont(boolean on) {
        presenter.setLargeFont(on);
        settingsPane.showLargeFont(on, split);
    }

    boolean largeFont() {
        return presenter.largeFont();
    }

    /** Feeds made-up events, draws every chart off screen once, then clears them (see {@link ChartWarmUp}). */
    private void warmUpCharts() {
        feed(ChartWarmUp.sampleEvents());
        ChartWarmUp.draw(List.of(returns.panel().chart(), model.panel().chart(), sac.panel().chart(),
                disagreement.stepPanel().chart(), prediction.panel().chart()));
        resetViews();
    }

    /** Keyboard shortcuts, once the scene exists ({@link WorkbenchShortcuts}). */
    void installShortcuts(Scene scene) {
        WorkbenchShortcuts.install(scene, this, i -> tabs.getSelectionModel().select(i));
    }

    /** Starts the per-frame event pump. */
    void startPump() {
        pump.start();
    }

    /**
     * Starts PyTorch on a background thread as the window opens (unpacking the natives takes
     * seconds the first time), so that Start does not wait for it; the status bar says when it is ready.
     */
    void startEngineInBackground() {
        RunConfig c = settings.config();
        status.message("starting PyTorch...");
        BackgroundTask.run("mbpo-engine-start",
                () -> dev.mbpo.nn.Engines.start(new dev.mbpo.nn.EngineOptions(c.run().device(), c.run().threads(), 1)),
                info -> {
                    if (status.messageText().equals("starting PyTorch...")) {
                        status.message("engine ready: " + info.summary());
                    }
                }, e -> Dialogs.error("PyTorch could not start", e.getMessage()));
    }

    /** Writes the window's health (memory, frame gaps, event rate) to a CSV file every interval. */
    void logStats(Path file, double everySeconds) throws IOException {
        pump.logStats(file, everySeconds);
    }

    void stopPump() {
        pump.stop();
        compare.shutdown();
        runs.shutdown();
    }

    private void feed(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            pump.observe(e);
            for (RunView v : views) {
                v.accept(e);
            }
        }
        for (RunView v : views) {
            v.flush();
        }
    }

    @Override
    public void showEvents(List<RunEvent> events) {
        resetViews();
        feed(events);
    }

    @Override
    public void prepareFor(RunConfig config) {
        setEnvironment(config.env());
        loopDiagram.configure(config);
        // The sheet shows the replayed run's own settings (read-only while it replays); closing
        // the replay leaves them there, so Start begins a new run from them.
        settings.load(config);
        settingsPane.reload();
        toolbar.showPresetLoaded("run's settings");
        toolbar.showSettingsEdited(false);
    }

    @Override
    public void clearViews() {
        resetViews();
    }

    private void resetViews() {
        views.forEach(RunView::reset);
        views.forEach(RunView::flush);
    }

    private void updateButtons() {
        RunController.Mode m = runs.modeProperty().get();
        boolean active = m == RunController.Mode.RUNNING || m == RunController.Mode.PAUSED;
        toolbar.update(m, compare.runningProperty().get(), settings.validProperty().get(), settings.summaryProperty().get());
        compare.setMainRunActive(active);
        settingsPane.setLocked(active || m == RunController.Mode.REPLAY);
    }

    @Override
    public void startRun() {
        if (toolbar.startDisabled()) {
            return;
        }
        try {
            if (runs.modeProperty().get() == RunController.Mode.REPLAY) {
                replays.close();
            }
            resetViews();
            setEnvironment(settings.config().env());
            loopDiagram.configure(settings.config());
            String id = runs.start(settings.config(), toolbar.presetShown());
            status.message("recording to " + StatusBar.shown(runs.runsDir().resolve(id)));
        } catch (IOException | RuntimeException e) {
            Dialogs.error("Could not start the run", e.getMessage());
        }
    }

    @Override
    public void togglePause() {
        if (runs.modeProperty().get() == RunController.Mode.RUNNING) {
            runs.pause();
            status.message("paused");
        } else if (runs.modeProperty().get() == RunController.Mode.PAUSED) {
            runs.resume();
            status.message("");
        }
    }

    void loadPreset(Path file) {
        settingsPane.load(file);
    }

    @Override
    public void savePreset() {
        settingsPane.save(root.getScene().getWindow());
    }

    @Override
    public void chooseRun() {
        chooseRunFolder("Open a saved run (a folder with run.json)", this::openRun);
    }

    /** Asks for a run folder; null when cancelled. */
    private Path askRunFolder(String title) {
        return FileDialogs.askRunFolder(root.getScene().getWindow(), runs.runsDir(), title);
    }

    /** Starts SAC and MBPO side by side with the current settings (the Compare tab's button). */
    void startComparison() {
        showTab("compare");
        compare.startBoth(settings.config());
    }

    CompareView compare() {
        return compare;
    }

    LoopDiagramView loopDiagram() {
        return loopDiagram;
    }

    HorizonView horizon() {
        return horizon;
    }

    PhasePortraitView phasePortrait() {
        return phasePortrait;
    }

    private void chooseRunFolder(String title, java.util.function.Consumer<Path> then) {
        Path p = askRunFolder(title);
        if (p != null) {
            then.accept(p);
        }
    }

    /** Opens a saved run for replay; the plots fill from it and the slider scrubs its epochs. */
    void openRun(Path dir) {
        replays.open(dir);
    }

    @Override
    public void chooseBaseline() {
        if (returns.hasBaseline()) {
            returns.clearBaseline();
            toolbar.showBaseline(false);
            status.message("baseline removed");
            return;
        }
        chooseRunFolder("Choose a saved run to overlay (e.g. the SAC baseline)", this::setBaseline);
    }

    /** Overlays a saved run's evaluation curve on the returns plot, if it is a run on the task shown. */
    void setBaseline(Path dir) {
        toolbar.showBaseline(replays.overlayBaseline(dir, returns, shownEnv()));
    }

    /** The task the plots show: the run's (live or replayed), else the one the settings choose. */
    private String shownEnv() {
        return runs.modeProperty().get() == RunController.Mode.IDLE ? settings.text("env") : envView.envId();
    }

    // Accessors for tests and scripted demos.

    SettingsModel settings() {
        return settings;
    }

    WorkbenchToolbar toolbar() {
        return toolbar;
    }

    boolean settingsLocked() {
        return settingsPane.locked();
    }

    RunController runs() {
        return runs;
    }

    ReturnsView returns() {
        return returns;
    }

    ModelView model() {
        return model;
    }

    DisagreementView disagreement() {
        return disagreement;
    }

    PredictionView prediction() {
        return prediction;
    }

    SacView sac() {
        return sac;
    }

    EnvView envView() {
        return envView;
    }

    ReplayBar replay() {
        return replay;
    }

    FrameStats frames() {
        return pump.frames();
    }
}
