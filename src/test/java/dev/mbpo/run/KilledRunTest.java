package dev.mbpo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL at random moments (20 trials) leaves a folder that
 * opens and replays up to its last complete event, whose newest checkpoint is at most one
 * epoch behind what the events show; while it runs, no other process may write into its run;
 * resuming it continues the step count.
 */
@Tag("slow")
class KilledRunTest {
    static final int TRIALS = 20;
    static final int EPOCH_STEPS = 100; // RunFolderTest.TINY: epochLength 100, a checkpoint every epoch

    private static boolean hasRunFolder(Path runs) throws java.io.IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.anyMatch(d -> Files.exists(d.resolve("events.jsonl")));
        }
    }

    private static boolean hasCheckpoint(Path runs) throws java.io.IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(runs)) {
            return s.anyMatch(CheckpointNames::isCheckpoint);
        }
    }

    @Test
    void killedRunsAlwaysReplayAndResume(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("tiny.json");
        // recover: a rare non-finite update in the tiny networks is skipped rather than ending the child before the kill.
        Files.writeString(preset, RunFolderTest.TINY.replace("\"totalSteps\": 300", "\"totalSteps\": 100000, \"onFault\": \"recover\""));
        String cp = TestPaths.projectDir().resolve("target/classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("mbpo.test.classpath.file")), StandardCharsets.UTF_8).trim();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < TRIALS; trial++) {
            Path runs = dir.resolve("runs" + trial);
            Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", cp, "dev.mbpo.cli.Main", "train",
                    "--preset", preset.toString(), "--out", runs.toString(), "--quiet")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out" + trial + ".log").toFile()).start();
            if (trial == 0) {
                // The first trial is killed after its first checkpoint, to resume it afterwards.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!hasCheckpoint(runs) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(hasCheckpoint(runs), "a checkpoint within 2 minutes");
                Path running;
                try (Stream<Path> s = Files.list(runs)) {
                    running = s.findFirst().orElseThrow();
                }
                java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                        () -> RunRecorder.reopen(running, RunFolder.open(running).config()).close(),
                        "a second writer is refused while the first process runs");
                assertTrue(refused.getMessage().contains("being written by another process (pid " + p.pid() + ")"),
                        refused.getMessage());
                Thread.sleep(random.nextInt(1500));
            } else {
                // Killed at a random moment after the run folder exists (a loaded machine starts the JVM slower).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!hasRunFolder(runs) && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(hasRunFolder(runs), "trial " + trial + ": a run folder within 2 minutes");
                Thread.sleep(1000 + random.nextInt(4500));
            }
            if (!p.isAlive()) {
                throw new AssertionError("still training when killed: the child exited with " + p.exitValue() + ":\n"
                        + Files.readString(dir.resolve("out" + trial + ".log")));
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            Path run;
            try (Stream<Path> s = Files.list(runs)) {
                run = s.findFirst().orElseThrow();
            }
            RunFolder f = RunFolder.open(run);
            assertEquals(dev.mbpo.run.RunStatus.RUNNING, f.status(), "killed without a word");
            RunFolder.Events ev = f.readEvents();
            assertTrue(ev.warnings().size() <= 1, "at most the last line is incomplete: " + ev.warnings());
            assertTrue(!ev.events().isEmpty() && ev.events().get(0) instanceof RunEvent.Started, "trial " + trial);
            long stepsBefore = RunSummary.of(ev.events()).steps();
            List<Path> checkpoints = f.checkpoints();
            long checkpointStep = checkpoints.isEmpty() ? 0
                    : EPOCH_STEPS * CheckpointNames.epochOf(checkpoints.get(checkpoints.size() - 1));
            assertTrue(stepsBefore - checkpointStep <= EPOCH_STEPS, "trial " + trial + ": events reach step " + stepsBefore
                    + ", the newest checkpoint is at step " + checkpointStep + ": more than the current epoch would be lost");
            if (trial == 0) {
                Process r = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", cp, "dev.mbpo.cli.Main", "train",
                        "--resume", run.getFileName().toString(), "--out", runs.toString(), "--steps",
                        Long.toString(stepsBefore + 150), "--quiet").redirectErrorStream(true)
                        .redirectOutput(dir.resolve("resume.log").toFile()).start();
                assertTrue(r.waitFor(180, TimeUnit.SECONDS));
                assertEquals(0, r.exitValue(), Files.readString(dir.resolve("resume.log")));
                RunFolder resumed = RunFolder.open(run);
                assertEquals(dev.mbpo.run.RunStatus.FINISHED, resumed.status());
                List<RunEvent> after = resumed.readEvents().events();
                long started = after.stream().filter(e -> e instanceof RunEvent.Started).count();
                assertEquals(2, started, "a second start event marks the resume");
                RunEvent.Started second = (RunEvent.Started) after.stream().filter(e -> e instanceof RunEvent.Started).skip(1)
                        .findFirst().orElseThrow();
                assertTrue(second.step() > 0 && second.step() % 100 == 0, "resumed at a checkpoint's step: " + second.step());
                assertEquals(stepsBefore + 150, RunSummary.of(after).steps(), "the step count continues");
            }
        }
    }
}
