package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void shortRunPrintsProgressAndSummaryAndRecordsTheRun(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("p.json");
        Files.writeString(preset, "{\"name\": \"t\", \"env\": \"Pendulum-v1\", \"sac\": {\"hidden\": [16], \"batchSize\": 16, \"initialRandomSteps\": 50}}");
        Object[] r = MainTest.run("train", "--preset", preset.toString(), "--steps", "400", "--seed", "3",
                "--out", dir.resolve("runs").toString(), "--set", "run.evalEvery=200", "--set", "run.evalEpisodes=1",
                "--threshold", "-100000");
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("step     200/400  eval/return"), out);
        assertTrue(out.contains("status:       finished"), out);
        assertTrue(out.contains("threshold -100000.0 reached at step 200"), out);
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            runs = s.toList();
        }
        assertEquals(1, runs.size());
        JsonNode runJson = new ObjectMapper().readTree(runs.get(0).resolve("run.json").toFile());
        assertEquals("finished", runJson.get("status").asText());
        assertEquals(3, runJson.get("seed").asLong());
        assertEquals(400, runJson.get("config").get("run").get("totalSteps").asInt());
        assertEquals("PyTorch 2.7.1", runJson.get("provenance").get("engine").asText());
        List<String> lines = Files.readAllLines(runs.get(0).resolve("events.jsonl"));
        assertTrue(lines.get(0).contains("\"type\":\"started\"") && lines.get(0).contains("\"schema\":1"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"ended\""));
    }

    @Test
    void badPresetIsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("bad.json");
        Files.writeString(preset, "{\"sac\": {\"gamma\": 2}}");
        Object[] r = MainTest.run("train", "--preset", preset.toString());
        assertEquals(2, r[0]);
        String err = ((String) r[2]).strip();
        assertTrue(err.startsWith("mbpo: " + preset + ": sac.gamma is 2.0; allowed"), err);
        assertEquals(1, err.lines().count(), err);
        Object[] missing = MainTest.run("train", "--preset", dir.resolve("nope.json").toString());
        assertEquals(2, missing[0]);
        assertTrue(((String) missing[2]).contains("no such file"));
        Object[] badSet = MainTest.run("train", "--preset", preset.toString().replace("bad", "nope"), "--steps", "0");
        assertEquals(2, badSet[0]);
    }
}
