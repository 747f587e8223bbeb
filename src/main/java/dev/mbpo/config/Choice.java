package dev.mbpo.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * A closed choice: an enum whose constants carry the name written in presets, run files and
 * events ({@link #label()}) and a one-line description for help texts and the settings sheet.
 * Config validation, the JSON files and the window all take the allowed values from the enum.
 */
public interface Choice {
    /** The name in presets, run files, events and on the command line: the constant's name in lower case unless it says otherwise. */
    @JsonValue
    default String label() {
        return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What choosing it means, in one line. */
    String description();

    /** The labels of every constant, in declaration order. */
    static List<String> labels(Class<? extends Choice> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::label).toList();
    }

    /**
     * The constant labelled {@code value}.
     *
     * @throws ConfigException naming the field, the value and the allowed labels
     */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String field, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(value)) {
                return e;
            }
        }
        throw Check.fail(field, value == null ? "missing" : "'" + value + "'", String.join(", ", labels(type)));
    }

    /** A record's component that must be set: the constant, or a config error naming the field. */
    static <E extends Enum<E> & Choice> E required(String field, E value, Class<E> type) {
        if (value == null) {
            throw Check.fail(field, "missing", String.join(", ", labels(type)));
        }
        return value;
    }
}
