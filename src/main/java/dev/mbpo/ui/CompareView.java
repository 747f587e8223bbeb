package dev.mbpo.ui;

import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Compare tab. SAC and MBPO side by side: one click starts both with the same seed and
 * settings (SAC with G = 1 as in the paper, or the same G), each a recorded run on its own thread
 * (gradient recording is per thread), agents animated next to each other; or two saved runs
 * play together. Up to four algorithms (SAC, MBPO, MPC, offline) run at once or open from saved
 * runs ({@link AlgorithmRace}, {@link ComparedRuns}): their curves share the plot, an offline run's
 * at its dataset size, and the comparison table fills with measured figures. Runs grouped by a
 * setting draw their mean and seed band ({@link SeedBands}).
 */
final class CompareView {
    private final XYSeries left = Charts.series("MBPO");
    private final XYSeries right = Charts.series("SAC");
    private final XYSeries[] series = {left, right, Charts.series("third"), Charts.series("fourth")};
    private final XYLineAndShapeRenderer renderer = Charts.markers(new Color(0x2a9d8f), new Color(0xe76f51), new Color(0x6a4c93),
            new Color(0xe9a23b));
    private final ComparedRuns compared = new ComparedRuns();
    private final Button openRuns = new Button("Compare algorithms...");
    private final GridPane agents = new GridPane();
    private final PlotPanel panel;
    private final EnvView leftEnv = new EnvView();
    private final EnvView rightEnv = new EnvView();
    private final Label leftTitle = new Label("MBPO");
    private final Label rightTitle = new Label("SAC");
    private final Label info = new Label("Start both with the current settings, or open two saved runs.");
    private final ComboBox<String> sacUpdates = new ComboBox<>();
    private final Button startBoth = new Button("Start SAC vs MBPO");
    private final Button stopBoth = new Button("Stop both");
    private final Button openTwo = new Button("Open two runs...");
    private final BorderPane node = new BorderPane();
    private final RunController leftRuns;
    private final RunController rightRuns;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final AlgorithmRace race;
    private final SeedBands bands;
    private final SweepDialog.Launcher sweep;
    /** An offline run's x on the plot: its dataset size, per series; -1 for runs that step. */
    private final long[] datasetX = {-1, -1, -1, -1};
    private boolean racing;
    private boolean dirty;

