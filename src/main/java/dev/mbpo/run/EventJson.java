package dev.mbpo.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes one event as one line of JSON: {"schema": 1, "type": ..., fields...}. */
public final class EventJson {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private EventJson() {
    }

    public static String toLine(RunEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema", RunEvent.SCHEMA_VERSION);
        n.put("type", e.type());
        n.setAll((ObjectNode) MAPPER.valueToTree(e));
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write event " + e.type(), ex);
        }
    }
}
