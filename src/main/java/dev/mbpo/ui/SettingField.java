package dev.mbpo.ui;

import java.util.List;

/**
 * One editable setting: where it lives in the preset JSON, how it is shown, and what it takes.
 *
 * @param path        dotted path in the preset, e.g. {@code sac.gamma}
 * @param category    group in the settings sheet
 * @param label       short name
 * @param description tooltip text: what it does and what is allowed
 * @param kind        the value's type
 * @param choices     allowed values for {@link Kind#CHOICE}
 * @param nullable    an empty field means "default" (JSON null)
 */
public record SettingField(String path, String category, String label, String description, Kind kind,
                           List<String> choices, boolean nullable) {

    /** Value types of settings. */
    public enum Kind { INT, LONG, DOUBLE, BOOL, TEXT, CHOICE, INT_LIST, DOUBLE_LIST }

    static SettingField of(String path, String category, String label, Kind kind, String description) {
        return new SettingField(path, category, label, description, kind, List.of(), false);
    }

    static SettingField choice(String path, String category, String label, List<String> choices, String description) {
        return new SettingField(path, category, label, description, Kind.CHOICE, choices, false);
    }

    SettingField orEmpty() {
        return new SettingField(path, category, label, description, kind, choices, true);
    }
}
