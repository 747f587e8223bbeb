package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunRecorder;
import dev.mbpo.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a newcomer meets in the window: stale labels, settings that do not apply, baselines, replays. */
@ExtendWith(ApplicationExtension.class)
class NewcomerGuiTest {
    @TempDir
    static Path dir;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(TestPaths.projectDir().resolve("presets"), dir.resolve("runs"));
        workbench.loadPreset(TestPaths.projectDir().resolve("presets/pendulum-mbpo.json"));
        stage.setScene(new Scene(workbench.root(), 1400, 900));
        stage.show();
        workbench.startPump();
    }

    private static Path record(String preset, List<String> overrides) throws Exception {
        RunConfig c = Presets.load(TestPaths.projectDir().resolve(preset), overrides);
        try (RunRecorder rec = RunRecorder.create(dir.resolve("saved"), c, Map.of())) {
            new TrainingSession(c, rec).checkpointInto(rec.dir()).runBlocking();
            return rec.dir();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void thePresetBoxSaysEditedOnceTheSettingsChange(FxRobot robot) {
        ComboBox<String> box = robot.lookup("#toolbar-preset").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue("pendulum-mbpo.json"));
        assertEquals("pendulum-mbpo.json", box.getValue());
        robot.interact(() -> workbench.settings().set("env", "ContinuousCartPole-v0"));
        assertEquals(null, box.getValue(), "no longer claims the preset");
        assertEquals("pendulum-mbpo.json (edited)", box.getPromptText());
        assertEquals("ContinuousCartPole-v0", workbench.envView().envId(), "the sheet's environment is drawn");
    }

    @Test
    void withSacTheModelSettingsAreGreyedAndTheModelPlotsSayWhy(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.loadPreset(TestPaths.projectDir().resolve("presets/pendulum-sac.json")));
        robot.clickOn("Ensemble");
        FxWaits.untilStill("the Members field", 10, () -> robot.lookup("#setting-model-members").tryQuery().orElse(null));
        assertTrue(robot.lookup("#setting-model-members").queryAs(Control.class).isDisabled(), "Members does not apply to SAC");
        assertTrue(robot.lookup("#setting-model-members").queryAs(Control.class).getTooltip().getText().startsWith("SAC learns no model"));
        Path sac = record("presets/pendulum-sac.json", List.of("run.totalSteps=200"));
        robot.interact(() -> workbench.openRun(sac));
        FxWaits.waitUntil("the SAC run is replayed", 30, () -> workbench.returns().evalPoints() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunView.NO_MODEL, workbench.model().infoText());
    }

    @Test
    void aBaselineOfAnotherTaskIsRefusedAndAShownOneCanBeRemoved(FxRobot robot) throws Exception {
        Path cartPole = record("presets/pendulum-sac.json", List.of("run.totalSteps=200", "env=\"ContinuousCartPole-v0\""));
        robot.interact(() -> workbench.setBaseline(cartPole));
        assertFalse(workbench.returns().hasBaseline(), "a CartPole curve is not laid over Pendulum's");
        // The refusal is an alert naming both tasks; close it as a user would.
        javafx.scene.control.DialogPane alert = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(alert.getContentText().contains("ContinuousCartPole-v0") && alert.getContentText().contains("Pendulum-v1"),
                alert.getContentText());
        robot.interact(() -> alert.getScene().getWindow().hide());
        Path pendulum = record("presets/pendulum-sac.json", List.of("run.totalSteps=200"));
        robot.interact(() -> workbench.setBaseline(pendulum));
        assertTrue(workbench.returns().hasBaseline());
        Button b = robot.lookup("#baseline").queryButton();
        assertEquals("Remove baseline", b.getText());
        robot.clickOn(b);
        assertFalse(workbench.returns().hasBaseline());
        assertEquals("Baseline...", b.getText());
    }

    @Test
    void anEndedRunShowsNoEtaAndTheEpochOfItsLastStep(FxRobot robot) {
        StatusBar[] bar = new StatusBar[1];
        robot.interact(() -> {
            bar[0] = new StatusBar();
            bar[0].accept(new dev.mbpo.run.RunEvent.Started(0, dev.mbpo.config.Algorithm.MBPO, "Pendulum-v1", 1, 2000, "cpu()", 1000));
            bar[0].accept(new dev.mbpo.run.RunEvent.Progress(1500, 2000, 10, 150, 50));
        });
        javafx.scene.control.Label time = (javafx.scene.control.Label) bar[0].lookup("#status-time");
        javafx.scene.control.Label epoch = (javafx.scene.control.Label) bar[0].lookup("#status-epoch");
        assertTrue(time.getText().contains("ETA 0:00:50"), time.getText());
        assertEquals("epoch 2 of 2", epoch.getText());
        robot.interact(() -> bar[0].accept(new dev.mbpo.run.RunEvent.Progress(1600, 2000, 10, 160, Double.NaN)));
        assertTrue(time.getText().endsWith("ETA measuring"), time.getText());
        robot.interact(() -> bar[0].accept(new dev.mbpo.run.RunEvent.Ended(1600, dev.mbpo.run.RunStatus.STOPPED, "stopped by the user")));
        assertFalse(time.getText().contains("ETA"), "nothing to estimate once the run ended: " + time.getText());
    }

    @Test
    void aReplayedRunShowsItsOwnSettingsReadOnlyAndThenStartsFromThem(FxRobot robot) throws Exception {
        Path run = record("presets/pendulum-sac.json", List.of("run.totalSteps=200", "run.seed=7"));
        robot.interact(() -> workbench.settings().set("run.seed", "2"));
        robot.interact(() -> workbench.openRun(run));
        FxWaits.waitUntil("the run is replayed", 30, () -> workbench.returns().evalPoints() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("7", workbench.settings().text("run.seed"), "the sheet shows the replayed run's seed");
        assertEquals("sac", workbench.settings().text("algorithm"));
        assertTrue(workbench.settingsLocked(), "read-only while replaying");
        robot.clickOn("#replay-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.settingsLocked(), "editable again");
        assertEquals("7", workbench.settings().text("run.seed"), "Start would run these settings");
    }
}
