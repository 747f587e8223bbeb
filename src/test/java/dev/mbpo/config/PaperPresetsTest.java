package dev.mbpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * presets/paper/ holds the original code's settings (jannerm/mbpo, examples/config/TASK/0.py and
 * its shared defaults), task by task: the figures below are copied from there, so a preset that
 * drifts from the paper fails here.
 */
class PaperPresetsTest {

    /**
     * file, env, target entropy, rollout schedule, G, epoch length, real steps (the length of the
     * paper's curve for the task; InvertedPendulum: the config's 80 epochs of 250 steps).
     */
    static Stream<Arguments> tasks() {
        return Stream.of(
                Arguments.of("hopper-mbpo.json", "Hopper-v4", -1.0, List.of(20, 150, 1, 15), 20, 1000, 125_000),
                Arguments.of("walker2d-mbpo.json", "Walker2d-v4", -3.0, List.of(20, 150, 1, 1), 20, 1000, 300_000),
                Arguments.of("halfcheetah-mbpo.json", "HalfCheetah-v4", -3.0, List.of(20, 150, 1, 1), 40, 1000, 400_000),
                Arguments.of("ant-mbpo.json", "Ant-v4", -4.0, List.of(20, 100, 1, 25), 20, 1000, 300_000),
                Arguments.of("invertedpendulum-mbpo.json", "InvertedPendulum-v4", -0.05, List.of(1, 15, 1, 1), 10, 250, 20_000));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void eachPaperPresetHasTheOriginalSettingsOfItsTask(String file, String env, double targetEntropy, List<Integer> schedule,
                                                         int updatesPerStep, int epochLength, int totalSteps) {
        RunConfig c = Presets.load(Path.of("presets/paper", file));
        assertEquals(env, c.env());
        assertEquals(Algorithm.MBPO, c.algorithm());
        assertEquals(targetEntropy, c.sac().targetEntropy(), 1e-12, "target entropy");
        assertEquals(UpdateOrder.SIMULTANEOUS, c.sac().update(), "both SAC losses from the same parameters");
        assertEquals(updatesPerStep, c.sac().updatesPerStep(), "G");
        assertEquals(5000, c.sac().initialRandomSteps());
        assertEquals(List.of(256, 256), c.sac().hidden());
        assertFalse(c.model().normalizeTargets(), "the original does not standardise the targets");
        assertEquals(7, c.model().members());
        assertEquals(5, c.model().elites());
        assertEquals(List.of(200, 200, 200, 200), c.model().hidden());
        assertEquals(5, c.model().patience());
        assertEquals(0.01, c.model().improvement(), 1e-12);
        assertEquals(schedule, c.rollout().schedule(), "rollout schedule [from epoch, to epoch, from k, to k]");
        assertEquals(100_000, c.rollout().batchSize());
        assertEquals(1, c.rollout().retainEpochs());
        assertEquals(epochLength, c.mbpo().epochLength());
        assertEquals(250, c.mbpo().modelTrainFreq());
        assertEquals(0.05, c.mbpo().realRatio(), 1e-12);
        assertEquals(0.99, c.sac().gamma(), 1e-12);
        assertEquals(0.005, c.sac().tau(), 1e-12);
        assertEquals(totalSteps, c.run().totalSteps());
    }

    @Test
    void everyPaperPresetIsCheckedHere() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("presets/paper"))) {
            List<String> present = files.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> checked = tasks().map(a -> (String) a.get()[0]).sorted().toList();
            assertEquals(checked, present);
        }
    }
}
