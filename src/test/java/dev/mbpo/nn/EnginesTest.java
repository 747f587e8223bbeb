package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {

    @Test
    void startsInProcessOnTheCpuWithOneThread() {
        EngineInfo info = Engines.start();
        assertEquals("PyTorch", info.engineName());
        assertEquals(dev.mbpo.Version.pytorch(), info.engineVersion(), "the PyTorch natives this build was made with");
        assertEquals(dev.mbpo.Version.djl(), info.djlVersion(), "the DJL this build was made with");
        assertEquals(info.gpuCount() > 0 ? "gpu(0)" : "cpu()", info.device(), "the default device: a GPU where one is reported, else the CPU");
        assertEquals(1, info.intraOpThreads());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(Engines.start() == info || Engines.start().equals(info), "second start returns the same engine");
    }

    /** A fresh JVM with an empty DJL cache and no network: the natives must come from the jars. */
    @Test
    void startsOfflineWithAnEmptyCache(@TempDir Path cache) throws IOException, InterruptedException {
        Path cpFile = Path.of(System.getProperty("mbpo.test.classpath.file"));
        String cp = TestPaths.projectDir().resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(cpFile, StandardCharsets.UTF_8).trim();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m",
                "-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + cache,
                "-cp", cp, "dev.mbpo.cli.Main", "engine", "--threads", "1");
        pb.environment().remove("PYTORCH_VERSION");
        pb.environment().remove("PYTORCH_FLAVOR");
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "engine start finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("engine:   PyTorch " + dev.mbpo.Version.pytorch()), out);
        assertTrue(out.contains("device:   cpu()") || out.contains("device:   gpu(0)"), out);
        try (Stream<Path> files = Files.walk(cache)) {
            List<Path> libs = files.filter(f -> f.getFileName().toString().startsWith("libtorch")).toList();
            assertTrue(!libs.isEmpty(), "natives were unpacked into the empty cache " + cache);
        }
    }

    @Test
    void rejectsBadOptionsWithTheAllowedValues() {
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> new EngineOptions("tpu", 1, 1));
        assertTrue(d.getMessage().contains("auto, cpu, gpu"), d.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> new EngineOptions("cpu", 0, 1));
        assertTrue(t.getMessage().contains("1 to 256"), t.getMessage());
    }
}
