package dev.mbpo.config;

import java.util.List;

/**
 * One setting as people see it (the window's settings sheet, {@code mbpo keys}): where it lives in the preset JSON, how it is shown, and what it takes.
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

    public static SettingField of(String path, String category, String label, Kind kind, String description) {
        return new SettingField(path, category, label, description, kind, List.of(), false);
    }

    public static SettingField choice(String path, String category, String label, List<String> choices, String description) {
        return new SettingField(path, category, label, description, Kind.CHOICE, choices, false);
    }

    /**
     * A closed choice whose values and their meanings come from the enum: the tooltip is
     * {@code intro} followed by each value's description.
     */
    public static <E extends Enum<E> & Choice> SettingField choice(String path, String category, String label, Class<E> type,
                                                            String intro) {
        StringBuilder d = new StringBuilder(intro);
        for (E e : type.getEnumConstants()) {
            d.append(d.length() == 0 ? "" : " ").append(e.label()).append(": ").append(e.description()).append('.');
        }
        return new SettingField(path, category, label, d.toString(), Kind.CHOICE, Choice.labels(type), false);
    }

    public SettingField orEmpty() {
        return new SettingField(path, category, label, description, kind, choices, true);
    }
}
