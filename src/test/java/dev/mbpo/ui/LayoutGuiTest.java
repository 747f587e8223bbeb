package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's layout holds at the sizes people use (a 1366x768 laptop, a 1920x1080 projector),
 * at both font sizes and in both themes, with every plot filled by a recorded run: no text of a
 * label, button or status field on screen is cut (each {@link Labeled}'s text against the text
 * its skin draws), and no chart's data area is smaller than 150x100 pixels.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutGuiTest {
    @TempDir
    static Path dir;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = new Workbench(TestPaths.projectDir().resolve("presets"), dir.resolve("runs"));
        workbench.loadPreset(TestPaths.projectDir().resolve("presets/pendulum-mbpo.json"));
        stage.setScene(new Scene(workbench.root(), 1366, 768));
        stage.show();
        workbench.startPump();
    }

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            for (boolean large : new boolean[] {false, true}) {
                for (Theme theme : Theme.values()) {
                    all.add(Arguments.of(size[0], size[1], large, theme));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}x{1}, large fonts {2}, {3}")
    @MethodSource("layouts")
    void nothingIsCutAndEveryPlotHasRoom(int width, int height, boolean large, Theme theme, FxRobot robot) throws Exception {
        Path run = recordedRun();
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            workbench.setTheme(theme);
            workbench.setLargeFont(large);
            workbench.openRun(run);
        });
        FxWaits.waitUntil("the recorded run is replayed", 60, () -> workbench.model().trainings() > 0
                && workbench.prediction().realPoints() > 0 && workbench.envView().episode() != null);
        FxWaits.untilStill("the toolbar", 10, () -> robot.lookup("#toolbar").tryQuery().orElse(null));
        for (String tab : List.of("dashboard", "teaching", "compare")) {
            robot.interact(() -> workbench.showTab(tab));
            WaitForAsyncUtils.waitForFxEvents();
            FxWaits.untilStill("the " + tab + " tab", 10, () -> robot.lookup(".plot-panel").tryQuery().orElse(null));
            // Two pulses: the charts draw on the frame after the layout.
            robot.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = new ArrayList<>();
            robot.interact(() -> collectCut(workbench.root(), cut));
            assertTrue(cut.isEmpty(), tab + " tab at " + width + "x" + height + (large ? " large" : "") + " " + theme
                    + ": cut text " + cut);
            List<String> small = new ArrayList<>();
            robot.interact(() -> {
                for (Node n : workbench.root().lookupAll(".plot-panel")) {
                    if (n instanceof PlotPanel p && showing(p)) {
                        java.awt.geom.Rectangle2D a = p.dataArea();
                        if (a == null || a.getWidth() < 150 || a.getHeight() < 100) {
                            small.add(p.getId() + " " + (a == null ? "not drawn" : (int) a.getWidth() + "x" + (int) a.getHeight()));
                        }
                        javafx.geometry.Bounds b = p.localToScene(p.getBoundsInLocal());
                        double w = p.getScene().getWidth();
                        double h = p.getScene().getHeight();
                        if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > w + 1 || b.getMaxY() > h + 1) {
                            small.add(p.getId() + " reaches outside the window: " + (int) b.getMinX() + ".." + (int) b.getMaxX()
                                    + " x " + (int) b.getMinY() + ".." + (int) b.getMaxY() + " in " + (int) w + "x" + (int) h);
                        }
                    }
                }
            });
            assertTrue(small.isEmpty(), tab + " tab at " + width + "x" + height + (large ? " large" : "") + " " + theme
                    + ": plots under 150x100 or outside the window " + small);
        }
    }

    private static Path recorded;

    /** One short recorded MBPO run (every plot gets data), made once for all layouts. */
    private static synchronized Path recordedRun() throws Exception {
        if (recorded == null) {
            dev.mbpo.config.RunConfig c = dev.mbpo.config.Presets.parse(WorkbenchGuiTest.TINY, "tiny",
                    List.of("run.totalSteps=300"));
            try (dev.mbpo.run.RunRecorder rec = dev.mbpo.run.RunRecorder.create(dir.resolve("saved"), c, java.util.Map.of())) {
                new dev.mbpo.train.TrainingSession(c, rec).checkpointInto(rec.dir()).runBlocking();
                recorded = rec.dir();
            }
            RunFolder.open(recorded); // readable
        }
        return recorded;
    }

    /**
     * Every visible Labeled whose skin draws less than its text (an ellipsis instead of the end):
     * each text a skin draws (LabeledText) against the text of the Labeled it belongs to.
     */
    private static void collectCut(Parent root, List<String> cut) {
        for (Node n : root.getChildrenUnmodifiable()) {
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof Text drawn && n.getClass().getSimpleName().equals("LabeledText")) {
                Labeled l = owner(drawn);
                if (l != null && l.getText() != null && !l.getText().isEmpty() && !"status-message".equals(l.getId())
                        && l.getWidth() > 0 && !flat(drawn.getText()).equals(flat(l.getText()))) {
                    cut.add("'" + l.getText() + "' shown as '" + drawn.getText() + "'" + (l.getId() == null ? "" : " (#" + l.getId() + ")"));
                }
            }
            if (n instanceof Parent p) {
                collectCut(p, cut);
            }
        }
    }

    private static Labeled owner(Node text) {
        for (Node x = text.getParent(); x != null; x = x.getParent()) {
            if (x instanceof Labeled l) {
                return l;
            }
        }
        return null;
    }

    private static String flat(String s) {
        return s.replace("\n", " ").strip();
    }

    private static boolean showing(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
