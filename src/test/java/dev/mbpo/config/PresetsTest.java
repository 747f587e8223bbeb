package dev.mbpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetsTest {

    @Test
    void everyShippedPresetLoads() throws Exception {
        try (Stream<Path> files = Files.list(TestPaths.projectDir().resolve("presets"))) {
            List<Path> presets = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertTrue(!presets.isEmpty());
            for (Path p : presets) {
                RunConfig c = Presets.load(p);
                assertTrue(!c.name().isEmpty(), p + " has a name");
            }
        }
    }

    @Test
    void missingFieldsTakeDefaultsAndOverridesApply() {
        RunConfig c = Presets.parse("{\"env\": \"MountainCarContinuous-v0\", \"sac\": {\"gamma\": 0.95}}", "test",
                List.of("sac.hidden=[64,64]", "run.seed=7", "run.device=cpu"));
        assertEquals("MountainCarContinuous-v0", c.env());
        assertEquals(0.95, c.sac().gamma());
        assertEquals(List.of(64, 64), c.sac().hidden());
        assertEquals(7, c.run().seed());
        assertEquals("cpu", c.run().device());
        assertEquals(SacConfig.DEFAULT.tau(), c.sac().tau());
    }

    @Test
    void aListFieldTakesCommaSeparatedValuesFromSet() {
        RunConfig c = Presets.parse("{}", "test", List.of("sac.hidden=128,128", "model.hidden=200, 200, 200, 200"));
        assertEquals(List.of(128, 128), c.sac().hidden());
        assertEquals(List.of(200, 200, 200, 200), c.model().hidden());
        ConfigException e = assertThrows(ConfigException.class, () -> Presets.parse("{}", "x", List.of("sac.hidden=big,small")));
        assertTrue(e.getMessage().startsWith("--set sac.hidden=big,small: sac.hidden has the wrong type; allowed: a list, e.g. [64, 64]"),
                e.getMessage());
    }

    @Test
    void saveThenLoadGivesTheSameConfig(@TempDir Path dir) throws Exception {
        RunConfig c = Presets.parse("{\"sac\": {\"targetEntropy\": -2.5}}", "test", List.of());
        Path f = dir.resolve("p.json");
        Presets.save(c, f);
        assertEquals(c, Presets.load(f));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"sac\": {\"gamma\": 1.5}}                | sac.gamma   | sac.gamma is 1.5; allowed: a number > 0 and <= 1",
        "{\"sac\": {\"batchSize\": 0}}              | sac.batchSize | sac.batchSize is 0; allowed: an integer from 1 to 65536",
        "{\"sac\": {\"hidden\": []}}                | sac.hidden  | allowed: a list of 1 to 8 layer widths",
        "{\"sac\": {\"gama\": 0.9}}                 | sac.gama    | did you mean 'sac.gamma'?",
        "{\"run\": {\"totalSteps\": \"many\"}}      | run.totalSteps | run.totalSteps is many; allowed: an integer",
        "{\"run\": {\"device\": \"tpu\"}}           | run.device  | allowed: auto, cpu, gpu",
        "{\"algorithm\": \"ppo\"}                   | algorithm   | algorithm is 'ppo'; allowed: sac, mbpo",
        "{\"sac\": {\"tau\": \"NaN\"}}              | sac.tau     | sac.tau is NaN",
        "[1, 2]                                     | ''          | a preset must be a JSON object",
        "{\"env\": \"Pendulum-v1\",                 | ''          | not valid JSON",
        "{\"model\": {\"members\": -3}}           | model.members | model.members is -3; allowed: an integer from 1 to 64",
        "{\"model\": {\"members\": 5, \"elites\": 7}} | model.elites | model.elites is 7; allowed: an integer from 1 to model.members (5)",
        "{\"model\": {\"hidden\": [200, 0]}}      | model.hidden | allowed: a list of 1 to 8 layer widths from 1 to 4096",
        "{\"rollout\": {\"horizon\": 0}}          | rollout.horizon | rollout.horizon is 0; allowed: an integer from 1 to 1000",
        "{\"rollout\": {\"schedule\": [20, 10, 1, 5]}} | rollout.schedule | allowed: a < b (epochs a and b of [a, b, x, y])",
        "{\"rollout\": {\"schedule\": [10, 20, 0, 5]}} | rollout.schedule | allowed: horizons x and y of [a, b, x, y] from 1 to 1000",
        "{\"mbpo\": {\"realRatio\": 1.5}}         | mbpo.realRatio | mbpo.realRatio is 1.5; allowed: a number from 0 to 1",
        "{\"mbpo\": {\"realRatio\": -0.1}}        | mbpo.realRatio | mbpo.realRatio is -0.1; allowed: a number from 0 to 1",
        "{\"sac\": {\"actorLr\": \"Infinity\"}}   | sac.actorLr | sac.actorLr is Infinity; allowed: a finite number > 0",
        "{\"sac\": {\"actorLr\": 1e999}}          | sac.actorLr | sac.actorLr is Infinity; allowed: a finite number > 0",
        "{\"sac\": {\"hidden\": \"big\"}}         | sac.hidden  | sac.hidden has the wrong type; allowed: a list, e.g. [64, 64]",
        "{\"run\": {\"seed\": 1.5}}               | run.seed    | run.seed is 1.5; allowed: an integer",
        "{\"model2\": 1}                          | model2      | unknown key 'model2'; did you mean 'model'?",
        "{\"rollout\": {\"batchSize\": 2000000000}} | rollout.batchSize | allowed: an integer from 1 to 10000000",
        "{\"sac\": {\"bufferSize\": -1}}          | sac.bufferSize | sac.bufferSize is -1; allowed: an integer from 1 to 50000000",
        "{\"run\": {\"onFault\": \"ignore\"}}     | run.onFault | run.onFault is 'ignore'; allowed: stop, recover",
        "{\"sac\": {\"update\": \"both\"}}        | sac.update  | sac.update is 'both'; allowed: sequential, simultaneous, parallel",
        "null                                       | ''          | a preset must be a JSON object, found null",
    })
    void badPresetsNameTheFieldAndWhatIsAllowed(String json, String field, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> Presets.parse(json, "p.json", List.of()));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith("p.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void emptyFileAndBadOverrideAreClear() {
        assertTrue(assertThrows(ConfigException.class, () -> Presets.parse("  ", "e.json", List.of())).getMessage().contains("empty"));
        ConfigException e = assertThrows(ConfigException.class, () -> Presets.parse("{}", "x", List.of("sca.gamma=0.9")));
        assertTrue(e.getMessage().contains("did you mean 'sac'"), e.getMessage());
        assertThrows(ConfigException.class, () -> Presets.parse("{}", "x", List.of("novalue")));
    }
}
