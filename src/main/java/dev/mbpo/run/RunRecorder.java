package dev.mbpo.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records a run into {@code runs/<id>/}: {@code run.json} (config and provenance, written
 * atomically, status updated at the end) and {@code events.jsonl} (one event a line,
 * flushed after every evaluation, episode batch and at the end).
 */
public final class RunRecorder implements Consumer<RunEvent>, AutoCloseable {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final ObjectNode runJson;
    private final BufferedWriter events;
    private final RunLock lock;
    private boolean failed;

    /** Opens the events file for appending; tests swap it for a stream that fails like a full disk. */
    interface EventsOpener {
        java.io.OutputStream open(Path file) throws IOException;
    }

    static final EventsOpener APPEND = f -> Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    static EventsOpener eventsOpener = APPEND;

    private RunRecorder(Path dir, ObjectNode runJson, RunLock lock) throws IOException {
        this.dir = dir;
        this.runJson = runJson;
        this.lock = lock;
        try {
            this.events = new BufferedWriter(new java.io.OutputStreamWriter(eventsOpener.open(dir.resolve("events.jsonl")),
                    StandardCharsets.UTF_8));
            writeRunJson();
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Creates a new run folder under {@code runsDir} and starts recording.
     *
     * @param provenance versions, device, machine: written into run.json as given
     */
    public static RunRecorder create(Path runsDir, RunConfig config, Map<String, String> provenance) throws IOException {
        Files.createDirectories(runsDir);
        String base = ID_TIME.format(Instant.now()) + "-" + slug(config.env()) + "-" + config.algorithm() + "-s" + config.run().seed();
        Path dir = null;
        for (int i = 0; i < 1000; i++) {
            Path candidate = runsDir.resolve(i == 0 ? base : base + "-" + i);
            try {
                Files.createDirectory(candidate);
                dir = candidate;
                break;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run took this id in the same second: try the next suffix
            }
        }
        if (dir == null) {
            throw new IOException("cannot create a run folder under " + runsDir);
        }
        RunLock lock = RunLock.acquire(dir);
        ObjectNode n = EventJson.MAPPER.createObjectNode();
        n.put("schema", RunEvent.SCHEMA_VERSION);
        n.put("id", dir.getFileName().toString());
        n.put("status", "running");
        n.put("startTime", Instant.now().toString());
        n.putNull("endTime");
        n.put("env", config.env());
        n.put("algorithm", config.algorithm().label());
        n.put("seed", config.run().seed());
        ObjectNode prov = n.putObject("provenance");
        provenance.forEach(prov::put);
        n.set("config", Presets.toTree(config));
        return new RunRecorder(dir, n, lock);
    }

    /** Re-opens an existing run folder to append to it (resume); its status goes back to running. */
    public static RunRecorder reopen(Path dir, RunConfig config) throws IOException {
        RunLock lock = RunLock.acquire(dir); // before anything is changed: another process may be writing this run
        try {
            return reopenLocked(dir, config, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static RunRecorder reopenLocked(Path dir, RunConfig config, RunLock lock) throws IOException {
        RunFolder folder = RunFolder.open(dir);
        ObjectNode n = (ObjectNode) folder.runJson().deepCopy();
        n.set("config", Presets.toTree(config));
        n.put("status", "running");
        n.putNull("endTime");
        n.put("resumedAt", Instant.now().toString());
        // A run killed mid-line leaves a partial last line: end it so that appended events start on a line of their own.
        Path events = dir.resolve("events.jsonl");
        if (Files.exists(events) && Files.size(events) > 0) {
            try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(events)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                ch.position(ch.size() - 1).read(last);
                if (last.get(0) != '\n') {
                    Files.write(events, new byte[] {'\n'}, StandardOpenOption.APPEND);
                }
            }
        }
        return new RunRecorder(dir, n, lock);
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    public Path dir() {
        return dir;
    }

    public String id() {
        return dir.getFileName().toString();
    }

    @Override
    public synchronized void accept(RunEvent e) {
        try {
            events.write(EventJson.toLine(e));
            events.write('\n');
            boolean flush = e instanceof RunEvent.Ended || e instanceof RunEvent.Started
                    || RunEvent.evalReturn(e).isPresent();
            if (flush) {
                events.flush();
            }
            if (e instanceof RunEvent.Ended end) {
                runJson.put("status", end.status().label());
                runJson.put("endReason", end.reason());
                runJson.put("endTime", Instant.now().toString());
                runJson.put("steps", end.step());
                writeRunJson();
            } else if (e instanceof RunEvent.Started s) {
                ((ObjectNode) runJson.get("provenance")).put("device", s.device());
                writeRunJson();
            }
        } catch (IOException ex) {
            failed = true;
            throw new UncheckedIOException("cannot write to the run folder " + dir + " (" + ex.getMessage()
                    + (isDiskFull(ex) ? "; the disk is full" : "") + "); the run was stopped and what was written before is kept", ex);
        }
    }

    static boolean isDiskFull(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left") || m.contains("Disk quota");
    }

    private void writeRunJson() throws IOException {
        Path tmp = dir.resolve("run.json.tmp");
        Files.writeString(tmp, EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(runJson) + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }


    @Override
    public synchronized void close() throws IOException {
        try {
            events.close();
        } catch (IOException e) {
            if (!failed) {
                throw e;
            }
            // A write already failed (and was reported); what could not be written stays lost.
        } finally {
            lock.close();
        }
    }
}
