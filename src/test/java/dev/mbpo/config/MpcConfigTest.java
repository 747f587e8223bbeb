package dev.mbpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MpcConfigTest {

    /** The error of a preset whose mpc object is {@code mpcFields}. */
    private static String error(String mpcFields) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Presets.parse("{\"algorithm\": \"mpc\", \"mpc\": {" + mpcFields + "}}", "test", List.of()));
        return e.getMessage();
    }

    @Test
    void badPlannerSettingsGetOneLineNamingTheField() {
        assertEquals("test: mpc.horizon is 0; allowed: an integer from 1 to 1000", error("\"horizon\": 0"));
        assertEquals("test: mpc.elites is 50; allowed: at most mpc.population (40)", error("\"population\": 40, \"elites\": 50"));
        assertEquals("test: mpc.particles is 0; allowed: an integer from 1 to 1000", error("\"particles\": 0"));
        assertEquals("test: mpc.smoothing is 1.0; allowed: a number >= 0 and < 1 (the old distribution's weight)",
                error("\"smoothing\": 1"));
    }

    @Test
    void everySettingsCategoryHasItsPlaceInTheSheetAndEachAlgorithmGreysWhatItDoesNotUse() {
        List<SettingField> fields = SettingFields.all(List.of("Pendulum-v1"));
        for (SettingField f : fields) {
            org.junit.jupiter.api.Assertions.assertTrue(SettingFields.CATEGORIES.contains(f.category()), f.path() + ": " + f.category());
        }
        SettingField horizon = fields.stream().filter(f -> f.path().equals("mpc.horizon")).findFirst().orElseThrow();
        SettingField penalty = fields.stream().filter(f -> f.path().equals("offline.penalty")).findFirst().orElseThrow();
        SettingField gamma = fields.stream().filter(f -> f.path().equals("sac.gamma")).findFirst().orElseThrow();
        assertEquals(null, SettingFields.whyNotApplying(horizon, Algorithm.MPC));
        assertEquals("MBPO learns online: the MPC settings apply to mpc runs.", SettingFields.whyNotApplying(horizon, Algorithm.MBPO));
        assertEquals("MPC learns no policy, it plans: the SAC settings apply to other algorithms.",
                SettingFields.whyNotApplying(gamma, Algorithm.MPC));
        assertEquals(null, SettingFields.whyNotApplying(penalty, Algorithm.OFFLINE));
        assertEquals(null, SettingFields.whyNotApplying(gamma, Algorithm.OFFLINE));
    }

    @Test
    void mpcCountsItsOwnRandomStepsAndTrainingInterval() {
        RunConfig c = Presets.parse("{\"algorithm\": \"mpc\", \"mpc\": {\"randomSteps\": 123, \"trainEvery\": 77}}", "test", List.of());
        assertEquals(Algorithm.MPC, c.algorithm());
        assertEquals(123, c.randomSteps());
        assertEquals(77, c.modelTrainEvery());
        RunConfig m = c.withRun(c.run());
        assertEquals(c, m);
        RunConfig mbpo = Presets.parse("{}", "test", List.of());
        assertEquals(mbpo.sac().initialRandomSteps(), mbpo.randomSteps());
        assertEquals(mbpo.mbpo().modelTrainFreq(), mbpo.modelTrainEvery());
    }
}
