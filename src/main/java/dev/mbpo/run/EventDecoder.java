package dev.mbpo.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Turns one line of events.jsonl back into a {@link RunEvent}. The type name picks the
 * record from a fixed table: no class names are ever read from files.
 */
final class EventDecoder {
    static final int MAX_LINE_CHARS = 16 << 20;
    private static final Map<String, Class<? extends RunEvent>> TYPES = Map.ofEntries(
            Map.entry("started", RunEvent.Started.class),
            Map.entry("phase", RunEvent.Phase.class),
            Map.entry("metrics", RunEvent.Metrics.class),
            Map.entry("episode", RunEvent.Episode.class),
            Map.entry("progress", RunEvent.Progress.class),
            Map.entry("ended", RunEvent.Ended.class),
            Map.entry("model_trained", RunEvent.ModelTrained.class),
            Map.entry("rollout", RunEvent.Rollout.class),
            Map.entry("predictions", RunEvent.Predictions.class),
            Map.entry("plan", RunEvent.Plan.class),
            Map.entry("fault", RunEvent.Fault.class),
            Map.entry("horizon", RunEvent.Horizon.class),
            Map.entry("value_map", RunEvent.ValueMap.class));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxStringLength(1 << 20).build());
        MAPPER.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private EventDecoder() {
    }

    /** The event of a line; throws with a reason when the line is not one. */
    static RunEvent decode(String line) {
        if (line.length() > MAX_LINE_CHARS) {
            throw new IllegalArgumentException("line longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(n instanceof ObjectNode obj)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode schema = obj.get("schema");
        if (schema == null || !schema.canConvertToInt()) {
            throw new IllegalArgumentException("no schema version");
        }
        if (schema.asInt() > RunEvent.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schema version " + schema.asInt() + " is newer than this build reads ("
                    + RunEvent.SCHEMA_VERSION + ")");
        }
        String type = obj.path("type").asText("");
        Class<? extends RunEvent> cls = TYPES.get(type);
        if (cls == null) {
            throw new IllegalArgumentException("unknown event type '" + type + "'");
        }
        obj.remove("schema");
        obj.remove("type");
        try {
            return MAPPER.treeToValue(obj, cls);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + type + " event (" + e.getOriginalMessage() + ")");
        }
    }
}
