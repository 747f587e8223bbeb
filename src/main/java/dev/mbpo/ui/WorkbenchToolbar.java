package dev.mbpo.ui;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's toolbar: Start / Pause / Stop, preset saving, opening a run, a baseline, and the
 * presenter toggles, in one row that fits 1366 pixels also with large fonts (no button is ever
 * cut: buttons keep their full width, the title gives way first). The preset chooser heads the
 * settings pane ({@link #presetChooser()}); the environment is chosen in the settings sheet.
 * What each control does is the {@link Actions}' business.
 */
final class WorkbenchToolbar {
    /** What the toolbar's controls ask the window to do. */
    interface Actions {
        void presetChosen(String fileName);

        void startRun();

        void togglePause();

        void stopRun();

        void savePreset();

        void chooseRun();

        void chooseBaseline();

        void setTheme(Theme theme);

        void setLargeFont(boolean on);
    }

    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Button baseline = new Button("Baseline...");
    private final ToggleButton dark = new ToggleButton("Dark");
    private final ToggleButton large = new ToggleButton("Large");
    private final HBox bar;
    private final HBox presetRow;
    private String loadedPreset;
    private final javafx.scene.layout.StackPane startHolder;
    private final Tooltip whyNotStart = new Tooltip();

    WorkbenchToolbar(List<String> presets, String presetsDir, Actions actions) {
        presetBox.setId("toolbar-preset");
        presetBox.setPromptText("preset");
        presetBox.getItems().setAll(presets);
        presetBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                actions.presetChosen(b);
            }
        });
        presetBox.setTooltip(new Tooltip("Load a preset from " + presetsDir));
        start.setDefaultButton(true);
        configure(start, "start", "Start a run with these settings (Ctrl+Enter)", actions::startRun);
        configure(pause, "pause", "Pause or resume (Ctrl+P)", actions::togglePause);
        configure(stop, "stop", "Stop the run; it stays saved (Escape)", actions::stopRun);
        Button save = configure(new Button("Save preset"), "save-preset", "Save these settings as a preset (Ctrl+S)", actions::savePreset);
        Button open = configure(new Button("Open run"), "open-run", "Replay a saved run (Ctrl+O)", actions::chooseRun);
        configure(baseline, "baseline",
                "Overlay a saved run's evaluation curve (e.g. the SAC baseline) on the returns plot", actions::chooseBaseline);
        configure(dark, "theme-dark", "Dark theme for projectors (Ctrl+T)",
                () -> actions.setTheme(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        configure(large, "large-font", "Large fonts for the back row (Ctrl+L); F12 saves a screenshot",
                () -> actions.setLargeFont(large.isSelected()));
        Label title = new Label("MBPO Workbench");
        title.getStyleClass().add("app-title");
        title.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // A disabled button shows no tooltip: its holder says why Start is disabled.
        startHolder = new javafx.scene.layout.StackPane(start);
        startHolder.setMinWidth(Region.USE_PREF_SIZE);
        startHolder.setId("start-holder");
        bar = new HBox(8, startHolder, pause, stop, separator(), save, open, baseline, separator(), dark, large, gap, title);
        for (Node n : bar.getChildren()) {
            if (n instanceof javafx.scene.control.ButtonBase b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        // The title is the window's name, also in its title bar: it leaves the row when the buttons need the room.
        bar.widthProperty().addListener((o, a, w) -> fitTitle(title));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("toolbar");
        Label presetLabel = new Label("Preset");
        presetLabel.setMinWidth(Region.USE_PREF_SIZE);
        presetBox.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(presetBox, Priority.ALWAYS);
        presetRow = new HBox(8, presetLabel, presetBox);
        presetRow.setAlignment(Pos.CENTER_LEFT);
        presetRow.setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        presetRow.setId("preset-row");
    }

    private static <B extends javafx.scene.control.ButtonBase> B configure(B button, String id, String tooltip, Runnable action) {
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(22);
        return s;
    }

    Node node() {
        return bar;
    }

    /** "Preset [box]": the head of the settings pane. */
    Node presetChooser() {
        return presetRow;
    }

    /** Shows the title only where it fits whole beside the buttons. */
    private void fitTitle(Label title) {
        double buttons = 0;
        for (Node n : bar.getChildren()) {
            if (n != title && n.isManaged()) {
                buttons += n.prefWidth(-1) + bar.getSpacing();
            }
        }
        double room = bar.getWidth() - bar.getInsets().getLeft() - bar.getInsets().getRight() - buttons;
        boolean fits = room >= title.prefWidth(-1);
        title.setVisible(fits);
        title.setManaged(fits);
    }

    /** Enables what makes sense: Start when no run goes and the settings are valid; Pause and Stop while one goes. */
    void update(RunController.Mode mode, boolean comparing, boolean settingsValid, String settingsErrors) {
        boolean active = mode == RunController.Mode.RUNNING || mode == RunController.Mode.PAUSED;
        start.setDisable(active || comparing || !settingsValid);
        String why = active ? "A run is going: Stop it (Escape) before starting another."
                : comparing ? "A comparison is running in the Compare tab."
                : !settingsValid ? "Fix the settings marked in red first:\n" + settingsErrors : null;
        Tooltip.uninstall(startHolder, whyNotStart);
        if (why != null) {
            whyNotStart.setText(why);
            Tooltip.install(startHolder, whyNotStart);
        }
        pause.setDisable(!active);
        pause.setText(mode == RunController.Mode.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!active);
        presetBox.setDisable(active);
    }

    /** Why Start is disabled, or null when it is not. */
    String whyStartIsDisabled() {
        return start.isDisabled() ? whyNotStart.getText() : null;
    }

    boolean startDisabled() {
        return start.isDisabled();
    }

    void setPresets(List<String> names) {
        presetBox.getItems().setAll(names);
    }

    /** Names the preset just loaded (chosen in the box, or given on the command line). */
    void showPresetLoaded(String fileName) {
        loadedPreset = fileName;
        if (presetBox.getValue() == null) {
            presetBox.setPromptText(fileName);
        }
    }

    /**
     * After the settings were changed by hand the box no longer claims the preset: it shows
     * "NAME (edited)" (and choosing NAME again reloads it).
     */
    void showSettingsEdited(boolean edited) {
        if (!edited) {
            if (presetBox.getValue() == null && loadedPreset != null) {
                presetBox.setPromptText(loadedPreset);
            }
            return;
        }
        String name = presetBox.getValue() != null ? presetBox.getValue() : loadedPreset;
        presetBox.setValue(null);
        presetBox.setPromptText(name == null ? "preset (edited)" : name + " (edited)");
    }

    /** What the next run's settings came from, for its provenance: a preset's name, "(edited)" when changed. */
    String presetShown() {
        return presetBox.getValue() != null ? presetBox.getValue() : presetBox.getPromptText();
    }

    /** While a baseline is shown the button takes it off again. */
    void showBaseline(boolean shown) {
        baseline.setText(shown ? "Remove baseline" : "Baseline...");
        baseline.getTooltip().setText(shown ? "Take the baseline curve off the returns plot"
                : "Overlay a saved run's evaluation curve (e.g. the SAC baseline) on the returns plot");
    }

    void showTheme(Theme t) {
        dark.setSelected(t == Theme.DARK);
    }

    void showLargeFont(boolean on) {
        large.setSelected(on);
    }
}