    /**
     * @param runsDir  where both runs are recorded
     * @param settings the settings to run with (read when Start is pressed)
     * @param choose   asks the user for a run folder (null when cancelled)
     */
    CompareView(Path runsDir, Supplier<RunConfig> settings, java.util.function.Function<String, Path> choose) {
        leftRuns = new RunController(runsDir);
        rightRuns = new RunController(runsDir);
        race = new AlgorithmRace(runsDir, choose, () -> startAlgorithms(settings.get()));
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries x : series) {
            data.addSeries(x);
        }
        JFreeChart chart = Charts.lineChart("Evaluation return against real steps (offline: at its dataset size)", "real steps",
                "return", data);
        ((XYPlot) chart.getPlot()).setRenderer(renderer);
        bands = new SeedBands((XYPlot) chart.getPlot());
        renderer.setSeriesVisibleInLegend(2, false); // the third and fourth curves only for algorithm comparisons
        renderer.setSeriesVisibleInLegend(3, false);
        sweep = new SweepDialog.Launcher(runsDir, settings, (env, key) -> groupBy(runsDir, env, key));
        panel = new PlotPanel("plot-compare", chart);
        sacUpdates.getItems().addAll("SAC with G = 1 (the paper's baseline)", "SAC with MBPO's G");
        sacUpdates.setValue(sacUpdates.getItems().get(0));
        sacUpdates.setId("compare-sac-updates");
        startBoth.setId("compare-start");
        startBoth.setTooltip(new Tooltip("Start MBPO with these settings and SAC with the same seed and SAC settings, at once"));
        startBoth.setOnAction(e -> startBoth(settings.get()));
        stopBoth.setId("compare-stop");
        stopBoth.setDisable(true);
        stopBoth.setOnAction(e -> {
            leftRuns.stop();
            rightRuns.stop();
            race.stop();
        });
        openTwo.setId("compare-open");
        openTwo.setOnAction(e -> {
            Path a = choose.apply("First run (left)");
            Path b = a == null ? null : choose.apply("Second run (right)");
            if (a != null && b != null) {
                openPair(a, b);
            }
        });
        openRuns.setId("compare-open-runs");
        openRuns.setTooltip(new Tooltip("Open up to four saved runs on one task (SAC, MBPO, MPC, offline): their curves and the "
                + "comparison table. Cancel the chooser to stop adding."));
        openRuns.setOnAction(e -> {
            List<Path> chosen = ComparedRuns.chooseUpTo(4, choose);
            if (!chosen.isEmpty()) {
                openRuns(chosen);
            }
        });
        info.setId("compare-info");
        javafx.scene.layout.FlowPane bar = AgentCards.bar(startBoth, sacUpdates, race.node(), stopBoth, openTwo, openRuns, sweep.button(),
                SeedBands.button(() -> settings.get().env(), (env, key) -> groupBy(runsDir, env, key)), new Label("R"),
                compared.threshold(), info);
        AgentCards.fill(agents, leftTitle, leftEnv, rightTitle, rightEnv);
        VBox centre = new VBox(6, panel, compared.table(), agents);
        VBox.setVgrow(panel, Priority.ALWAYS);
        VBox.setVgrow(agents, Priority.ALWAYS);
        panel.setPrefHeight(380);
        agents.setPrefHeight(260);
        centre.setPadding(new Insets(6));
        node.setTop(bar);
        node.setCenter(centre);
        node.setId("compare-view");
        leftTitle.setStyle("-fx-font-weight: bold; -fx-text-fill: #2a9d8f;");
        rightTitle.setStyle("-fx-font-weight: bold; -fx-text-fill: #e76f51;");
    }

    BorderPane node() {
        return node;
    }

    PlotPanel panel() {
        return panel;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    int points(boolean leftSide) {
        return (leftSide ? left : right).getItemCount();
    }

    /** Points of the i-th curve (0 to 3). */
    int points(int slot) {
        return series[slot].getItemCount();
    }

    /** Groups every run of {@code env} by {@code key} off the FX thread, then draws each group's mean and band. */
    void groupBy(Path runsDir, String env, String key) {
        info.setText("reading the runs of " + env + "...");
        double r = compared.thresholdValue();
        BackgroundTask.run("mbpo-group-runs", () -> SeedBands.read(runsDir, env, key, r), groups -> {
            clear();
            setAgentsShown(false);
            info.setText(bands.show(key, groups));
            flush();
        }, e -> Dialogs.error("Could not group the runs", e.getMessage()));
    }

    int bandGroups() {
        return bands.groups();
    }

    SweepDialog.Launcher sweep() {
        return sweep;
    }

    AlgorithmRace race() {
        return race;
    }

    /** Rows of the comparison table. */
    int tableRows() {
        return compared.rows();
    }

    /** Reads up to four saved runs off the FX thread and shows their curves and the comparison table. */
    void openRuns(List<Path> dirs) {
        info.setText("reading " + dirs.size() + " runs...");
        ComparedRuns.readInBackground(dirs, this::showRuns);
    }

    private void showRuns(List<RunFolder> folders, List<List<RunEvent>> events) {
        clear();
        setAgentsShown(false);
        for (int i = 0; i < folders.size(); i++) {
            RunFolder f = folders.get(i);
            name(i, f.config().algorithm(), f.id());
            compared.add(f.id(), f.config(), new java.util.ArrayList<>());
            for (RunEvent e : events.get(i)) {
                acceptSlot(i, e);
            }
        }
        dirty = true;
        info.setText("comparing " + folders.size() + " saved runs on " + folders.get(0).config().env());
        compared.refresh();
        flush();
    }

    private void setAgentsShown(boolean on) {
        agents.setVisible(on);
        agents.setManaged(on);
    }

    /** Starts the algorithms checked in the race menu on the current settings; their curves and table fill as they run. */
    void startAlgorithms(RunConfig settings) {
        List<RunConfig> configs = race.configs(settings, sacUpdates.getSelectionModel().getSelectedIndex() == 1);
        if (configs.isEmpty()) {
            info.setText("check at least one algorithm (an offline run needs its dataset chosen)");
            return;
        }
        clear();
        setAgentsShown(false);
        try {
            for (AlgorithmRace.Started s : race.start(configs)) {
                name(s.slot(), s.config().algorithm(), s.id());
                compared.add(s.id(), s.config(), new java.util.ArrayList<>());
            }
        } catch (IOException | RuntimeException e) {
            Dialogs.error("Could not start the algorithms", e.getMessage());
            return;
        }
        racing = true;
        setRunning(true);
        info.setText(configs.size() + " algorithms running on " + settings.env() + ", seed " + settings.run().seed());
    }

    /** Curve {@code slot} is this run's: its legend and its algorithm's colour. */
    private void name(int slot, dev.mbpo.config.Algorithm a, String id) {
        series[slot].setKey(a.label().toUpperCase(java.util.Locale.ROOT) + " (" + id + ")");
        renderer.setSeriesPaint(slot, ComparedRuns.colorOf(a));
        renderer.setSeriesVisibleInLegend(slot, true);
    }

    /** One event of the run drawn as curve {@code slot}: its evaluation returns (offline: at its dataset size), its table row. */
    private void acceptSlot(int slot, RunEvent e) {
        if (e instanceof RunEvent.Metrics m && m.values().containsKey(dev.mbpo.run.ComparisonRow.DATASET_SIZE)) {
            datasetX[slot] = m.values().get(dev.mbpo.run.ComparisonRow.DATASET_SIZE).longValue();
        }
        java.util.OptionalDouble ret = RunEvent.evalReturn(e);
        if (ret.isPresent()) {
            series[slot].add(datasetX[slot] >= 0 ? datasetX[slot] : e.step(), ret.getAsDouble(), false);
            dirty = true;
        }
        compared.record(slot, e);
    }

    void startBoth(RunConfig settings) {
        RunConfig mbpo = AlgorithmRace.as(settings, dev.mbpo.config.Algorithm.MBPO);
        RunConfig sac = AlgorithmRace.sacTwin(mbpo, sacUpdates.getSelectionModel().getSelectedIndex() == 1);
        clear();
        leftEnv.setEnvironment(mbpo.env());
        rightEnv.setEnvironment(sac.env());
        try {
            String a = leftRuns.start(mbpo);
            String b;
            try {
                b = rightRuns.start(sac);
            } catch (IOException | RuntimeException e) {
                leftRuns.stop();
                throw e;
            }
            compared.add(a, mbpo, new java.util.ArrayList<>());
            compared.add(b, sac, new java.util.ArrayList<>());
            leftTitle.setText("MBPO  (" + a + ")");
            rightTitle.setText("SAC, G = " + sac.sac().updatesPerStep() + "  (" + b + ")");
            left.setKey("MBPO");
            right.setKey("SAC, G = " + sac.sac().updatesPerStep());
            info.setText("both running, seed " + mbpo.run().seed());
            setRunning(true);
        } catch (IOException | RuntimeException e) {
            Dialogs.error("Could not start the comparison", e.getMessage());
        }
    }

    private boolean mainRunActive;

    /** A run on the Dashboard blocks starting the pair (three sessions would crawl on a laptop). */
    void setMainRunActive(boolean active) {
        mainRunActive = active;
        setRunning(running.get());
    }

    private void setRunning(boolean on) {
        running.set(on);
        startBoth.setDisable(on || mainRunActive);
        race.node().setDisable(on || mainRunActive);
        openTwo.setDisable(on);
        openRuns.setDisable(on);
        stopBoth.setDisable(!on);
    }

    /** Reads two saved runs off the FX thread and shows them together. */
    void openPair(Path a, Path b) {
        info.setText("reading " + a.getFileName() + " and " + b.getFileName() + "...");
        ComparedRuns.readInBackground(List.of(a, b), (f, ev) -> showPair(f.get(0), ev.get(0), f.get(1), ev.get(1)));
    }

    private void showPair(RunFolder fa, List<RunEvent> ea, RunFolder fb, List<RunEvent> eb) {
        clear();
        leftEnv.setEnvironment(fa.config().env());
        rightEnv.setEnvironment(fb.config().env());
        left.setKey(fa.config().algorithm().label().toUpperCase() + " " + fa.id());
        right.setKey(fb.config().algorithm().label().toUpperCase() + " " + fb.id());
        leftTitle.setText(fa.config().algorithm().label().toUpperCase() + "  (" + fa.id() + ")");
        rightTitle.setText(fb.config().algorithm().label().toUpperCase() + "  (" + fb.id() + ")");
        compared.add(fa.id(), fa.config(), new java.util.ArrayList<>());
        compared.add(fb.id(), fb.config(), new java.util.ArrayList<>());
        ea.forEach(e -> accept(true, e));
        eb.forEach(e -> accept(false, e));
        info.setText("replaying two saved runs");
        compared.refresh();
        flush();
    }

    private void clear() {
        for (XYSeries x : series) {
            x.clear();
        }
        renderer.setSeriesPaint(0, ComparedRuns.colorOf(dev.mbpo.config.Algorithm.MBPO));
        renderer.setSeriesPaint(1, ComparedRuns.colorOf(dev.mbpo.config.Algorithm.SAC));
        renderer.setSeriesVisibleInLegend(2, false);
        renderer.setSeriesVisibleInLegend(3, false);
        compared.clear();
        bands.clear();
        java.util.Arrays.fill(datasetX, -1);
        setAgentsShown(true);
        leftEnv.reset();
        rightEnv.reset();
    }

    private void accept(boolean leftSide, RunEvent e) {
        java.util.OptionalDouble ret = RunEvent.evalReturn(e);
        if (ret.isPresent()) {
            (leftSide ? left : right).add(e.step(), ret.getAsDouble(), false);
            dirty = true;
        }
        (leftSide ? leftEnv : rightEnv).accept(e);
        compared.record(leftSide ? 0 : 1, e);
    }

    /** Once per frame: drains both live runs and advances both animations. */
    void pump(long now) {
        if (racing) {
            race.drain(this::acceptSlot);
            if (!race.running()) {
                racing = false;
                setRunning(false);
                info.setText("all runs ended; they are saved in the runs folder");
            }
        } else if (running.get()) {
            leftRuns.drain(5000).forEach(e -> accept(true, e));
            rightRuns.drain(5000).forEach(e -> accept(false, e));
            boolean leftDone = leftRuns.modeProperty().get() == RunController.Mode.IDLE;
            boolean rightDone = rightRuns.modeProperty().get() == RunController.Mode.IDLE;
            if (leftDone && rightDone) {
                setRunning(false);
                info.setText("both runs ended; they are saved in the runs folder");
            } else if (leftDone != rightDone) {
                // Say which one is still going: "both running" would be wrong from here on.
                String still = leftDone ? "SAC" : "MBPO";
                String ended = leftDone ? "MBPO" : "SAC";
                String text = ended + " ended; " + still + " still running";
                if (!info.getText().equals(text)) {
                    info.setText(text);
                }
            }
        }
        flush();
        leftEnv.tick(now);
        rightEnv.tick(now);
    }

    private void flush() {
        compared.refreshAtMostEverySecond();
        if (dirty && !panel.paused()) {
            dirty = false;
            panel.batch(() -> {
                left.fireSeriesChanged();
                right.fireSeriesChanged();
            });
        }
    }

    void shutdown() {
        leftRuns.shutdown();
        rightRuns.shutdown();
        race.shutdown();
    }
}
