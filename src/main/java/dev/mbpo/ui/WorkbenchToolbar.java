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
import javafx.scene.layout.FlowPane;

/**
 * The window's toolbar: environment and preset choice, Start / Pause / Stop, preset saving,
 * opening a run, a baseline, and the presenter toggles. It wraps onto a second row rather
 * than hiding buttons (large fonts, narrow windows). What each control does is the
 * {@link Actions}' business.
 */
final class WorkbenchToolbar {
    /** What the toolbar's controls ask the window to do. */
    interface Actions {
        void environmentChosen(String id);

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

    private final ComboBox<String> env = new ComboBox<>();
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final ToggleButton dark = new ToggleButton("Dark");
    private final ToggleButton large = new ToggleButton("Large");
    private final FlowPane bar;
    private String loadedPreset;

    WorkbenchToolbar(List<String> envIds, String currentEnv, List<String> presets, String presetsDir, Actions actions) {
        env.setId("toolbar-env");
        env.getItems().setAll(envIds);
        env.setValue(currentEnv);
        env.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                actions.environmentChosen(b);
            }
        });
        env.setTooltip(new Tooltip("Environment of the next run"));
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
        Button baseline = configure(new Button("Baseline..."), "baseline",
                "Overlay a saved run's evaluation curve (e.g. the SAC baseline) on the returns plot", actions::chooseBaseline);
        configure(dark, "theme-dark", "Dark theme for projectors (Ctrl+T)",
                () -> actions.setTheme(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        configure(large, "large-font", "Large fonts for the back row (Ctrl+L); F12 saves a screenshot",
                () -> actions.setLargeFont(large.isSelected()));
        Label title = new Label("MBPO Workbench");
        title.getStyleClass().add("app-title");
        bar = new FlowPane(8, 6, title, separator(), new Label("Env"), env, new Label("Preset"), presetBox, separator(), start,
                pause, stop, separator(), save, open, baseline, separator(), dark, large);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("toolbar");
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

    /** Enables what makes sense: Start when no run goes and the settings are valid; Pause and Stop while one goes. */
    void update(RunController.Mode mode, boolean comparing, boolean settingsValid) {
        boolean active = mode == RunController.Mode.RUNNING || mode == RunController.Mode.PAUSED;
        start.setDisable(active || comparing || !settingsValid);
        pause.setDisable(!active);
        pause.setText(mode == RunController.Mode.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!active);
        presetBox.setDisable(active);
    }

    boolean startDisabled() {
        return start.isDisabled();
    }

    /** Shows the environment without firing the choice (after a preset changed it). */
    void showEnvironment(String id) {
        env.setValue(id);
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

    void showTheme(Theme t) {
        dark.setSelected(t == Theme.DARK);
    }

    void showLargeFont(boolean on) {
        large.setSelected(on);
    }
}
