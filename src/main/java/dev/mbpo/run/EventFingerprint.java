package dev.mbpo.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * A SHA-256 digest of a run's events with everything that measures time left out, so that
 * two runs with the same seed and configuration can be checked for identical learning: the
 * progress events, the {@code seconds} of model trainings and rollouts, and the metrics named
 * {@code time/...}, {@code debug/...} (memory), {@code model/train_s} and
 * {@code rollout/imagined_per_s}. Everything else, every number as written, is hashed.
 */
public final class EventFingerprint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TIMED_METRICS = Set.of("model/train_s", "rollout/imagined_per_s");

    private EventFingerprint() {
    }

    /** The digest of {@code events.jsonl} (hex); a line that is not JSON is an error naming it. */
    public static String of(Path eventsFile) throws IOException {
        MessageDigest digest = sha256();
        try (BufferedReader in = Files.newBufferedReader(eventsFile, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event;
                try {
                    event = JSON.readTree(line);
                } catch (IOException e) {
                    throw new RunFormatException(eventsFile + " line " + number + ": not JSON");
                }
                String kept = withoutTiming(event);
                if (kept != null) {
                    digest.update(kept.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) '\n');
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The event as JSON without its timing fields; null for an event that is all timing. */
    static String withoutTiming(JsonNode event) throws IOException {
        if (!(event instanceof ObjectNode o)) {
            return event.toString();
        }
        String type = o.path("type").asText();
        if ("progress".equals(type)) {
            return null;
        }
        if ("model_trained".equals(type) || "rollout".equals(type)) {
            o.remove("seconds");
        }
        if ("metrics".equals(type) && o.get("values") instanceof ObjectNode values) {
            for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("time/") || name.startsWith("debug/") || TIMED_METRICS.contains(name)) {
                    names.remove();
                }
            }
        }
        return JSON.writeValueAsString(o);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
