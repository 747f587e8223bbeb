package dev.mbpo.config;

/** An invalid configuration value; {@link #field()} says which (e.g. {@code sac.gamma}) so a UI can mark it. */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The dotted path of the field, or "" when the problem is the whole file. */
    public String field() {
        return field;
    }
}
