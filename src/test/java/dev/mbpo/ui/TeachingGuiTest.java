package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunRecorder;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The teaching views, presenter comforts and the side-by-side comparison, driven with recorded and live runs. */
@ExtendWith(ApplicationExtension.class)
class TeachingGuiTest {
    @TempDir
    static Path dir;
    static Path mbpoRun;
    static Path sacRun;
    private Workbench workbench;

    static Path record(String algorithm, String... more) throws Exception {
        List<String> o = new java.util.ArrayList<>(List.of("run.totalSteps=300", "algorithm=" + algorithm));
        o.addAll(List.of(more));
        RunConfig c = Presets.parse(WorkbenchGuiTest.TINY, "tiny", o);
        try (RunRecorder rec = RunRecorder.create(dir.resolve("saved"), c, Map.of())) {
            assertEquals(SessionState.FINISHED, new TrainingSession(c, rec).checkpointInto(rec.dir()).runBlocking());
            return rec.dir();
        }
    }

    @BeforeAll
    static void recordRuns() throws Exception {
        mbpoRun = record("mbpo");
        sacRun = record("sac");
    }

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
    void teachingViewsShowARecordedRun(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openRun(mbpoRun));
        waitUntil("the run is shown", 30, () -> robot.lookup("#replay-bar").query().isVisible());
        robot.clickOn("Teaching");
        WaitForAsyncUtils.waitForFxEvents();
        LoopDiagramView loop = workbench.loopDiagram();
        assertEquals(300, loop.realSteps());
        assertEquals(2, loop.modelTrainings(), "trainings at steps 100 and 200");
        assertTrue(loop.imagined() > 0);
        PhasePortraitView portrait = workbench.phasePortrait();
        assertTrue(portrait.hasValueMap(), "the critic's value over the phase plane");
        assertEquals(201, portrait.trajectoryPoints(), "the latest evaluation episode, start included");
        assertTrue(portrait.branches() > 0, "imagined branches from real states");
        HorizonView horizon = workbench.horizon();
        assertNotNull(horizon.latest());
        assertEquals(11, horizon.latest().errorMean().length, "k = 0..10 (predictionHorizon 10)");
        assertTrue(horizon.infoText().contains("r = ") && horizon.infoText().contains("Spearman"), horizon.infoText());
        Slider k = robot.lookup("#horizon-k").queryAs(Slider.class);
        assertEquals(10, k.getMax());
        robot.interact(() -> k.setValue(3));
        assertEquals(3, horizon.branchSteps().get(), "the slider sets the branch length the portrait draws");
        assertTrue(robot.lookup("#horizon-k-label").queryAs(Label.class).getText().startsWith("k = 3: error "));
        robot.moveTo((javafx.scene.Node) robot.lookup("#phase-portrait").query());
        WaitForAsyncUtils.waitForFxEvents();
        String readout = robot.lookup("#phase-readout").queryAs(Label.class).getText();
        assertTrue(readout.contains("angle theta") && readout.contains("value"), "hover read-out: " + readout);
    }

    @Test
    void darkThemeAndLargeFontsFromTheKeyboard(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#theme-dark").tryQuery().isPresent(), "the toolbar shows the Dark toggle");
        var chart = workbench.returns().panel().chart();
        float before = chart.getTitle().getFont().getSize2D();
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK, workbench.theme());
        assertTrue(workbench.root().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        assertEquals(new java.awt.Color(0x1e2430), chart.getBackgroundPaint(), "charts follow the theme");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workbench.largeFont());
        assertTrue(chart.getTitle().getFont().getSize2D() > before * 1.4, "chart fonts grow with the controls'");
        assertTrue(workbench.root().getStyle().contains("17px"));
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.largeFont());
        assertEquals(before, chart.getTitle().getFont().getSize2D(), 0.01f);
        // The toolbar lays its buttons out again at the normal size: click the toggle where it ends up.
        FxWaits.untilStill("the Dark toggle", 10, () -> robot.lookup("#theme-dark").tryQuery().orElse(null));
        robot.clickOn("#theme-dark"); // the toolbar's toggle does the same as Ctrl+T
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.LIGHT, workbench.theme());
        assertEquals(java.awt.Color.WHITE, chart.getBackgroundPaint());
    }

    @Test
    void fourAlgorithmsFromRecordedRunsShowFourCurvesAndTheFilledTable(FxRobot robot) throws Exception {
        Path mpcRun = record("mpc", "mpc.randomSteps=100", "mpc.trainEvery=100", "mpc.population=16", "mpc.elites=4",
                "mpc.horizon=4", "mpc.iterations=2", "mpc.particles=2");
        Path offlineRun = record("offline", "offline.dataset=" + mbpoRun, "offline.datasetSize=250", "rollout.batchSize=50");
        robot.clickOn("Compare");
        robot.interact(() -> workbench.compare().openRuns(List.of(sacRun, mbpoRun, mpcRun, offlineRun)));
        waitUntil("four curves", 30, () -> workbench.compare().points(0) == 3 && workbench.compare().points(1) == 3
                && workbench.compare().points(2) == 3 && workbench.compare().points(3) == 3
                && workbench.compare().tableRows() == 4);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<dev.mbpo.run.ComparisonRow> table = robot.lookup("#compare-table").queryAs(javafx.scene.control.TableView.class);
        List<String> algorithms = table.getItems().stream().map(r -> r.algorithm().label()).toList();
        assertEquals(List.of("sac", "mbpo", "mpc", "offline"), algorithms);
        dev.mbpo.run.ComparisonRow offline = table.getItems().get(3);
        assertEquals(250, offline.realSteps(), "offline counts the dataset it learned from");
        assertTrue(offline.interaction().startsWith("none"), offline.interaction());
        assertTrue(table.getItems().get(2).actMillis() > table.getItems().get(0).actMillis(),
                "planning costs more per action than a policy's forward pass");
        assertTrue(robot.lookup("#compare-info").queryAs(Label.class).getText().contains("comparing 4 saved runs"));
        robot.interact(() -> robot.lookup("#compare-threshold").queryAs(javafx.scene.control.TextField.class).setText("-5000"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().allMatch(r -> r.realStepsTo() >= 0), "every run reaches -5000");
        assertTrue(table.getColumns().get(1).getText().endsWith("-5000"));
    }

    @Test
    void fourAlgorithmsStartAtOnceFromTheSettingsAndFillTheLiveTable(FxRobot robot) throws Exception {
        Path preset = dir.resolve("tiny-race.json");
        Files.writeString(preset, WorkbenchGuiTest.TINY.replace("\"mbpo\": {", "\"mpc\": {\"population\": 16, \"elites\": 4, "
                + "\"horizon\": 4, \"iterations\": 2, \"particles\": 2, \"randomSteps\": 100, \"trainEvery\": 100}, "
                + "\"offline\": {\"datasetSize\": 250}, \"mbpo\": {"));
        robot.interact(() -> workbench.loadPreset(preset));
        robot.clickOn("Compare");
        robot.interact(() -> {
            workbench.compare().race().check(List.of(dev.mbpo.config.Algorithm.SAC, dev.mbpo.config.Algorithm.MBPO,
                    dev.mbpo.config.Algorithm.MPC, dev.mbpo.config.Algorithm.OFFLINE), mbpoRun);
        });
        robot.clickOn("#compare-start-algorithms");
        robot.clickOn("#compare-start-checked");
        waitUntil("four live curves and the table", 180, () -> workbench.compare().points(0) >= 2 && workbench.compare().points(1) >= 2
                && workbench.compare().points(2) >= 2 && workbench.compare().points(3) >= 2 && workbench.compare().tableRows() == 4);
        assertTrue(workbench.compare().runningProperty().get());
        assertTrue(robot.lookup("#start").queryButton().isDisabled(), "no dashboard run while they train");
        robot.clickOn("#compare-stop");
        waitUntil("all four ended", 30, () -> !workbench.compare().runningProperty().get());
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            for (String a : List.of("-sac-", "-mbpo-", "-mpc-", "-offline-")) {
                assertTrue(names.stream().anyMatch(n -> n.contains(a)), a + " run recorded: " + names);
            }
        }
    }

    @Test
    void runsGroupedByASettingDrawTheirMeanAndSeedBand(FxRobot robot) throws Exception {
        Path seed2 = record("mbpo", "run.seed=2");
        robot.clickOn("Compare");
        robot.interact(() -> workbench.compare().groupBy(seed2.getParent(), "Pendulum-v1", "algorithm"));
        waitUntil("the groups drawn", 30, () -> workbench.compare().bandGroups() >= 2
                && robot.lookup("#compare-info").queryAs(Label.class).getText().contains("final IQM"));
        String info = robot.lookup("#compare-info").queryAs(Label.class).getText();
        assertTrue(info.contains("algorithm = mbpo: final IQM") && info.contains("algorithm = sac"), info);
        assertTrue(info.matches(".*algorithm = mbpo: final IQM [-0-9.]+ \\[[-0-9.]+, [-0-9.]+\\], 2 runs.*"), info);
    }

    @Test
    void aSweepFromTheWindowRunsItsGridShowsProgressAndOpensTheGroupedComparison(FxRobot robot) throws Exception {
        Path preset = dir.resolve("tiny-sweep.json");
        Files.writeString(preset, WorkbenchGuiTest.TINY);
        robot.interact(() -> workbench.loadPreset(preset));
        robot.clickOn("Compare");
        robot.clickOn("#compare-sweep");
        SweepDialog d = workbench.compare().sweep().last();
        robot.interact(() -> {
            d.fill("rollout.horizn=1,2", "1", "300", 2);
            d.start();
        });
        assertTrue(d.errorText().startsWith("run 0 (rollout.horizn=1, seed 1): --grid rollout.horizn"), d.errorText());
        robot.interact(() -> {
            d.fill("rollout.horizon=1,2", "1", "300", 2);
            d.start();
        });
        assertEquals("", d.errorText());
        waitUntil("both runs of the sweep finished", 180, () -> d.done() && d.finished() == 2);
        robot.clickOn("#sweep-compare");
        waitUntil("the grouped comparison", 30, () -> workbench.compare().bandGroups() >= 2
                && robot.lookup("#compare-info").queryAs(Label.class).getText().contains("final IQM"));
        assertTrue(robot.lookup("#compare-info").queryAs(Label.class).getText().contains("rollout.horizon = 1: final IQM"),
                robot.lookup("#compare-info").queryAs(Label.class).getText());
        String status = robot.lookup("#sweep-status").queryAs(Label.class).getText();
        assertTrue(status.contains("2 finished, 0 failed"), status);
    }

    @Test
    void twoSavedRunsPlayTogether(FxRobot robot) throws Exception {
        robot.clickOn("Compare");
        robot.interact(() -> workbench.compare().openPair(mbpoRun, sacRun));
        waitUntil("both curves", 30, () -> workbench.compare().points(true) == 3 && workbench.compare().points(false) == 3);
        assertTrue(robot.lookup("#compare-info").queryAs(Label.class).getText().contains("two saved runs"));
    }

    @Test
    void sacAndMbpoTrainAtOnceAndBothAreSaved(FxRobot robot) throws Exception {
        Path preset = dir.resolve("tiny-compare.json");
        Files.writeString(preset, WorkbenchGuiTest.TINY);
        robot.interact(() -> workbench.loadPreset(preset));
        java.util.Set<Path> before = new java.util.HashSet<>();
        if (Files.isDirectory(dir.resolve("runs"))) {
            try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
                s.forEach(before::add); // other tests of this class record runs in the same folder
            }
        }
        robot.clickOn("Compare");
        robot.clickOn("#compare-start");
        waitUntil("both runs evaluated (two sessions in one JVM, one gradient lock)", 120,
                () -> workbench.compare().points(true) >= 2 && workbench.compare().points(false) >= 2);
        assertTrue(robot.lookup("#start").queryButton().isDisabled(), "no third run while the pair trains");
        robot.clickOn("#compare-stop");
        waitUntil("both ended", 20, () -> !workbench.compare().runningProperty().get());
        List<Path> saved;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            saved = s.filter(p -> !before.contains(p))
                    .filter(p -> p.getFileName().toString().contains("mbpo-s1") || p.getFileName().toString().contains("sac-s1")).toList();
        }
        assertEquals(2, saved.size(), saved.toString());
        for (Path p : saved) {
            waitUntil("run.json of " + p.getFileName() + " says stopped", 10, () -> RunFolder.open(p).status() == dev.mbpo.run.RunStatus.STOPPED);
            assertTrue(RunFolder.open(p).readEvents().warnings().isEmpty());
        }
        assertFalse(robot.lookup("#start").queryButton().isDisabled(), "Start is free again");
    }
}
