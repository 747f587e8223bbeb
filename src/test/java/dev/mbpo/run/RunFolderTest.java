package dev.mbpo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.train.CheckpointPolicy;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    static final String TINY = "{\"name\": \"tiny\", \"algorithm\": \"mbpo\", \"env\": \"Pendulum-v1\","
            + "\"run\": {\"totalSteps\": 300, \"evalEvery\": 100, \"evalEpisodes\": 1, \"device\": \"cpu\", \"checkpointEvery\": 1},"
            + "\"sac\": {\"hidden\": [16], \"batchSize\": 32, \"updatesPerStep\": 1, \"initialRandomSteps\": 100},"
            + "\"model\": {\"members\": 3, \"elites\": 2, \"hidden\": [16], \"weightDecay\": [0.00001], \"maxEpochs\": 3},"
            + "\"rollout\": {\"batchSize\": 100, \"horizon\": 2, \"predictionHorizon\": 5, \"predictionSegments\": 1},"
            + "\"mbpo\": {\"epochLength\": 100, \"modelTrainFreq\": 100}}";

    @TempDir
    static Path dir;
    static Path run;
    static List<RunEvent> live = new ArrayList<>();

    @BeforeAll
    static void recordOneRun() throws IOException {
        RunConfig c = Presets.parse(TINY, "tiny", List.of());
        try (RunRecorder rec = RunRecorder.create(dir.resolve("runs"), c, Map.of("machine", "test"))) {
            SessionState end = new TrainingSession(c, e -> {
                live.add(e);
                rec.accept(e);
            }).checkpointInto(rec.dir()).runBlocking();
            assertEquals(SessionState.FINISHED, end);
            run = rec.dir();
        }
    }

    private static Path copyOfRun(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (var s = Files.walk(run)) {
            for (Path p : s.toList()) {
                Path t = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return copy;
    }

    @Test
    void replayedEventsEqualTheLiveOnes() throws IOException {
        RunFolder f = RunFolder.open(run);
        RunFolder.Events ev = f.readEvents();
        assertTrue(ev.warnings().isEmpty(), ev.warnings().toString());
        assertEquals(live.size(), ev.events().size());
        for (int i = 0; i < live.size(); i++) {
            assertEquals(EventJson.toLine(live.get(i)), EventJson.toLine(ev.events().get(i)), "event " + i);
        }
        assertEquals(dev.mbpo.run.RunStatus.FINISHED, f.status());
        assertEquals(Presets.parse(TINY, "tiny", List.of()), f.config());
        assertEquals(List.of("epoch-0001", "epoch-0002", "epoch-0003"), f.checkpoints().stream().map(p -> p.getFileName().toString()).toList());
        RunSummary s = RunSummary.of(ev.events());
        assertEquals(300, s.steps());
        assertEquals(3, s.evalCurve().size());
    }

    @Test
    void truncatedLastLineIsIgnoredWithANote() throws IOException {
        Path copy = copyOfRun("truncated");
        Files.writeString(copy.resolve("events.jsonl"), "{\"schema\":1,\"type\":\"metrics\",\"step\":301,\"val",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunFolder.Events ev = RunFolder.open(copy).readEvents();
        assertEquals(live.size(), ev.events().size());
        assertEquals(1, ev.warnings().size());
        assertTrue(ev.warnings().get(0).contains("is incomplete (the run was cut off while writing it) and was ignored"),
                ev.warnings().get(0));
    }

    @Test
    void garbageLinesAreSkippedByNumberAndGoodPartsLoad() throws IOException {
        Path copy = copyOfRun("garbage");
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("events.jsonl")));
        lines.add(3, "this is not json");
        lines.add(5, "{\"schema\":1,\"type\":\"teleport\",\"step\":1}");
        lines.add(7, "{\"schema\":99,\"type\":\"phase\",\"step\":1,\"phase\":\"x\"}");
        Files.write(copy.resolve("events.jsonl"), lines);
        RunFolder.Events ev = RunFolder.open(copy).readEvents();
        assertEquals(live.size(), ev.events().size());
        assertEquals(3, ev.warnings().size(), ev.warnings().toString());
        assertTrue(ev.warnings().get(0).contains("line 4 skipped: not JSON"), ev.warnings().get(0));
        assertTrue(ev.warnings().get(1).contains("line 6 skipped: unknown event type 'teleport'"), ev.warnings().get(1));
        assertTrue(ev.warnings().get(2).contains("line 8 skipped: schema version 99 is newer"), ev.warnings().get(2));
    }

    @Test
    void missingOrWrongRunJsonNamesTheFile() throws IOException {
        Path noJson = copyOfRun("nojson");
        Files.delete(noJson.resolve("run.json"));
        RunFormatException a = assertThrows(RunFormatException.class, () -> RunFolder.open(noJson));
        assertEquals(noJson.resolve("run.json") + ": missing; every run folder has a run.json", a.getMessage());

        Path future = copyOfRun("future");
        String json = Files.readString(future.resolve("run.json")).replaceFirst("\"schema\" : 1", "\"schema\" : 7");
        Files.writeString(future.resolve("run.json"), json);
        RunFormatException b = assertThrows(RunFormatException.class, () -> RunFolder.open(future));
        assertTrue(b.getMessage().contains("run.json: schema version 7; this build reads versions 1 to 1"), b.getMessage());

        Path broken = copyOfRun("broken");
        Files.writeString(broken.resolve("run.json"), "{ not json");
        RunFormatException c = assertThrows(RunFormatException.class, () -> RunFolder.open(broken));
        assertTrue(c.getMessage().startsWith(broken.resolve("run.json") + ": not valid JSON"), c.getMessage());

        Path badConfig = copyOfRun("badconfig");
        Files.writeString(badConfig.resolve("run.json"), Files.readString(badConfig.resolve("run.json"))
                .replace("\"gamma\" : 0.99", "\"gamma\" : 7.0"));
        RunFormatException d = assertThrows(RunFormatException.class, () -> RunFolder.open(badConfig));
        assertTrue(d.getMessage().contains("(config): sac.gamma is 7.0"), d.getMessage());
    }

    @Test
    void checkpointThatDoesNotMatchTheConfigIsRefusedByName() throws IOException {
        RunConfig other = Presets.parse(TINY, "tiny", List.of("sac.hidden=[32]"));
        Path cp = RunFolder.open(run).checkpoints().get(0);
        IOException e = assertThrows(IOException.class, () -> CheckpointPolicy.load(other, cp).close());
        assertTrue(e.getMessage().contains("sac.ndlist: tensor 0 has shape (16, 3), the configured networks need (32, 3)"),
                e.getMessage());
        try (CheckpointPolicy ok = CheckpointPolicy.load(RunFolder.open(run).config(), cp)) {
            assertEquals(1, ok.evaluate(1, 3).size(), "a matching checkpoint acts again");
        }
    }

    @Test
    void runIdsNeverLeaveTheRunsFolder() throws IOException {
        RunsFolder runs = new RunsFolder(dir.resolve("runs"));
        assertEquals(run, runs.resolve(run.getFileName().toString()));
        assertEquals(run, runs.resolve(run.toString()), "a path to a run inside the folder is fine");
        for (String bad : List.of("../runs", "..", "/etc", "a/b", "x;y", "")) {
            assertThrows(RunFormatException.class, () -> runs.resolve(bad), bad);
        }
        Path link = dir.resolve("runs").resolve("sneaky");
        Files.createSymbolicLink(link, dir.resolve("nojson").toAbsolutePath());
        RunFormatException e = assertThrows(RunFormatException.class, () -> runs.resolve("sneaky"));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertTrue(assertThrows(RunFormatException.class, () -> runs.resolve("nope")).getMessage().contains("no run 'nope'"));
    }
}
