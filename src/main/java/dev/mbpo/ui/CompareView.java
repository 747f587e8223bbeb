package dev.mbpo.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * SAC and MBPO side by side: one click starts both with the same seed and settings (SAC with
 * G = 1 as in the paper, or the same G), each recorded as its own run; or two saved runs are
 * played together. Evaluation returns of both share one plot against real steps, and both
 * agents are animated next to each other. The two sessions train at once on their own
 * threads (gradient recording is per thread: {@code nn.Gradients}), one core each.
 */
final class CompareView {
    private final XYSeries left = Charts.series("MBPO");
    private final XYSeries right = Charts.series("SAC");
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
    private boolean dirty;

    /**
     * @param runsDir  where both runs are recorded
     * @param settings the settings to run with (read when Start is pressed)
     * @param choose   asks the user for a run folder (null when cancelled)
     */
    CompareView(Path runsDir, Supplier<RunConfig> settings, java.util.function.Function<String, Path> choose) {
        leftRuns = new RunController(runsDir);
        rightRuns = new RunController(runsDir);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(left);
        data.addSeries(right);
        JFreeChart chart = Charts.lineChart("SAC vs MBPO: evaluation return against real steps", "real steps", "return", data);
        XYLineAndShapeRenderer r = Charts.markers(new Color(0x2a9d8f), new Color(0xe76f51));
        ((XYPlot) chart.getPlot()).setRenderer(r);
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
        });
        openTwo.setId("compare-open");
        openTwo.setOnAction(e -> {
            Path a = choose.apply("First run (left)");
            Path b = a == null ? null : choose.apply("Second run (right)");
            if (a != null && b != null) {
                openPair(a, b);
            }
        });
        info.setId("compare-info");
        // A row that wraps rather than cutting a button's text (large fonts, narrow windows).
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 4, startBoth, sacUpdates, stopBoth, openTwo, info);
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        GridPane agents = new GridPane();
        agents.setHgap(6);
        agents.add(card(leftTitle, leftEnv), 0, 0);
        agents.add(card(rightTitle, rightEnv), 1, 0);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            agents.getColumnConstraints().add(c);
        }
        GridPane.setVgrow(agents.getChildren().get(0), Priority.ALWAYS);
        GridPane.setVgrow(agents.getChildren().get(1), Priority.ALWAYS);
        VBox centre = new VBox(6, panel, agents);
        VBox.setVgrow(panel, Priority.ALWAYS);
        VBox.setVgrow(agents, Priority.ALWAYS);
        panel.setPrefHeight(380);
        agents.setPrefHeight(300);
        centre.setPadding(new Insets(6));
        node.setTop(bar);
        node.setCenter(centre);
        node.setId("compare-view");
        leftTitle.setStyle("-fx-font-weight: bold; -fx-text-fill: #2a9d8f;");
        rightTitle.setStyle("-fx-font-weight: bold; -fx-text-fill: #e76f51;");
    }

    private static VBox card(Label title, EnvView env) {
        VBox v = new VBox(2, title, env.node());
        VBox.setVgrow(env.node(), Priority.ALWAYS);
        v.setPadding(new Insets(4));
        v.getStyleClass().add("teaching-card");
        return v;
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

    /** The SAC twin of an MBPO configuration: same seed, env and SAC settings; G = 1 unless asked otherwise. */
    static RunConfig sacTwin(RunConfig mbpo, boolean sameUpdates) {
        ObjectNode tree = Presets.toTree(mbpo);
        tree.put("algorithm", "sac");
        tree.put("name", mbpo.name() + " (SAC twin)");
        if (!sameUpdates) {
            ((ObjectNode) tree.get("sac")).put("updatesPerStep", 1);
        }
        return Presets.fromTree(tree, "SAC twin of " + mbpo.name());
    }

    void startBoth(RunConfig settings) {
        ObjectNode tree = Presets.toTree(settings);
        tree.put("algorithm", "mbpo");
        RunConfig mbpo = Presets.fromTree(tree, "compare");
        RunConfig sac = sacTwin(mbpo, sacUpdates.getSelectionModel().getSelectedIndex() == 1);
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
        startBoth.setDisable(active || running.get());
        openTwo.setDisable(running.get());
    }

    private void setRunning(boolean on) {
        running.set(on);
        startBoth.setDisable(on || mainRunActive);
        openTwo.setDisable(on);
        stopBoth.setDisable(!on);
    }

    /** Reads two saved runs off the FX thread and shows them together. */
    void openPair(Path a, Path b) {
        info.setText("reading " + a.getFileName() + " and " + b.getFileName() + "...");
        Thread t = new Thread(() -> {
            try {
                RunFolder fa = RunFolder.open(a);
                RunFolder fb = RunFolder.open(b);
                List<RunEvent> ea = fa.readEvents().events();
                List<RunEvent> eb = fb.readEvents().events();
                Platform.runLater(() -> showPair(fa, ea, fb, eb));
            } catch (IOException e) {
                Platform.runLater(() -> Dialogs.error("Could not open the runs", e.getMessage()));
            }
        }, "mbpo-open-pair");
        t.setDaemon(true);
        t.start();
    }

    private void showPair(RunFolder fa, List<RunEvent> ea, RunFolder fb, List<RunEvent> eb) {
        clear();
        leftEnv.setEnvironment(fa.config().env());
        rightEnv.setEnvironment(fb.config().env());
        left.setKey(fa.config().algorithm().label().toUpperCase() + " " + fa.id());
        right.setKey(fb.config().algorithm().label().toUpperCase() + " " + fb.id());
        leftTitle.setText(fa.config().algorithm().label().toUpperCase() + "  (" + fa.id() + ")");
        rightTitle.setText(fb.config().algorithm().label().toUpperCase() + "  (" + fb.id() + ")");
        ea.forEach(e -> accept(true, e));
        eb.forEach(e -> accept(false, e));
        info.setText("replaying two saved runs");
        flush();
    }

    private void clear() {
        left.clear();
        right.clear();
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
    }

    /** Once per frame: drains both live runs and advances both animations. */
    void pump(long now) {
        if (running.get()) {
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
    }
}
