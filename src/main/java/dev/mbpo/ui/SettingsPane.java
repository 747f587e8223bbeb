package dev.mbpo.ui;

import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The window's left pane: the preset chooser above the settings sheet; loading and saving
 * presets; locking the sheet while a run or replay shows; and its width at large fonts.
 */
final class SettingsPane {
    private final SettingsModel settings;
    private final SettingsView view;
    private final VBox box = new VBox();
    private final Path presetsDir;
    private final WorkbenchToolbar toolbar;
    private final StatusBar status;
    private final Consumer<RunConfig> loaded;

    /** @param loaded told of every configuration loaded from a preset (the window draws its environment) */
    SettingsPane(SettingsModel settings, Path presetsDir, WorkbenchToolbar toolbar, StatusBar status, Consumer<RunConfig> loaded) {
        this.settings = settings;
        this.view = new SettingsView(settings);
        this.presetsDir = presetsDir;
        this.toolbar = toolbar;
        this.status = status;
        this.loaded = loaded;
        box.getChildren().setAll(toolbar.presetChooser(), view);
        VBox.setVgrow(view, Priority.ALWAYS);
        box.setMinWidth(280);
        box.setPrefWidth(330);
        settings.editedProperty().addListener((o, a, b) -> toolbar.showSettingsEdited(b));
    }

    Node node() {
        return box;
    }

    /** Re-reads every field from the model (after it was loaded from elsewhere, e.g. a replayed run). */
    void reload() {
        view.reload();
    }

    void setLocked(boolean locked) {
        view.setLocked(locked);
    }

    boolean locked() {
        return view.locked();
    }

    void load(Path file) {
        try {
            settings.load(Presets.load(file));
            view.reload();
            loaded.accept(settings.config());
            status.message("preset " + file.getFileName());
            toolbar.showPresetLoaded(file.getFileName().toString());
        } catch (ConfigException e) {
            Dialogs.error("Could not load the preset", e.getMessage());
        }
    }

    void save(javafx.stage.Window owner) {
        if (!settings.validProperty().get()) {
            Dialogs.error("Cannot save", "Fix the marked settings first: " + settings.summaryProperty().get());
            return;
        }
        Path f = FileDialogs.askSaveTarget(owner, presetsDir);
        if (f != null) {
            try {
                Presets.save(settings.config(), f);
                toolbar.setPresets(FileDialogs.names(presetsDir));
                status.message("saved " + f.getFileName());
            } catch (IOException e) {
                Dialogs.error("Could not save " + f, e.getMessage());
            }
        }
    }

    /** The sheet's names ("Normalise targets") need room at the larger size: the pane widens in {@code split}. */
    void showLargeFont(boolean on, SplitPane split) {
        box.setMinWidth(on ? 390 : 280);
        if (split.getWidth() > 0) {
            split.setDividerPositions(Math.max(split.getDividerPositions()[0], box.getMinWidth() / split.getWidth()));
        }
    }
}
