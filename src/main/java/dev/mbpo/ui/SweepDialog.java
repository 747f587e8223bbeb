package dev.mbpo.ui;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.sweep.SweepPlan;
import dev.mbpo.sweep.SweepProgress;
import dev.mbpo.sweep.SweepRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The window's sweep: the settings sheet's configuration times a grid of settings and seeds, run
 * here (or on Slurm) as recorded runs exactly as {@code mbpo sweep} runs them, with a table of
 * the runs' progress refreshed every second and, when they are done, the grouped comparison
 * (each setting's mean and seed band) in the Compare tab.
 */
final class SweepDialog {
    private final Stage stage = new Stage();
    private final TextArea grid = new TextArea();
    private final TextField seeds = new TextField("1-3");
    private final TextField steps = new TextField();
    private final Spinner<Integer> parallel = new Spinner<>(1, 16, Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final ComboBox<String> executor = new ComboBox<>();
    private final TextField name = new TextField();
    private final Label error = new Label();
    private final Label status = new Label("Each line of the grid: a setting and its values, e.g. rollout.horizon=1,5");
    private final Button start = new Button("Start sweep");
    private final Button compare = new Button("Compare by the first setting");
    private final TableView<SweepPlan.Entry> runs = new TableView<>();
    private final Path runsDir;
    private final Path sweepsDir;
    private final Supplier<RunConfig> settings;
    private SweepPlan plan;
    private Thread driver;
    private String env = "";
    /** Each run's progress, read with the plan off the FX thread (it reads the runs' event files). */
    private java.util.Map<Integer, String> progress = java.util.Map.of();
    private boolean reading;

    /** @param compareBy shows the runs of a task grouped by a setting (env, key) */
    SweepDialog(Window owner, Path runsDir, Supplier<RunConfig> settings, BiConsumer<String, String> compareBy) {
        this.runsDir = runsDir;
        this.sweepsDir = runsDir.toAbsolutePath().getParent() == null ? Path.of("sweeps")
                : runsDir.toAbsolutePath().getParent().resolve("sweeps");
        this.settings = settings;
        grid.setPromptText("rollout.horizon=1,5\nmodel.elites=3,5");
        grid.setPrefRowCount(3);
        grid.setId("sweep-grid");
        seeds.setId("sweep-seeds");
        steps.setPromptText("the preset's");
        steps.setId("sweep-steps");
        executor.getItems().setAll("local", "slurm");
        executor.setValue("local");
        name.setPromptText("made from the time");
        error.setId("sweep-error");
        error.getStyleClass().add("settings-error");
        error.setWrapText(true);
        status.setId("sweep-status");
        start.setId("sweep-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        compare.setId("sweep-compare");
        compare.setDisable(true);
        compare.setOnAction(e -> compareBy.accept(env, plan.grid().get(0).key()));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        String[] labels = {"Grid", "Seeds", "Steps per run", "At once", "Executor", "Name"};
        javafx.scene.Node[] fields = {grid, seeds, steps, parallel, executor, name};
        for (int i = 0; i < labels.length; i++) {
            Label l = new Label(labels[i]);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            form.add(l, 0, i);
            form.add(fields[i], 1, i);
            GridPane.setHgrow(fields[i], Priority.ALWAYS);
        }
        runs.setId("sweep-runs");
        runs.getColumns().addAll(List.of(column("Run", e -> Integer.toString(e.index()), 50), column("Settings", SweepPlan.Entry::label, 260),
                column("State", e -> e.state().name().toLowerCase(java.util.Locale.ROOT), 90),
                column("Progress", e -> progress.getOrDefault(e.index(), "-"), 100),
                column("Run id / reason", e -> (e.runId() == null ? "" : e.runId()) + (e.reason().isEmpty() ? "" : "  " + e.reason()), 360)));
        runs.setPlaceholder(new Label("The sweep's runs appear here"));
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox root = new VBox(8, new Label("Runs the settings sheet's configuration (" + settings.get().algorithm() + " on "
                + settings.get().env() + ") for every combination of the grid and every seed, as mbpo sweep does."),
                form, new HBox(8, start, compare), error, status, runs);
        root.setPadding(new Insets(10));
        stage.setScene(new Scene(root, 880, 600));
        stage.getScene().getStylesheets().addAll(owner == null ? List.of() : owner.getScene().getStylesheets());
        stage.setTitle("Sweep");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        stage.setOnHidden(e -> refresh.stop());
    }

    private static TableColumn<SweepPlan.Entry, String> column(String title, java.util.function.Function<SweepPlan.Entry, String> v, double w) {
        TableColumn<SweepPlan.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(v.apply(cell.getValue())));
        c.setPrefWidth(w);
        c.setSortable(false);
        return c;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** Tests only: fills the form. */
    void fill(String gridLines, String seedText, String stepsText, int atOnce) {
        grid.setText(gridLines);
        seeds.setText(seedText);
        steps.setText(stepsText);
        parallel.getValueFactory().setValue(atOnce);
    }

    /** Checks the request (one line on error, nothing written) and starts the driver on its own thread. */
    void start() {
        List<String> lines = Arrays.stream(grid.getText().split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Integer n;
        try {
            n = steps.getText().isBlank() ? null : Integer.parseInt(steps.getText().trim());
        } catch (NumberFormatException e) {
            error.setText("Steps per run: '" + steps.getText() + "' is not a whole number");
            return;
        }
        RunConfig c = settings.get();
        env = c.env();
        try {
            plan = new SweepRequest(Presets.toJson(c), c.name().isBlank() ? "settings" : c.name(), lines, seeds.getText().trim(), n,
                    parallel.getValue(), executor.getValue(), new dev.mbpo.sweep.SlurmExecutor.Options(null, "04:00:00", "4G", 1),
                    name.getText()).plan(sweepsDir, runsDir);
            plan.save(sweepsDir.resolve(plan.name()));
        } catch (IllegalArgumentException | IOException e) {
            error.setText(e.getMessage());
            return;
        }
        error.setText("");
        start.setDisable(true);
        status.setText("sweep " + plan.name() + ": " + plan.runs().size() + " runs, " + plan.parallel() + " at once; plan in "
                + sweepsDir.resolve(plan.name()).resolve(SweepPlan.FILE));
        Path dir = sweepsDir.resolve(plan.name());
        SweepPlan first = plan;
        driver = new Thread(() -> {
            try {
                SweepRequest.execute(dir, first, new PrintWriter(new StringWriter()));
            } catch (IOException | RuntimeException e) {
                javafx.application.Platform.runLater(() -> error.setText("the sweep stopped: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mbpo-sweep-" + plan.name());
        driver.setDaemon(true);
        driver.start();
    }

    /** Every second: the runs' states from sweep.json and their progress from their folders. */
    private void refresh() {
        if (plan == null || reading) {
            return;
        }
        reading = true;
        Path dir = sweepsDir.resolve(plan.name());
        BackgroundTask.run("mbpo-sweep-progress", () -> {
            SweepPlan p = SweepPlan.load(dir);
            java.util.Map<Integer, String> prog = new java.util.HashMap<>();
            for (SweepPlan.Entry e : p.runs()) {
                prog.put(e.index(), SweepProgress.of(p, e));
            }
            return java.util.Map.entry(p, prog);
        }, read -> {
            reading = false;
            show(read.getKey(), read.getValue());
        }, e -> reading = false); // between a write and its rename: the next second reads it
    }

    private void show(SweepPlan p, java.util.Map<Integer, String> prog) {
        plan = p;
        progress = prog;
        runs.getItems().setAll(plan.runs());
        var counts = plan.counts();
        boolean done = driver != null && !driver.isAlive();
        if (done) {
            status.setText(String.format("sweep %s done: %d finished, %d failed%s", plan.name(), counts.get(SweepPlan.State.FINISHED),
                    counts.get(SweepPlan.State.FAILED), counts.get(SweepPlan.State.FAILED) > 0 ? " (mbpo sweep resume " + plan.name()
                    + " runs them again)" : ""));
            compare.setDisable(false);
            start.setDisable(false);
        }
    }

    /** Runs in the table, and how many have finished. */
    int finished() {
        return plan == null ? 0 : plan.counts().get(SweepPlan.State.FINISHED);
    }

    boolean done() {
        return driver != null && !driver.isAlive();
    }

    String errorText() {
        return error.getText();
    }

    /** The Compare tab's Sweep... button; keeps the last dialog it opened (tests read it). */
    static final class Launcher {
        private final Button button = new Button("Sweep...");
        private SweepDialog last;

        Launcher(Path runsDir, Supplier<RunConfig> settings, BiConsumer<String, String> compareBy) {
            button.setId("compare-sweep");
            button.setTooltip(new javafx.scene.control.Tooltip("Run the settings for a grid of values times seeds, as mbpo sweep does, "
                    + "and compare the groups with their seed bands"));
            button.setOnAction(e -> {
                last = new SweepDialog(button.getScene() == null ? null : button.getScene().getWindow(), runsDir, settings, compareBy);
                last.show();
            });
        }

        Button button() {
            return button;
        }

        SweepDialog last() {
            return last;
        }
    }
}
