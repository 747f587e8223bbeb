package dev.mbpo.ui;

import dev.mbpo.Version;
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
 * The workbench window. Arguments (for scripted demos and README screenshots):
 * {@code --preset FILE}, {@code --autostart}, {@code --open RUN_DIR}, {@code --baseline RUN_DIR},
 * {@code --runs DIR}, {@code --screenshot FILE --screenshot-after S}, {@code --exit-after S},
 * {@code --stats-log FILE --stats-every S} (memory, frame gaps and event rate, for soak runs),
 * {@code --theme light|dark}, {@code --large-font}, {@code --tab dashboard|teaching|compare}.
 * F12 saves a screenshot of the window.
 */
public final class WorkbenchApp extends Application {
    public static final String TITLE = "MBPO Workbench";
    static final String DEFAULT_PRESET = "pendulum-mbpo.json";

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        GuiArgs args = GuiArgs.parse(getParameters().getRaw());
        Path presets = Path.of("presets");
        workbench = new Workbench(presets, args.runs());
        Path preset = args.preset() != null ? args.preset() : presets.resolve(DEFAULT_PRESET);
        if (Files.isRegularFile(preset)) {
            workbench.loadPreset(preset);
        }
        Scene scene = new Scene(workbench.root(), 1500, 920);
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
        if (args.theme().equals("dark")) {
            workbench.setTheme(Theme.DARK);
        }
        if (args.largeFont()) {
            workbench.setLargeFont(true);
        }
        workbench.showTab(args.tab());
        if (args.baseline() != null) {
            workbench.setBaseline(args.baseline());
        }
        if (args.open() != null) {
            workbench.openRun(args.open());
        } else if (args.autostart() && args.tab().equals("compare")) {
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

    /** Parsed window arguments. */
    record GuiArgs(Path preset, boolean autostart, Path open, Path baseline, Path runs, Path screenshot,
                   double screenshotAfter, double exitAfter, Path statsLog, double statsEvery, String theme, boolean largeFont,
                   String tab) {

        static GuiArgs parse(List<String> raw) {
            Path preset = null;
            Path open = null;
            Path baseline = null;
            Path runs = Path.of("runs");
            Path shot = null;
            double shotAfter = 5;
            double exitAfter = 0;
            Path statsLog = null;
            double statsEvery = 60;
            String theme = "light";
            boolean largeFont = false;
            String tab = "dashboard";
            boolean autostart = false;
            for (int i = 0; i < raw.size(); i++) {
                String a = raw.get(i);
                switch (a) {
                    case "--autostart" -> autostart = true;
                    case "--preset" -> preset = Path.of(value(raw, ++i, a));
                    case "--open" -> open = Path.of(value(raw, ++i, a));
                    case "--baseline" -> baseline = Path.of(value(raw, ++i, a));
                    case "--runs" -> runs = Path.of(value(raw, ++i, a));
                    case "--screenshot" -> shot = Path.of(value(raw, ++i, a));
                    case "--screenshot-after" -> shotAfter = number(value(raw, ++i, a), a);
                    case "--exit-after" -> exitAfter = number(value(raw, ++i, a), a);
                    case "--stats-log" -> statsLog = Path.of(value(raw, ++i, a));
                    case "--stats-every" -> statsEvery = number(value(raw, ++i, a), a);
                    case "--theme" -> theme = choice(value(raw, ++i, a), a, List.of("light", "dark"));
                    case "--large-font" -> largeFont = true;
                    case "--tab" -> tab = choice(value(raw, ++i, a), a, List.of("dashboard", "teaching", "compare"));
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'; allowed: --preset FILE, "
                            + "--autostart, --open RUN_DIR, --baseline RUN_DIR, --runs DIR, --screenshot FILE, "
                            + "--screenshot-after S, --exit-after S, --stats-log FILE, --stats-every S, --theme light|dark, --large-font, "
                            + "--tab dashboard|teaching|compare");
                }
            }
            if (statsEvery <= 0) {
                throw new IllegalArgumentException("--stats-every is " + statsEvery + "; allowed: seconds > 0");
            }
            return new GuiArgs(preset, autostart, open, baseline, runs, shot, shotAfter, exitAfter, statsLog, statsEvery, theme,
                    largeFont, tab);
        }

        private static String choice(String v, String option, List<String> allowed) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException(option + " is '" + v + "'; allowed: " + String.join(", ", allowed));
            }
            return v;
        }

        private static String value(List<String> raw, int i, String option) {
            if (i >= raw.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return raw.get(i);
        }

        private static double number(String s, String option) {
            try {
                double v = Double.parseDouble(s);
                if (v < 0 || !Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " is '" + s + "'; allowed: seconds >= 0");
            }
        }
    }
}
