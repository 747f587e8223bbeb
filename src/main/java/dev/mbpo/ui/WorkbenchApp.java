package dev.mbpo.ui;

import dev.mbpo.Version;
import dev.mbpo.cli.GuiOptions;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * The workbench window. Its arguments (for scripted demos and screenshots) are
 * {@link GuiOptions}' ({@code mbpo gui --help} lists them). F12 saves a screenshot of the window.
 */
public final class WorkbenchApp extends Application {
    public static final String TITLE = "MBPO Workbench";
    static final String DEFAULT_PRESET = "pendulum-mbpo.json";

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        GuiOptions args = GuiOptions.parse(getParameters().getRaw());
        Path presets = Path.of("presets");
        workbench = new Workbench(presets, args.runs());
        Path preset = args.preset() != null ? args.preset() : presets.resolve(DEFAULT_PRESET);
        if (Files.isRegularFile(preset)) {
            workbench.loadPreset(preset);
        }
        double[] size = windowSize(args.size());
        Scene scene = new Scene(workbench.root(), size[0], size[1]);
        workbench.installShortcuts(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F12), () -> screenshot(scene,
                Path.of("mbpo-screenshot-" + System.currentTimeMillis() + ".png")));
        stage.setTitle(TITLE + " " + Version.get());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> workbench.stopPump());
        stage.show();
        if (args.statsLog() != null) {
            try {
                workbench.logStats(args.statsLog(), args.statsEvery());
            } catch (java.io.IOException e) {
                System.err.println("cannot write the stats log " + args.statsLog() + ": " + e.getMessage());
            }
        }
        workbench.startPump();
        workbench.startEngineInBackground();
        if (args.theme() == GuiOptions.ThemeName.dark) {
            workbench.setTheme(Theme.DARK);
        }
        if (args.largeFont()) {
            workbench.setLargeFont(true);
        }
        workbench.showTab(args.tab().name());
        if (args.baseline() != null) {
            workbench.setBaseline(args.baseline());
        }
        if (!args.compare().isEmpty()) {
            workbench.showTab("compare");
            workbench.compare().openRuns(args.compare());
        } else if (args.open() != null) {
            workbench.openRun(args.open());
        } else if (args.autostart() && args.tab() == GuiOptions.Tab.compare) {
            workbench.startComparison();
        } else if (args.autostart()) {
            workbench.startRun();
        }
        if (args.screenshot() != null) {
            after(args.screenshotAfter(), () -> {
                printFrameStats();
                screenshot(scene, args.screenshot());
            });
        }
        if (args.exitAfter() > 0) {
            after(args.exitAfter(), () -> {
                printFrameStats();
                workbench.stopPump();
                Platform.exit();
            });
        }
    }

    /** --size, else 1500x920 where the screen has room for it, else the screen's usable area. */
    static double[] windowSize(double[] asked) {
        if (asked != null) {
            return asked;
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return new double[] {Math.min(1500, screen.getWidth()), Math.min(920, screen.getHeight())};
    }

    /** How smooth the window was: frames drawn since the run started and the longest gap between two. */
    private void printFrameStats() {
        FrameStats f = workbench.frames();
        System.err.printf("frames: %d since the run started, longest gap %.1f ms (%.1f ms after the first 15 s), %d gaps over 100 ms%n",
                f.frames(), f.longestGapMillis(), f.longestGapAfterWarmUpMillis(), f.gapsOver100Millis());
    }

    private static void after(double seconds, Runnable r) {
        PauseTransition t = new PauseTransition(Duration.seconds(seconds));
        t.setOnFinished(e -> r.run());
        t.play();
    }

    /** Writes the window's current picture to a PNG file. */
    static void screenshot(Scene scene, Path file) {
        WritableImage img = scene.snapshot(null);
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(b, "png", new File(file.toString()));
            System.err.println("screenshot: " + file.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("screenshot failed: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.stopPump();
        }
    }
}
