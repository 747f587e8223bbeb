package dev.mbpo.ui;

import dev.mbpo.config.SettingField;
import dev.mbpo.config.SettingFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The settings as text per field, checked as the user types: a field's own type first
 * (a whole number, a list...), then the whole configuration through the same validation
 * the command line uses, so that an error is marked at the field it names and Start stays
 * disabled until every field is valid.
 */
final class SettingsModel {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<SettingField> fields = SettingFields.all(dev.mbpo.env.Envs.ids());
    private final Map<String, String> text = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper env = new ReadOnlyStringWrapper("");
    private Map<String, String> loadedText = Map.of();
    private RunConfig base = RunConfig.DEFAULT;
    private RunConfig config = RunConfig.DEFAULT;

    SettingsModel() {
        load(RunConfig.DEFAULT);
    }

    List<SettingField> fields() {
        return fields;
    }

    /** Replaces every field with the values of a configuration (e.g. a preset). */
    void load(RunConfig c) {
        base = c;
        ObjectNode tree = Presets.toTree(c);
        for (SettingField f : fields) {
            text.put(f.path(), format(node(tree, f.path())));
        }
        loadedText = Map.copyOf(text);
        validate();
    }

    String text(String path) {
        return text.get(path);
    }

    /** Sets a field from the user's text and re-validates everything. */
    void set(String path, String value) {
        text.put(path, value == null ? "" : value);
        validate();
    }

    ObservableMap<String, String> errors() {
        return errors;
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Every error in words, one a line, or "" when all is well. */
    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The configuration in force (the last valid one). */
    RunConfig config() {
        return config;
    }

    /**
     * Checks every field and marks each error at its field, all at once: a field's own type
     * first, then the configuration as a whole (the same validation as the command line's).
     */
    private void validate() {
        Map<String, String> found = new LinkedHashMap<>();
        ObjectNode baseTree = Presets.toTree(base);
        ObjectNode tree = baseTree.deepCopy();
        for (SettingField f : fields) {
            try {
                put(tree, f.path(), parse(f, text.get(f.path())));
            } catch (IllegalArgumentException e) {
                found.put(f.path(), shownName(f.path()) + ": " + e.getMessage());
            }
        }
        boolean typesFine = found.isEmpty();
        {
            // Fields whose text is not even of their type keep their loaded value here.
            // The records' constructors stop at their first error: take it, put that field back as
            // loaded and check again, until the rest binds; so every bad field is marked at once and
            // a field is never blamed for a combination that the others' new values make valid.
            ObjectNode trial = tree.deepCopy();
            for (int round = 0; round <= fields.size(); round++) {
                try {
                    RunConfig c = Presets.fromTree(trial, "settings");
                    if (round == 0 && typesFine) {
                        config = c;
                    }
                    break;
                } catch (ConfigException e) {
                    String at = fieldOf(e, fields.get(0).path());
                    found.putIfAbsent(at, inWords(e));
                    JsonNode loaded = node(baseTree, at);
                    if (loaded == null || loaded.equals(node(trial, at))) {
                        break; // the field named was not changed: nothing to put back
                    }
                    put(trial, at, loaded);
                }
            }
        }
        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
        valid.set(found.isEmpty());
        summary.set(String.join("\n", found.values()));
        edited.set(!text.equals(loadedText));
        env.set(text.get("env"));
    }

    /** The field an error names, or {@code fallback} when it names none the sheet shows. */
    private String fieldOf(ConfigException e, String fallback) {
        String f = e.field();
        return f != null && text.containsKey(f) ? f : fallback;
    }

    /** An error as the sheet shows it: the field's label (and category) instead of its preset key. */
    private String inWords(ConfigException e) {
        String msg = e.getMessage().replaceFirst("^settings: ", "");
        String f = e.field();
        if (f != null && text.containsKey(f)) {
            msg = msg.replace(f, shownName(f));
        }
        return msg;
    }

    /** "Members (Ensemble)": what the sheet calls the field at {@code path}. */
    String shownName(String path) {
        return fields.stream().filter(x -> x.path().equals(path)).findFirst()
                .map(x -> x.label() + " (" + x.category() + ")").orElse(path);
    }

    /** The environment field's text as it is now. */
    ReadOnlyStringProperty envProperty() {
        return env.getReadOnlyProperty();
    }

    /** True when a field differs from the configuration last loaded (a preset, a saved run's settings). */
    ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    static JsonNode parse(SettingField f, String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            if (f.nullable()) {
                return JSON.nullNode();
            }
            if (f.kind() == SettingField.Kind.TEXT) {
                return JSON.textNode(""); // text may be empty (offline.dataset: named when an offline run starts)
            }
            throw new IllegalArgumentException("a value is required");
        }
        return switch (f.kind()) {
            case INT -> JSON.numberNode(parseInt(s));
            case LONG -> JSON.numberNode(parseLong(s));
            case DOUBLE -> JSON.numberNode(parseDouble(s));
            case BOOL -> {
                if (!s.equals("true") && !s.equals("false")) {
                    throw new IllegalArgumentException("'" + s + "' is not true or false");
                }
                yield JSON.booleanNode(Boolean.parseBoolean(s));
            }
            case TEXT, CHOICE -> {
                if (f.kind() == SettingField.Kind.CHOICE && !f.choices().contains(s)) {
                    throw new IllegalArgumentException("'" + s + "'; allowed: " + String.join(", ", f.choices()));
                }
                yield JSON.textNode(s);
            }
            case INT_LIST, DOUBLE_LIST -> {
                ArrayNode a = JSON.arrayNode();
                for (String part : s.replace("[", "").replace("]", "").split("[,\\s]+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    if (f.kind() == SettingField.Kind.INT_LIST) {
                        a.add(parseInt(part));
                    } else {
                        a.add(parseDouble(part));
                    }
                }
                yield a;
            }
        };
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number");
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number");
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number");
        }
    }

    static String format(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : n) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(e.asText());
            }
            return sb.toString();
        }
        return n.asText();
    }

    private static JsonNode node(ObjectNode tree, String path) {
        JsonNode n = tree;
        for (String p : path.split("\\.")) {
            n = n == null ? null : n.get(p);
        }
        return n;
    }

    private static void put(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode n = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            n = (ObjectNode) n.get(parts[i]);
        }
        n.set(parts[parts.length - 1], value);
    }
}
