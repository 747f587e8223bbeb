package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.Presets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The settings sheet's model, without a window. */
class SettingsModelTest {

    @Test
    void everyBadFieldIsMarkedAtOnceInTheWordsOfTheSheet() {
        SettingsModel m = new SettingsModel();
        m.set("model.members", "0");
        m.set("sac.gamma", "2");
        m.set("run.evalEpisodes", "x");
        assertFalse(m.validProperty().get());
        assertEquals(java.util.Set.of("model.members", "sac.gamma", "run.evalEpisodes"), m.errors().keySet(),
                "three bad fields, three marks: " + m.errors());
        assertTrue(m.errors().get("model.members").startsWith("Members (Ensemble) is 0"), m.errors().get("model.members"));
        assertTrue(m.errors().get("sac.gamma").startsWith("Gamma (SAC) is 2"), m.errors().get("sac.gamma"));
        assertTrue(m.errors().get("run.evalEpisodes").contains("'x' is not a whole number"), m.errors().get("run.evalEpisodes"));
        assertEquals(3, m.summaryProperty().get().lines().count(), "every error listed: " + m.summaryProperty().get());
        m.set("model.members", "7");
        assertEquals(java.util.Set.of("sac.gamma", "run.evalEpisodes"), m.errors().keySet(), "fixing one leaves the others marked");
    }

    @Test
    void aCombinationThatOnlyFailsTogetherIsStillCaught() {
        SettingsModel m = new SettingsModel();
        m.load(Presets.load(Path.of("presets/pendulum-mbpo.json")));
        m.set("model.members", "3"); // alone: elites (5) > members (3) is already an error of Elites
        assertTrue(m.errors().containsKey("model.elites"), m.errors().toString());
        m.set("model.elites", "3");
        assertTrue(m.validProperty().get(), m.errors().toString());
    }

    @Test
    void aLoadedPresetIsEditedOnceAFieldChangesAndNotBefore() {
        SettingsModel m = new SettingsModel();
        m.load(Presets.load(Path.of("presets/pendulum-mbpo.json")));
        assertFalse(m.editedProperty().get());
        m.set("env", "ContinuousCartPole-v0");
        assertTrue(m.editedProperty().get());
        assertEquals("ContinuousCartPole-v0", m.envProperty().get());
        m.set("env", "Pendulum-v1");
        assertFalse(m.editedProperty().get(), "back to the preset's values");
    }
}
