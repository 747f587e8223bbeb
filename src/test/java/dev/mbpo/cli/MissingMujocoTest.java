package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without MuJoCo, played by a fresh JVM whose shim folder ({@code mbpo.native.dir}) is
 * empty: the command line lists the MuJoCo tasks as unavailable with the install line, refuses a
 * MuJoCo preset in one line with exit status 2, and still trains a classic task.
 */
class MissingMujocoTest {
    @TempDir
    Path dir;

    private Object[] mbpo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmbpo.native.dir=" + dir.resolve("no-shim"), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished within 2 minutes");
        return new Object[] {p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8)};
    }

    @Test
    void withoutTheLibraryTheTasksAreListedAsUnavailableAndAMujocoRunIsRefusedInOneLine() throws Exception {
        Object[] envs = mbpo("envs");
        assertEquals(0, envs[0], (String) envs[2]);
        String listing = (String) envs[1];
        for (String id : List.of("InvertedPendulum-v4", "HalfCheetah-v4", "Hopper-v4", "Walker2d-v4", "Ant-v4")) {
            String line = listing.lines().filter(l -> l.startsWith(id)).findFirst().orElse("");
            assertTrue(line.contains("unavailable") && line.contains("apt-get install libmujoco-dev"), "envs says: " + line);
        }
        assertTrue(listing.lines().anyMatch(l -> l.startsWith("Pendulum-v1") && !l.contains("unavailable")), listing);

        Path runs = dir.resolve("runs");
        Object[] train = mbpo("train", "--preset", "presets/hopper-mbpo.json", "--steps", "10", "--runs", runs.toString());
        String err = ((String) train[2]).lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> a + b + "\n").strip();
        assertEquals(2, train[0], err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains("Hopper-v4") && err.contains("apt-get install libmujoco-dev"), err);
        assertFalse(Files.exists(runs) && Files.list(runs).findAny().isPresent(), "a refused run leaves nothing behind");
    }
}
