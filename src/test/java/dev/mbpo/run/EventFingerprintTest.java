package dev.mbpo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFingerprintTest {
    @TempDir
    Path dir;

    private static final String STARTED = "{\"schema\":1,\"type\":\"started\",\"step\":0,\"algorithm\":\"mbpo\"}";

    private String fingerprint(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return EventFingerprint.of(f);
    }

    @Test
    void timingFieldsAndProgressEventsDoNotCount() throws IOException {
        String a = fingerprint("a", STARTED,
                "{\"type\":\"progress\",\"step\":5,\"stepsPerSecond\":12.5}",
                "{\"type\":\"metrics\",\"step\":100,\"values\":{\"eval/return\":-1200.5,\"time/env_s\":0.25,"
                        + "\"debug/rss_mb\":500.0,\"model/train_s\":3.0,\"rollout/imagined_per_s\":9000.0}}",
                "{\"type\":\"rollout\",\"step\":400,\"horizon\":1,\"seconds\":0.5}",
                "{\"type\":\"model_trained\",\"step\":400,\"holdoutMse\":[0.1],\"seconds\":2.5}");
        String b = fingerprint("b", STARTED,
                "{\"type\":\"metrics\",\"step\":100,\"values\":{\"eval/return\":-1200.5,\"time/env_s\":0.75,"
                        + "\"debug/rss_mb\":510.0,\"model/train_s\":4.0,\"rollout/imagined_per_s\":8000.0}}",
                "{\"type\":\"progress\",\"step\":90,\"stepsPerSecond\":11.0}",
                "{\"type\":\"progress\",\"step\":95,\"stepsPerSecond\":11.0}",
                "{\"type\":\"rollout\",\"step\":400,\"horizon\":1,\"seconds\":0.9}",
                "{\"type\":\"model_trained\",\"step\":400,\"holdoutMse\":[0.1],\"seconds\":1.5}");
        assertEquals(a, b);
        assertEquals(64, a.length());
    }

    @Test
    void anyLearnedNumberCounts() throws IOException {
        String a = fingerprint("a", STARTED, "{\"type\":\"metrics\",\"step\":100,\"values\":{\"eval/return\":-1200.5}}");
        String b = fingerprint("b", STARTED, "{\"type\":\"metrics\",\"step\":100,\"values\":{\"eval/return\":-1200.50001}}");
        String c = fingerprint("c", STARTED, "{\"type\":\"rollout\",\"step\":400,\"horizon\":2,\"seconds\":0.5}");
        String d = fingerprint("d", STARTED, "{\"type\":\"rollout\",\"step\":400,\"horizon\":1,\"seconds\":0.5}");
        assertNotEquals(a, b);
        assertNotEquals(c, d);
    }

    @Test
    void aLineThatIsNotJsonIsNamed() throws IOException {
        Path f = dir.resolve("bad");
        Files.writeString(f, STARTED + "\n{\"type\":\n");
        RunFormatException e = assertThrows(RunFormatException.class, () -> EventFingerprint.of(f));
        assertEquals(f + " line 2: not JSON", e.getMessage());
    }
}
