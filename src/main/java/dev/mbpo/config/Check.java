package dev.mbpo.config;

/**
 * Validation helpers: each failure names the field (as it is written in a preset, e.g.
 * {@code sac.gamma}), the value, and what is allowed.
 */
public final class Check {
    private Check() {
    }

    public static ConfigException fail(String field, Object value, String allowed) {
        return new ConfigException(field, field + " is " + value + "; allowed: " + allowed);
    }

    public static int positive(String field, int value) {
        if (value < 1) {
            throw fail(field, value, "an integer >= 1");
        }
        return value;
    }

    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw fail(field, value, "an integer >= " + min);
        }
        return value;
    }

    public static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw fail(field, value, "an integer from " + min + " to " + max);
        }
        return value;
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw fail(field, value, "a finite number");
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw fail(field, value, "a finite number > 0");
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw fail(field, value, "a finite number >= 0");
        }
        return value;
    }

    /** A ratio or probability: [0, 1]. */
    public static double unit(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw fail(field, value, "a number from 0 to 1");
        }
        return value;
    }

    /** (0, 1]: discount factors, Polyak rates. */
    public static double openClosedUnit(String field, double value) {
        if (!Double.isFinite(value) || value <= 0 || value > 1) {
            throw fail(field, value, "a number > 0 and <= 1");
        }
        return value;
    }

    public static String oneOf(String field, String value, java.util.Collection<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw fail(field, value == null ? "missing" : "'" + value + "'", String.join(", ", allowed));
        }
        return value;
    }
}
