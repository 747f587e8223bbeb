package dev.mbpo.ui;

import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The workbench window's content and behaviour: toolbar, settings, plots, environment
 * view, replay bar and status bar. Live runs and replays feed the same views.
 */
final class Workbench {
    private final BorderPane root = new BorderPane();
    private final SettingsModel settings = new SettingsModel();
    private final SettingsView settingsView = new SettingsView(settings);
    private final RunController runs;
    private final ReturnsView returns = new ReturnsView();
    private final ModelView model = new ModelView();
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
    private Theme theme = Theme.LIGHT;
    private boolean largeFont;
    private javafx.scene.control.ToggleButton themeToggle;
    private javafx.scene.control.ToggleButton largeToggle;
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Path presetsDir;
    private final FrameStats frames = new FrameStats();
    private AnimationTimer pump;
    private StatsLog statsLog;
    /** MBPO_FRAME_LOG=1 prints every frame gap over 100 ms with what the previous frame handled. */
    private static final boolean FRAME_LOG = "1".equals(System.getenv("MBPO_FRAME_LOG"));
    private long lastFrame;
    private String lastBatch = "";

    Workbench(Path presetsDir, Path runsDir) {
        this.presetsDir = presetsDir;
        this.runs = new RunController(runsDir);
        this.compare = new CompareView(runsDir, settings::config, this::askRunFolder);
        compare.runningProperty().addListener((o, a, b) -> updateButtons());
        root.setTop(toolbar());
        SplitPane split = new SplitPane(settingsPane(), tabs());
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(status);
        root.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        root.getStyleClass().add("workbench");
        setEnvironment(settings.config().env());
        warmUpCharts();
        runs.modeProperty().addListener((o, a, b) -> updateButtons());
        settings.validProperty().addListener((o, a, b) -> updateButtons());
        updateButtons();
    }

    BorderPane root() {
        return root;
    }

