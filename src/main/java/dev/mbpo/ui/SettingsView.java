package dev.mbpo.ui;

import dev.mbpo.config.SettingField;
import dev.mbpo.config.SettingFields;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The settings sheet (ControlsFX PropertySheet, grouped by category). Every field has its
 * description as a tooltip; an invalid field turns red with the reason as its tooltip, and
 * the first reason shows under the sheet.
 */
final class SettingsView extends VBox {
    private final SettingsModel model;
    private final PropertySheet sheet = new PropertySheet();
    /**
     * Editors per field. PropertySheet builds editors lazily and may build one more than once,
     * and a new editor is not in the scene yet when it is made, so every editor is marked and
     * the set holds them weakly: discarded ones go with the garbage collector.
     */
    private final Map<String, java.util.Set<Control>> editors = new HashMap<>();
    private final Label error = new Label();

    SettingsView(SettingsModel model) {
        this.model = model;
        getStyleClass().add("settings");
        setId("settings");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(true);
        sheet.setPropertyEditorFactory(item -> editorFor((Item) item));
        // The sheet keys its groups by this order: two categories missing from it would merge into one.
        java.util.List<String> order = SettingFields.CATEGORIES;
        sheet.setCategoryComparator(java.util.Comparator.comparingInt(order::indexOf));
        for (SettingField f : model.fields()) {
            sheet.getItems().add(new Item(f));
        }
        error.getStyleClass().add("settings-error");
        error.setId("settings-error");
        error.setWrapText(true);
        error.textProperty().bind(model.summaryProperty());
        error.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox.setVgrow(sheet, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(sheet, error);
        model.errors().addListener((MapChangeListener<String, String>) c -> refreshMarks());
    }

    /**
     * The sheet's names ("Normalise targets") keep their whole width; the editors beside them
     * give way instead. ControlsFX lets a name shrink to 100 px, which cuts it at large fonts.
     */
    @Override
    protected void layoutChildren() {
        for (Node n : sheet.lookupAll(".label")) {
            if (n instanceof javafx.scene.control.Label l && l.getMinWidth() != javafx.scene.layout.Region.USE_PREF_SIZE) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        super.layoutChildren();
    }

    /** Re-reads every field from the model (after a preset was loaded). */
    void reload() {
        sheet.getItems().setAll(sheet.getItems().stream().map(i -> new Item(((Item) i).field)).toList());
        refreshMarks();
    }

    /** Locks or unlocks editing (settings cannot change while a run is going). */
    boolean locked() {
        return sheet.isDisabled();
    }

    void setLocked(boolean locked) {
        sheet.setDisable(locked);
    }

    private void refreshMarks() {
        editors.forEach((path, controls) -> {
            for (Control control : java.util.List.copyOf(controls)) {
                mark(path, control);
            }
        });
    }

    private void mark(String path, Control control) {
        String err = model.errors().get(path);
        control.getStyleClass().remove("invalid");
        SettingField f = fieldOf(path);
        String notApplying = f == null ? null : whyNotApplying(f);
        control.setDisable(notApplying != null);
        if (notApplying != null) {
            control.setTooltip(tooltip(notApplying + " " + f.description()));
        } else if (err != null) {
            control.getStyleClass().add("invalid");
            control.setTooltip(tooltip(err));
        } else if (f != null) {
            control.setTooltip(tooltip(f.description()));
        }
    }

    /** Settings of another algorithm's parts (the ensemble for SAC, the planner for MBPO, ...): shown, but not editable. */
    private String whyNotApplying(SettingField f) {
        for (dev.mbpo.config.Algorithm a : dev.mbpo.config.Algorithm.values()) {
            if (a.label().equals(model.text("algorithm"))) {
                return SettingFields.whyNotApplying(f, a);
            }
        }
        return null;
    }

    private SettingField fieldOf(String path) {
        return model.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }


    private PropertyEditor<?> editorFor(Item item) {
        SettingField f = item.field;
        Control control;
        switch (f.kind()) {
            case BOOL -> {
                CheckBox cb = new CheckBox();
                cb.setSelected(Boolean.parseBoolean(model.text(f.path())));
                cb.selectedProperty().addListener((o, a, b) -> model.set(f.path(), Boolean.toString(b)));
                control = cb;
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.choices());
                box.setValue(model.text(f.path()));
                box.valueProperty().addListener((o, a, b) -> {
                    model.set(f.path(), b);
                    if (f.path().equals("algorithm")) {
                        refreshMarks(); // Ensemble and Rollouts follow the algorithm
                    }
                });
                box.setMaxWidth(Double.MAX_VALUE);
                control = box;
            }
            default -> {
                TextField tf = new TextField(model.text(f.path()));
                tf.textProperty().addListener((o, a, b) -> model.set(f.path(), b));
                tf.setPromptText(f.nullable() ? "default" : "");
                control = tf;
            }
        }
        control.setId("setting-" + f.path().replace('.', '-'));
        control.setTooltip(tooltip(f.description()));
        editors.computeIfAbsent(f.path(), k -> java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>())).add(control);
        mark(f.path(), control);
        Control editorNode = control;
        return new PropertyEditor<Object>() {
            @Override
            public Node getEditor() {
                return editorNode;
            }

            @Override
            public Object getValue() {
                return model.text(f.path());
            }

            @Override
            public void setValue(Object value) {
                // The editor writes through to the model itself.
            }
        };
    }

    /** A PropertySheet item backed by the settings model. */
    private final class Item implements PropertySheet.Item {
        final SettingField field;

        Item(SettingField field) {
            this.field = field;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return field.category();
        }

        @Override
        public String getName() {
            return field.label();
        }

        @Override
        public String getDescription() {
            return field.description() + " (" + field.path() + ")";
        }

        @Override
        public Object getValue() {
            return model.text(field.path());
        }

        @Override
        public void setValue(Object value) {
            model.set(field.path(), value == null ? "" : value.toString());
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
