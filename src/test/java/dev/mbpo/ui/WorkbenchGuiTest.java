package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mbpo.TestPaths;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunRecorder;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Real clicks on the real window, on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGuiTest {
    // recover: a run of these 16-unit networks once stopped (2026-11-26, a full test run) on a damaged actor
    // gradient (a use-after-free since fixed, docs/RELIABILITY.md); the tests here are about the window
    static final String TINY = "{\"name\": \"tiny gui\", \"algorithm\": \"mbpo\", \"env\": \"Pendulum-v1\","
            + "\"run\": {\"totalSteps\": 100000, \"evalEvery\": 100, \"evalEpisodes\": 1, \"device\": \"cpu\", \"checkpointEvery\": 0, \"onFault\": \"recover\"},"
            + "\"sac\": {\"hidden\": [16], \"batchSize\": 32, \"updatesPerStep\": 1, \"initialRandomSteps\": 100},"
            + "\"model\": {\"members\": 3, \"elites\": 2, \"hidden\": [16], \"weightDecay\": [0.00001], \"maxEpochs\": 3},"
            + "\"rollout\": {\"batchSize\": 200, \"horizon\": 2, \"predictionHorizon\": 10, \"predictionSegments\": 1},"
            + "\"mbpo\": {\"epochLength\": 100, \"modelTrainFreq\": 100}}";

    @TempDir
    static Path dir;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(TestPaths.projectDir().resolve("presets"), dir.resolve("runs"));
        Scene scene = new Scene(workbench.root(), 1400, 900);
        workbench.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        workbench.startPump();
    }

    private static void waitUntil(String what, double seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what);
        }
    }

    @Test
    void invalidFieldIsMarkedAndStartStaysDisabledUntilFixed(FxRobot robot) throws Exception {
        Button start = robot.lookup("#start").queryButton();
        assertFalse(start.isDisabled(), "valid defaults: Start enabled");
        robot.clickOn("Ensemble");
        // The sheet builds its editors lazily (and may rebuild them): always act on the one on screen,
        // once the category has finished its expand animation (a click on a field still moving misses).
        Callable<TextField> field = () -> robot.lookup("#setting-model-elites").queryAs(TextField.class);
        FxWaits.untilStill("the Elites field", 10, () -> robot.lookup("#setting-model-elites").tryQuery().orElse(null));
        robot.doubleClickOn(field.call()).eraseText(3).write("9");
        WaitForAsyncUtils.waitForFxEvents();
        TextField elites = field.call();
        assertTrue(start.isDisabled(), "Start disabled while a field is invalid");
        assertTrue(workbench.toolbar().whyStartIsDisabled().contains("Elites (Ensemble) is 9"),
                "Start's tooltip says why: " + workbench.toolbar().whyStartIsDisabled());
        assertTrue(elites.getStyleClass().contains("invalid"), "the field is marked");
        Label error = robot.lookup("#settings-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("Elites (Ensemble) is 9; allowed: an integer from 1 to model.members (7)", error.getText());
        assertEquals(error.getText(), elites.getTooltip().getText(), "the reason is the field's tooltip");
        robot.doubleClickOn(field.call()).eraseText(3).write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(error.getText().contains("'abc' is not a whole number"), error.getText());
        robot.doubleClickOn(field.call()).eraseText(3).write("5");
        WaitForAsyncUtils.waitForFxEvents();
        elites = field.call();
        assertFalse(start.isDisabled(), "Start enabled again");
        assertFalse(elites.getStyleClass().contains("invalid"));
        assertFalse(error.isVisible());
    }

    @Test
    void tinyRunFillsEveryPlotAndPauseResumeStopWork(FxRobot robot) throws Exception {
        Path preset = dir.resolve("tiny.json");
        Files.writeString(preset, TINY);
        robot.interact(() -> workbench.loadPreset(preset));
        robot.clickOn("#start");
        waitUntil("every plot has data", 120, () -> workbench.returns().evalPoints() > 0 && workbench.model().trainings() > 0
                && workbench.disagreement().rollouts() > 0 && workbench.prediction().realPoints() > 0
                && workbench.sac().points() > 0 && workbench.envView().episode() != null
                && workbench.sac().criticCheckText().startsWith("critic at the start states: Q = "));
        // The tiny run can fill every plot within a second or two, before ten frames: give the
        // window the time to draw them rather than read the count at that instant.
        waitUntil("the window kept drawing frames", 10, () -> workbench.frames().frames() > 10);

        robot.clickOn("#pause");
        waitUntil("paused", 5, () -> workbench.runs().sessionState() == SessionState.PAUSED);
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());
        robot.clickOn("#pause");
        waitUntil("running again", 5, () -> workbench.runs().sessionState() == SessionState.RUNNING);
        robot.clickOn("#stop");
        waitUntil("stopped", 5, () -> workbench.runs().modeProperty().get() == RunController.Mode.IDLE);
        WaitForAsyncUtils.waitForFxEvents(); // the views take the end event in the same frame
        assertEquals(SessionState.STOPPED, workbench.runs().sessionState());
        assertTrue(robot.lookup("#status-phase").queryAs(Label.class).getText().startsWith("stopped"));
        Path runDir = workbench.runs().currentRunDir();
        assertNotNull(runDir);
        waitUntil("run.json says stopped", 5, () -> "stopped".equals(new ObjectMapper().readTree(runDir.resolve("run.json").toFile())
                .path("status").asText()));
        assertFalse(robot.lookup("#start").queryButton().isDisabled());
    }

    @Test
    void openARecordedRunAndScrubIt(FxRobot robot) throws Exception {
        RunConfig c = Presets.parse(TINY, "tiny", List.of("run.totalSteps=400"));
        Path runDir;
        try (RunRecorder rec = RunRecorder.create(dir.resolve("saved"), c, Map.of())) {
            assertEquals(SessionState.FINISHED, new TrainingSession(c, rec).checkpointInto(rec.dir()).runBlocking());
            runDir = rec.dir();
        }
        robot.interact(() -> workbench.openRun(runDir));
        waitUntil("the run is read (in the background) and shown", 30, () -> robot.lookup("#replay-bar").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#replay-bar").query().isVisible());
        ReplayBar bar = workbench.replay();
        assertEquals(4, bar.epochCount(), "evaluations at 100, 200, 300, 400");
        assertEquals(4, workbench.returns().evalPoints(), "opens at the last epoch");
        assertTrue(workbench.model().trainings() > 0 && workbench.prediction().realPoints() > 0);
        robot.interact(() -> bar.slider().setValue(0));
        assertEquals(1, workbench.returns().evalPoints());
        assertEquals("evaluation 1 of 4: step 100, epoch 1 of 4", robot.lookup("#replay-label").queryAs(Label.class).getText());
        robot.clickOn("#replay-slider").type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workbench.returns().evalPoints() >= 2, "keyboard scrubbing moves forward");
        assertNotNull(workbench.envView().episode(), "the environment view plays the epoch's episode");
        assertEquals(RunController.Mode.REPLAY, workbench.runs().modeProperty().get());

        dev.mbpo.run.RunEvent.Episode recorded = workbench.envView().episode();
        robot.clickOn("#replay-play-policy");
        waitUntil("the checkpoint's policy played an episode", 60, () -> workbench.envView().episode() != recorded
                && robot.lookup("#status-message").queryAs(Label.class).getText().matches("policy of epoch \\d+: return .*"));
        assertEquals(200, workbench.envView().episode().length(), "a whole Pendulum episode");
        String shown = robot.lookup("#replay-label").queryAs(Label.class).getText();
        String epoch = shown.substring(shown.indexOf("epoch ") + 6, shown.indexOf(" of", shown.indexOf("epoch ")));
        assertTrue(workbench.envView().captionText().startsWith("policy of epoch " + epoch + ": return"),
                "the policy played is the one of the epoch the replay bar shows (" + shown + "), caption: "
                        + workbench.envView().captionText());
    }
}