    /** The toolbar wraps onto a second row rather than hiding buttons (large fonts, narrow windows). */
    private Node toolbar() {
        ComboBox<String> env = new ComboBox<>();
        env.setId("toolbar-env");
        env.getItems().setAll(dev.mbpo.env.Envs.ids());
        env.setValue(settings.text("env"));
        env.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(settings.text("env"))) {
                settings.set("env", b);
                settingsView.reload();
                setEnvironment(b);
            }
        });
        env.setTooltip(new Tooltip("Environment of the next run"));
        presetBox.setId("toolbar-preset");
        presetBox.setPromptText("preset");
        presetBox.getItems().setAll(presetNames());
        presetBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                loadPreset(presetsDir.resolve(b));
                env.setValue(settings.text("env"));
            }
        });
        presetBox.setTooltip(new Tooltip("Load a preset from " + presetsDir));
        start.setId("start");
        start.setDefaultButton(true);
        start.setTooltip(new Tooltip("Start a run with these settings (Ctrl+Enter)"));
        start.setOnAction(e -> startRun());
        pause.setId("pause");
        pause.setTooltip(new Tooltip("Pause or resume (Ctrl+P)"));
        pause.setOnAction(e -> togglePause());
        stop.setId("stop");
        stop.setTooltip(new Tooltip("Stop the run; it stays saved (Escape)"));
        stop.setOnAction(e -> runs.stop());
        Button save = new Button("Save preset");
        save.setId("save-preset");
        save.setTooltip(new Tooltip("Save these settings as a preset (Ctrl+S)"));
        save.setOnAction(e -> savePreset());
        Button open = new Button("Open run");
        open.setId("open-run");
        open.setTooltip(new Tooltip("Replay a saved run (Ctrl+O)"));
        open.setOnAction(e -> chooseRun());
        Button baseline = new Button("Baseline...");
        baseline.setId("baseline");
        baseline.setTooltip(new Tooltip("Overlay a saved run's evaluation curve (e.g. the SAC baseline) on the returns plot"));
        baseline.setOnAction(e -> chooseBaseline());
        javafx.scene.control.ToggleButton dark = new javafx.scene.control.ToggleButton("Dark");
        dark.setId("theme-dark");
        dark.setTooltip(new Tooltip("Dark theme for projectors (Ctrl+T)"));
        dark.setOnAction(e -> setTheme(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        javafx.scene.control.ToggleButton large = new javafx.scene.control.ToggleButton("Large");
        large.setId("large-font");
        large.setTooltip(new Tooltip("Large fonts for the back row (Ctrl+L); F12 saves a screenshot"));
        large.setOnAction(e -> setLargeFont(large.isSelected()));
        themeToggle = dark;
        largeToggle = large;
        Label title = new Label("MBPO Workbench");
        title.getStyleClass().add("app-title");
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, title, bar(), new Label("Env"), env,
                new Label("Preset"), presetBox, bar(), start, pause, stop, bar(), save, open, baseline, bar(), dark, large);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("toolbar");
        return bar;
    }

    private static Separator bar() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(22);
        return s;
    }

    private Node settingsPane() {
        VBox box = new VBox(settingsView);
        VBox.setVgrow(settingsView, Priority.ALWAYS);
        box.setMinWidth(260);
        box.setPrefWidth(330);
        return box;
    }

    private void setEnvironment(String id) {
        envView.setEnvironment(id);
        phasePortrait.setEnvironment(id);
    }

    /** Dashboard (all plots), Teaching (loop diagram, phase portrait, horizon explorer). */
    private Node tabs() {
        javafx.scene.control.Tab dash = new javafx.scene.control.Tab("Dashboard", centre());
        javafx.scene.control.Tab teach = new javafx.scene.control.Tab("Teaching", teaching());
        javafx.scene.control.Tab cmp = new javafx.scene.control.Tab("Compare", compare.node());
        dash.setId("tab-dashboard");
        teach.setId("tab-teaching");
        cmp.setId("tab-compare");
        tabs.getTabs().addAll(dash, teach, cmp);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        BorderPane centre = new BorderPane(tabs);
        centre.setBottom(replay);
        return centre;
    }

    private Node teaching() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        BorderPane loop = new BorderPane(loopDiagram.node());
        loop.getStyleClass().add("teaching-card");
        grid.add(loop, 0, 0);
        grid.add(horizon.node(), 0, 1);
        BorderPane portrait = new BorderPane(phasePortrait.node());
        portrait.getStyleClass().add("teaching-card");
        grid.add(portrait, 1, 0, 1, 2);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(44);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(56);
        grid.getColumnConstraints().addAll(left, right);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(42);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(58);
        grid.getRowConstraints().addAll(top, bottom);
        for (Node n : grid.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        return grid;
    }

    /** Selects a tab by name: dashboard or teaching. */
    void showTab(String name) {
        for (javafx.scene.control.Tab t : tabs.getTabs()) {
            if (t.getText().equalsIgnoreCase(name)) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        throw new IllegalArgumentException("no tab '" + name + "'; tabs: dashboard, teaching, compare");
    }

    /** Light or dark colours for controls, canvases and charts. */
    void setTheme(Theme t) {
        theme = t;
        String dark = Workbench.class.getResource("dark.css").toExternalForm();
        root.getStylesheets().remove(dark);
        if (t == Theme.DARK) {
            root.getStylesheets().add(dark);
        }
        loopDiagram.setTheme(t);
        phasePortrait.setTheme(t);
        themeToggle.setSelected(t == Theme.DARK);
        restyleCharts();
    }

    Theme theme() {
        return theme;
    }

    /** Presenter mode: every font about 40% larger, controls and charts alike. */
    void setLargeFont(boolean on) {
        largeFont = on;
        root.setStyle(on ? "-fx-font-size: 17px;" : "");
        largeToggle.setSelected(on);
        loopDiagram.setFontScale(on ? 1.25 : 1);
        phasePortrait.setFontScale(on ? 1.3 : 1);
        restyleCharts();
    }

    boolean largeFont() {
        return largeFont;
    }

    private void restyleCharts() {
        for (Node n : root.lookupAll(".plot-panel")) {
            if (n instanceof PlotPanel p) {
                Charts.applyTheme(p.chart(), theme, largeFont ? 1.45 : 1.0);
            }
        }
    }

    private Node centre() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        grid.add(returns.panel(), 0, 0);
        grid.add(model.panel(), 1, 0);
        grid.add(sac.panel(), 2, 0);
        grid.add(disagreement.node(), 0, 1);
        grid.add(prediction.node(), 1, 1);
        grid.add(envView.node(), 2, 1);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        return grid;
    }

    /** Feeds made-up events, draws every chart off screen once, then clears them (see {@link ChartWarmUp}). */
    private void warmUpCharts() {
        feed(ChartWarmUp.sampleEvents());
        ChartWarmUp.draw(List.of(returns.panel().chart(), model.panel().chart(), sac.panel().chart(),
                disagreement.stepPanel().chart(), prediction.panel().chart()));
        resetViews();
    }

    /** Keyboard shortcuts, once the scene exists. */
    void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::startRun);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::togglePause);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), runs::stop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::savePreset);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseRun);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> setTheme(theme == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> setLargeFont(!largeFont));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(0));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(2));
    }

    /** Starts the per-frame event pump. */
    void startPump() {
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (FRAME_LOG && lastFrame != 0 && now - lastFrame > 100_000_000L) {
                    System.err.printf("slow frame: %.0f ms before the frame at %.1f s (previous batch: %s)%n",
                            (now - lastFrame) / 1e6, now / 1e9, lastBatch);
                }
                lastFrame = now;
                frames.frame(now);
                if (statsLog != null) {
                    statsLog.frame(now);
                }
                if (runs.modeProperty().get() != RunController.Mode.REPLAY) {
                    List<RunEvent> batch = runs.drain(5000);
                    if (!batch.isEmpty()) {
                        feed(batch);
                        if (FRAME_LOG) {
                            lastBatch = batch.stream().map(RunEvent::type).distinct().toList().toString();
                        }
                    }
                }
                envView.tick(now);
                compare.pump(now);
            }
        };
        pump.start();
    }

    /**
     * Starts PyTorch on a background thread as the window opens (unpacking the natives takes
     * seconds the first time), so that Start does not wait for it; the status bar says when it is ready.
     */
    void startEngineInBackground() {
        RunConfig c = settings.config();
        status.message("starting PyTorch...");
        Thread t = new Thread(() -> {
            try {
                dev.mbpo.nn.EngineInfo info = dev.mbpo.nn.Engines.start(
                        new dev.mbpo.nn.EngineOptions(c.run().device(), c.run().threads(), 1));
                Platform.runLater(() -> {
                    if (status.messageText().equals("starting PyTorch...")) {
                        status.message("engine ready: " + info.summary());
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> Dialogs.error("PyTorch could not start", e.getMessage()));
            }
        }, "mbpo-engine-start");
        t.setDaemon(true);
        t.start();
    }

    /** Writes the window's health (memory, frame gaps, event rate) to a CSV file every interval. */
    void logStats(java.nio.file.Path file, double everySeconds) throws java.io.IOException {
        statsLog = new StatsLog(file, everySeconds);
    }

    void stopPump() {
        if (pump != null) {
            pump.stop();
        }
        if (statsLog != null) {
            statsLog.close();
            statsLog = null;
        }
        compare.shutdown();
        runs.shutdown();
    }

    private void feed(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            if (statsLog != null) {
                statsLog.event(e);
            }
            if (e instanceof RunEvent.Started && runs.modeProperty().get() != RunController.Mode.REPLAY) {
                frames.reset(); // frame gaps are measured while training, from the run's first event
            }
            for (RunView v : views) {
                v.accept(e);
            }
        }
        for (RunView v : views) {
            v.flush();
        }
    }

    private void resetViews() {
        views.forEach(RunView::reset);
        views.forEach(RunView::flush);
    }

    private void updateButtons() {
        RunController.Mode m = runs.modeProperty().get();
        boolean active = m == RunController.Mode.RUNNING || m == RunController.Mode.PAUSED;
        start.setDisable(active || compare.runningProperty().get() || !settings.validProperty().get());
        compare.setMainRunActive(active);
        pause.setDisable(!active);
        pause.setText(m == RunController.Mode.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!active);
        settingsView.setLocked(active);
        presetBox.setDisable(active);
    }

    void startRun() {
        if (start.isDisabled()) {
            return;
        }
        try {
            if (runs.modeProperty().get() == RunController.Mode.REPLAY) {
                closeReplay();
            }
            resetViews();
            setEnvironment(settings.config().env());
            loopDiagram.configure(settings.config());
            String id = runs.start(settings.config());
            status.message("recording to " + runs.runsDir().resolve(id));
        } catch (IOException | RuntimeException e) {
            Dialogs.error("Could not start the run", e.getMessage());
        }
    }

    void togglePause() {
        if (runs.modeProperty().get() == RunController.Mode.RUNNING) {
            runs.pause();
            status.message("paused");
        } else if (runs.modeProperty().get() == RunController.Mode.PAUSED) {
            runs.resume();
            status.message("");
        }
    }

    void loadPreset(Path file) {
        try {
            settings.load(Presets.load(file));
            settingsView.reload();
            setEnvironment(settings.config().env());
            loopDiagram.configure(settings.config());
            status.message("preset " + file.getFileName());
            if (presetBox.getValue() == null) {
                presetBox.setPromptText(file.getFileName().toString());
            }
        } catch (ConfigException e) {
            Dialogs.error("Could not load the preset", e.getMessage());
        }
    }

    private List<String> presetNames() {
        if (!Files.isDirectory(presetsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(presetsDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void savePreset() {
        if (!settings.validProperty().get()) {
            Dialogs.error("Cannot save", "Fix the marked settings first: " + settings.summaryProperty().get());
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialDirectory(Files.isDirectory(presetsDir) ? presetsDir.toFile() : null);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Preset", "*.json"));
        File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            try {
                Presets.save(settings.config(), f.toPath());
                presetBox.getItems().setAll(presetNames());
                status.message("saved " + f.getName());
            } catch (IOException e) {
                Dialogs.error("Could not save " + f, e.getMessage());
            }
        }
    }

    private void chooseRun() {
        chooseRunFolder("Open a saved run (a folder with run.json)", this::openRun);
    }

    /** Asks for a run folder; null when cancelled. */
    private Path askRunFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        if (Files.isDirectory(runs.runsDir())) {
            dc.setInitialDirectory(runs.runsDir().toFile());
        }
        File f = dc.showDialog(root.getScene().getWindow());
        return f == null ? null : f.toPath();
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
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        if (Files.isDirectory(runs.runsDir())) {
            dc.setInitialDirectory(runs.runsDir().toFile());
        }
        File f = dc.showDialog(root.getScene().getWindow());
        if (f != null) {
            then.accept(f.toPath());
        }
    }

    /**
     * Opens a saved run for replay; the plots fill from it and the slider scrubs its epochs.
     * The folder is read on a background thread so that a long run never stalls the window.
     */
    void openRun(Path dir) {
        if (runs.modeProperty().get() == RunController.Mode.RUNNING || runs.modeProperty().get() == RunController.Mode.PAUSED) {
            Dialogs.error("A run is in progress", "Stop it before opening a saved run.");
            return;
        }
        status.message("reading " + dir.getFileName() + "...");
        Thread t = new Thread(() -> {
            try {
                RunFolder folder = RunFolder.open(dir);
                RunFolder.Events ev = folder.readEvents();
                Platform.runLater(() -> showReplay(folder, ev));
            } catch (IOException e) {
                Platform.runLater(() -> Dialogs.error("Could not open the run", e.getMessage()));
            }
        }, "mbpo-open-run");
        t.setDaemon(true);
        t.start();
    }

    private void showReplay(RunFolder folder, RunFolder.Events ev) {
        runs.enterReplay();
        setEnvironment(folder.config().env());
        loopDiagram.configure(folder.config());
        replay.load(ev.events(), batch -> {
            resetViews();
            feed(batch);
            playEpisodesAt(batch);
        }, this::closeReplay, step -> playCheckpoint(folder, step));
        status.message("replaying " + folder.id() + " (" + folder.status() + ")"
                + (ev.warnings().isEmpty() ? "" : "; " + ev.warnings().get(0)));
    }

    /**
     * Runs the policy of the newest checkpoint at or before {@code step} for one episode on a
     * background thread (DJL never runs on the FX thread) and plays it in the environment view.
     */
    private void playCheckpoint(RunFolder folder, long step) {
        Path checkpoint;
        try {
            long epochSteps = "mbpo".equals(folder.config().algorithm()) ? folder.config().mbpo().epochLength()
                    : folder.config().run().evalEvery();
            checkpoint = folder.checkpoints().stream()
                    .filter(p -> Long.parseLong(p.getFileName().toString().substring("epoch-".length())) * epochSteps <= Math.max(step, epochSteps))
                    .reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            Dialogs.error("Could not list the checkpoints", e.getMessage());
            return;
        }
        if (checkpoint == null) {
            status.message("no checkpoint at or before step " + step);
            return;
        }
        Path chosen = checkpoint;
        status.message("running the policy of " + chosen.getFileName() + "...");
        Thread t = new Thread(() -> {
            try (dev.mbpo.train.CheckpointPolicy policy = dev.mbpo.train.CheckpointPolicy.load(folder.config(), chosen)) {
                RunEvent.Episode ep = policy.evaluate(1, System.nanoTime() & 0xffff).get(0);
                Platform.runLater(() -> {
                    envView.play(ep);
                    status.message(String.format("policy of %s: return %.1f", chosen.getFileName(), ep.episodeReturn()));
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> Dialogs.error("Could not run the checkpoint's policy", e.getMessage()));
            }
        }, "mbpo-checkpoint-policy");
        t.setDaemon(true);
        t.start();
    }

    private void playEpisodesAt(List<RunEvent> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i) instanceof RunEvent.Episode ep && ep.kind().equals("eval") && ep.states().length > 0) {
                envView.play(ep);
                return;
            }
        }
    }

    private void closeReplay() {
        replay.hide();
        runs.leaveReplay();
        resetViews();
        status.message("");
    }

    private void chooseBaseline() {
        chooseRunFolder("Choose a saved run to overlay (e.g. the SAC baseline)", this::setBaseline);
    }

    void setBaseline(Path dir) {
        try {
            RunFolder folder = RunFolder.open(dir);
            RunSummary s = RunSummary.of(folder.readEvents().events());
            returns.setBaseline(folder.config().algorithm() + " s" + folder.config().run().seed() + " (baseline)",
                    new ArrayList<>(s.evalCurve()));
        } catch (IOException e) {
            Dialogs.error("Could not read the baseline run", e.getMessage());
        }
    }

    // Accessors for tests and scripted demos.
    SettingsModel settings() {
        return settings;
    }

    SettingsView settingsView() {
        return settingsView;
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
        return frames;
    }

    StatusBar status() {
        return status;
    }

}
