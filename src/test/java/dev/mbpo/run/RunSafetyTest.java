package dev.mbpo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malicious or damaged run folders, a full disk, and two writers of one run. */
class RunSafetyTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreDisk() {
        RunRecorder.eventsOpener = RunRecorder.APPEND;
    }

    /** A reader of {@code n} copies of 'x', produced on demand (never held in memory as a whole). */
    private static Reader endless(long n, String tail) {
        return new Reader() {
            long left = n;
            final StringReader rest = new StringReader(tail);

            @Override
            public int read(char[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return rest.read(b, off, len);
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, 'x');
                left -= k;
                return k;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aLineOfBillionsOfCharactersIsSkippedWithoutHoldingIt() throws IOException {
        // 1.2 billion chars would need 2.4 GB as one String: more than the test heap (2 GB) holds.
        try (BoundedLineReader r = new BoundedLineReader(endless(1_200_000_000L, "\nnext\n"), 1000)) {
            assertSame(BoundedLineReader.TOO_LONG, r.readLine());
            assertEquals(1_200_000_000L, r.skippedChars());
            assertEquals("next", r.readLine());
            assertNull(r.readLine());
        }
    }

    @Test
    void linesUpToTheLimitAreReadExactly() throws IOException {
        String exact = "y".repeat(1000);
        try (BoundedLineReader r = new BoundedLineReader(new StringReader(exact + "\r\n" + "z".repeat(1001) + "\nlast"), 1000)) {
            assertEquals(exact, r.readLine());
            assertTrue(r.lastTerminated());
            assertSame(BoundedLineReader.TOO_LONG, r.readLine());
            assertEquals("last", r.readLine(), "a last line without a newline");
            assertNull(r.readLine());
            assertFalse(r.lastTerminated(), "the end of the input does not change what is known of the last line");
        }
    }

    private Path recordTinyRun() throws IOException {
        RunConfig c = Presets.parse(RunFolderTest.TINY.replace("\"totalSteps\": 300", "\"totalSteps\": 200"), "tiny", List.of());
        try (RunRecorder rec = RunRecorder.create(dir.resolve("runs"), c, Map.of("machine", "test"))) {
            assertEquals(SessionState.FINISHED, new TrainingSession(c, rec).checkpointInto(rec.dir()).runBlocking());
            return rec.dir();
        }
    }

    @Test
    void hugeAndDeeplyNestedLinesAreRefusedAndTheRestReplays() throws IOException {
        Path run = recordTinyRun();
        int before = RunFolder.open(run).readEvents().events().size();
        Path events = run.resolve("events.jsonl");
        try (var out = Files.newBufferedWriter(events, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            out.write("{\"schema\":1,\"type\":\"metrics\",\"step\":1,\"values\":{\"a\":\"");
            for (int i = 0; i < 17; i++) {
                out.write("z".repeat(1 << 20)); // 17 Mi chars: over the 16 Mi limit
            }
            out.write("\"}}\n");
            out.write("[".repeat(100_000) + "]".repeat(100_000) + "\n");
        }
        RunFolder.Events ev = RunFolder.open(run).readEvents();
        assertEquals(before, ev.events().size(), "both bad lines skipped, every good one kept");
        assertEquals(2, ev.warnings().size(), ev.warnings().toString());
        assertTrue(ev.warnings().get(0).contains("longer than"), ev.warnings().get(0));
        assertTrue(ev.warnings().get(1).contains("not JSON") && ev.warnings().get(1).toLowerCase().contains("nesting"),
                ev.warnings().get(1));
    }

    @Test
    void aSecondWriterOfTheSameRunIsRefusedUntilTheFirstCloses() throws IOException {
        Path run = recordTinyRun();
        RunConfig c = RunFolder.open(run).config();
        try (RunRecorder first = RunRecorder.reopen(run, c)) {
            IOException e = assertThrows(IOException.class, () -> RunRecorder.reopen(run, c));
            assertTrue(e.getMessage().contains("is being written by another process (pid " + ProcessHandle.current().pid() + ")"),
                    e.getMessage());
            assertEquals(dev.mbpo.run.RunStatus.RUNNING, RunFolder.open(run).status(), "the refused writer changed nothing");
        }
        RunRecorder.reopen(run, c).close(); // free again
    }

    @Test
    void aFullDiskStopsTheRunWithAClearMessageAndKeepsWhatWasWritten() throws IOException {
        long[] budget = {40_000}; // bytes of events the "disk" takes before it is full
        RunRecorder.eventsOpener = f -> new OutputStream() {
            final OutputStream real = RunRecorder.APPEND.open(f);

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int ok = (int) Math.max(0, Math.min(len, budget[0]));
                real.write(b, off, ok); // a partial write, as a real full disk gives
                budget[0] -= ok;
                if (ok < len) {
                    real.flush();
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void flush() throws IOException {
                real.flush();
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
        RunConfig c = Presets.parse(RunFolderTest.TINY.replace("\"totalSteps\": 300", "\"totalSteps\": 5000"), "tiny", List.of());
        Path run;
        TrainingSession session;
        try (RunRecorder rec = RunRecorder.create(dir.resolve("runs"), c, Map.of("machine", "test"))) {
            run = rec.dir();
            session = new TrainingSession(c, rec).checkpointInto(rec.dir());
            assertEquals(SessionState.CRASHED, session.runBlocking());
        } catch (java.io.UncheckedIOException e) {
            throw new AssertionError("closing the recorder must not fail the caller", e);
        }
        assertTrue(session.endReason().contains("the disk is full") && session.endReason().contains(run.toString()),
                session.endReason());
        assertEquals(0, budget[0], "the disk was filled");
        RunFolder f = RunFolder.open(run);
        assertEquals(dev.mbpo.run.RunStatus.RUNNING, f.status(), "run.json is intact: it could not be updated, and was not damaged");
        RunFolder.Events ev = f.readEvents();
        assertFalse(ev.events().isEmpty());
        assertTrue(ev.events().get(0) instanceof RunEvent.Started);
        assertTrue(ev.warnings().size() <= 1, "at most the cut-off last line: " + ev.warnings());
        assertFalse(f.checkpoints().isEmpty(), "checkpoints written before the disk filled are kept");
    }
}
