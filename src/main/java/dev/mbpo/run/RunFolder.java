package dev.mbpo.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mbpo.config.Choice;
import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A saved run, read back: run.json (config, provenance, status) and events.jsonl as the
 * same {@link RunEvent}s that live training emitted. After a resume, events the interrupted
 * process wrote past the checkpoint it resumed from are dropped, so the curve is continuous.
 * Bad parts are reported, good parts load:
 * a truncated last line (a run killed mid-write) is ignored with a note, other unreadable
 * lines are skipped with a warning naming the line.
 */
public final class RunFolder {
    private static final long MAX_RUN_JSON_BYTES = 4 << 20;

    private final Path dir;
    private final JsonNode runJson;
    private final RunConfig config;

    private RunFolder(Path dir, JsonNode runJson, RunConfig config) {
        this.dir = dir;
        this.runJson = runJson;
        this.config = config;
    }

    /**
     * Opens a run folder.
     *
     * @throws RunFormatException naming the file and the problem
     */
    public static RunFolder open(Path dir) throws RunFormatException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunFormatException(dir + ": not a run folder (no such directory)");
        }
        Path file = dir.resolve("run.json");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunFormatException(file + ": missing; every run folder has a run.json");
        }
        JsonNode n;
        try {
            if (Files.size(file) > MAX_RUN_JSON_BYTES) {
                throw new RunFormatException(file + ": larger than 4 MiB; not a run.json this program wrote");
            }
            n = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new RunFormatException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new RunFormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (n == null || !n.isObject()) {
            throw new RunFormatException(file + ": not a JSON object");
        }
        int schema = n.path("schema").asInt(-1);
        if (schema < 1 || schema > RunEvent.SCHEMA_VERSION) {
            throw new RunFormatException(file + ": schema version " + (schema < 0 ? "missing" : schema)
                    + "; this build reads versions 1 to " + RunEvent.SCHEMA_VERSION);
        }
        RunConfig config;
        try {
            config = Presets.fromTree(n.get("config"), file + " (config)");
        } catch (ConfigException e) {
            throw new RunFormatException(e.getMessage());
        }
        String status = n.path("status").asText("");
        if (Choice.labels(RunStatus.class).stream().noneMatch(status::equals)) {
            throw new RunFormatException(file + ": status '" + status + "' is not one of "
                    + String.join(", ", Choice.labels(RunStatus.class)));
        }
        return new RunFolder(dir, n, config);
    }

    public Path dir() {
        return dir;
    }

    public String id() {
        return dir.getFileName().toString();
    }

    public RunConfig config() {
        return config;
    }

    /** Where the run stands (a run whose process died without saying so still reads {@link RunStatus#RUNNING}). */
    public RunStatus status() {
        return Choice.parse(RunStatus.class, "status", runJson.path("status").asText(""));
    }

    public JsonNode runJson() {
        return runJson;
    }

    /** Events and what could not be read. */
    public record Events(List<RunEvent> events, List<String> warnings) {
    }

    /** Reads every event in events.jsonl. */
    public Events readEvents() throws RunFormatException {
        Path file = dir.resolve("events.jsonl");
        List<RunEvent> events = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            warnings.add(file + ": missing; the run has no events");
            return new Events(events, warnings);
        }
        try (BoundedLineReader in = new BoundedLineReader(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                EventDecoder.MAX_LINE_CHARS)) {
            String line;
            String pendingError = null;
            int lineNo = 0;
            int pendingLine = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (pendingError != null) {
                    warnings.add(file + ": line " + pendingLine + " skipped: " + pendingError);
                    pendingError = null;
                }
                if (line == BoundedLineReader.TOO_LONG) {
                    // Skipped without being held in memory; reported like any unreadable line.
                    pendingError = "longer than " + EventDecoder.MAX_LINE_CHARS + " characters (" + in.skippedChars()
                            + "); not read";
                    pendingLine = lineNo;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    RunEvent e = EventDecoder.decode(line);
                    if (e instanceof RunEvent.Started && !events.isEmpty()) {
                        // A resume restarts from its checkpoint: what the killed process did after it is superseded.
                        events.removeIf(old -> old.step() > e.step());
                    }
                    events.add(e);
                } catch (IllegalArgumentException e) {
                    pendingError = e.getMessage();
                    pendingLine = lineNo;
                }
            }
            if (pendingError != null) {
                warnings.add(in.lastTerminated()
                        ? file + ": line " + pendingLine + " skipped: " + pendingError
                        : file + ": last line " + pendingLine + " is incomplete (the run was cut off while writing it) and was ignored");
            }
        } catch (IOException e) {
            throw new RunFormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new Events(events, warnings);
    }

    /** Checkpoint folders, oldest first. */
    public List<Path> checkpoints() throws IOException {
        Path c = dir.resolve("checkpoints");
        if (!Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(c)) {
            return s.filter(CheckpointNames::isCheckpoint)
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /**
     * The newest checkpoint written at or before real step {@code step} (the first one for a
     * step inside the first epoch); null when the run has none.
     */
    /**
     * The checkpoint written as epoch {@code epoch} ended, or where that one was not kept (only
     * the newest are), the newest before it; null when there is none.
     */
    public Path checkpointOfEpochOrBefore(long epoch) throws IOException {
        return checkpoints().stream().filter(p -> CheckpointNames.epochOf(p) <= Math.max(1, epoch))
                .reduce((a, b) -> b).orElse(null);
    }

    public Path checkpointAtOrBefore(long step) throws IOException {
        long epochSteps = config().epochSteps();
        return checkpoints().stream().filter(p -> CheckpointNames.epochOf(p) * epochSteps <= Math.max(step, epochSteps))
                .reduce((a, b) -> b).orElse(null);
    }
}
