package dev.mbpo.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes presets: JSON files of {@link RunConfig}'s shape laid over the defaults.
 * Plain data binding only (no polymorphic types, no class names from files). Every error
 * is a {@link ConfigException} that names the file, the field and what is allowed.
 */
public final class Presets {
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper MAPPER = newMapper();

    private Presets() {
    }

    static ObjectMapper newMapper() {
        ObjectMapper m = new ObjectMapper();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // text after the object is an error, not ignored
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        return m;
    }

    /** Reads a preset file. */
    public static RunConfig load(Path file) {
        return load(file, List.of());
    }

    /** Reads a preset file and applies {@code key=value} overrides (dotted keys, e.g. {@code sac.gamma=0.98}). */
    public static RunConfig load(Path file, List<String> overrides) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException("", file + ": the file is larger than 1 MiB; a preset is a small JSON object");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("", file + ": cannot read the preset (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return parse(text, file.toString(), overrides);
    }

    /** Parses preset text; {@code source} names it in messages. */
    public static RunConfig parse(String json, String source, List<String> overrides) {
        if (json.isBlank()) {
            throw new ConfigException("", source + ": the file is empty; a preset is a JSON object such as {\"env\": \"Pendulum-v1\"}");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", source + ": not valid JSON (" + readError(e) + ")");
        }
        if (!(tree instanceof ObjectNode obj)) {
            throw new ConfigException("", source + ": a preset must be a JSON object, found " + tree.getNodeType().toString().toLowerCase());
        }
        ObjectNode merged = MAPPER.valueToTree(RunConfig.DEFAULT);
        merge(merged, obj);
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String o : overrides) {
            applyOverride(merged, o);
            byKey.put(o.substring(0, o.indexOf('=')).trim(), o);
        }
        try {
            return bind(merged, source);
        } catch (ConfigException e) {
            // A value that came from --set is blamed on the --set, not on the file.
            String culprit = overrideOf(e.field(), byKey);
            String prefix = source + ": ";
            if (culprit == null || !e.getMessage().startsWith(prefix)) {
                throw e;
            }
            throw new ConfigException(e.field(), "--set " + culprit + ": " + e.getMessage().substring(prefix.length()));
        }
    }

    /** The --set that set {@code field} (or a section holding it, or a key inside it), or null. */
    private static String overrideOf(String field, java.util.Map<String, String> byKey) {
        if (field == null || field.isEmpty()) {
            return null;
        }
        for (var e : byKey.entrySet()) {
            String key = e.getKey();
            if (field.equals(key) || field.startsWith(key + ".") || field.startsWith(key + "[") || key.startsWith(field + ".")) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The config as a JSON tree (for run.json and --set round trips). */
    public static ObjectNode toTree(RunConfig config) {
        return MAPPER.valueToTree(config);
    }

    public static String toJson(RunConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds a config from a JSON tree of RunConfig's shape (defaults fill gaps). */
    public static RunConfig fromTree(JsonNode tree, String source) {
        ObjectNode merged = MAPPER.valueToTree(RunConfig.DEFAULT);
        if (tree instanceof ObjectNode obj) {
            merge(merged, obj);
        }
        return bind(merged, source);
    }

    /** Writes a preset atomically (temporary file, then rename). */
    public static void save(RunConfig config, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, toJson(config) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static RunConfig bind(ObjectNode tree, String source) {
        try {
            return MAPPER.treeToValue(tree, RunConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String hint = nearest(e.getPropertyName(), known);
            throw new ConfigException(field, source + ": unknown key '" + field + "'"
                    + (hint == null ? "; known keys here: " : "; did you mean '" + parentOf(field) + hint + "'? Known keys here: ")
                    + known);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw new ConfigException(ce.field(), source + ": " + ce.getMessage());
            }
            throw new ConfigException(path(e), source + ": " + (cause == null ? e.getOriginalMessage() : cause.getMessage()));
        } catch (InvalidFormatException e) {
            String field = path(e);
            if (e.getTargetType() != null && e.getTargetType().isEnum() && Choice.class.isAssignableFrom(e.getTargetType())) {
                throw new ConfigException(field, source + ": " + Check.fail(field, "'" + e.getValue() + "'",
                        String.join(", ", Choice.labels(e.getTargetType().asSubclass(Choice.class)))).getMessage());
            }
            throw new ConfigException(field, source + ": " + field + " is " + e.getValue() + "; allowed: "
                    + typeName(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new ConfigException(field, source + ": " + field + " has the wrong type; allowed: " + typeName(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException("", source + ": " + readError(e));
        }
    }

    /**
     * What the JSON reader found wrong, in one line, with the line and column where it knows
     * them (some errors, such as nesting too deep, come without a location or a message).
     */
    static String readError(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null || e.getOriginalMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("").trim();
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what : what + ", line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String typeName(Class<?> c) {
        if (c == null) {
            return "another type";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "an integer";
        }
        if (c == double.class || c == Double.class || c == float.class) {
            return "a number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(c)) {
            return "a list, e.g. [64, 64]";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String parentOf(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? "" : field.substring(0, dot + 1);
    }

    /** Deep merge: objects merge key by key, anything else replaces. */
    static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                merge(eo, vo);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Applies one {@code a.b.c=value}; the value is read as JSON when it parses, else as a string. */
    static void applyOverride(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("", "--set " + override + ": expected key=value, e.g. sac.gamma=0.98");
        }
        String key = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = MAPPER.readTree(raw);
            if (value == null || value.isMissingNode()) {
                value = MAPPER.getNodeFactory().textNode(raw);
            }
        } catch (JsonProcessingException e) {
            value = MAPPER.getNodeFactory().textNode(raw);
        }
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode co)) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                names.sort(null);
                String hint = nearest(parts[i], new ArrayList<>(names));
                throw new ConfigException(key, "--set " + key + ": '" + parts[i] + "' is not a section"
                        + (hint == null ? "; sections and keys here: " : "; did you mean '" + hint + "'? Sections and keys here: ")
                        + names);
            }
            node = co;
        }
        String last = parts[parts.length - 1];
        if (value.isTextual() && node.get(last) instanceof com.fasterxml.jackson.databind.node.ArrayNode) {
            value = listFromCommas(raw, value); // sac.hidden=128,128 as well as sac.hidden=[128,128]
        }
        node.set(last, value);
    }

    /** "a,b,c" read as the JSON list [a,b,c] for a list field; the text itself when that is not valid JSON. */
    private static JsonNode listFromCommas(String raw, JsonNode text) {
        try {
            JsonNode list = MAPPER.readTree("[" + raw + "]");
            return list == null ? text : list;
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** The known name closest to {@code name} by edit distance, or null when none is close. */
    static String nearest(String name, Collection<?> known) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (Object k : known) {
            String s = String.valueOf(k);
            int d = editDistance(name.toLowerCase(), s.toLowerCase());
            if (d < bestDist) {
                bestDist = d;
                best = s;
            }
        }
        return best != null && bestDist <= Math.max(2, name.length() / 3) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
