package dev.mbpo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The window's options, in one place: {@code mbpo gui} declares them (so {@code --help} lists
 * them and bad values end in one line), and the window reads them back with {@link #parse}.
 */
public final class GuiOptions {
    /** The tabs {@code --tab} can open. */
    public enum Tab { dashboard, teaching, compare }

    /** The colour themes {@code --theme} can choose. */
    public enum ThemeName { light, dark }

    @Option(names = "--preset", paramLabel = "FILE", description = "preset to load (default: presets/pendulum-mbpo.json)")
    Path preset;
    @Option(names = "--autostart", description = "start a run at once (with --tab compare: the SAC vs MBPO pair)")
    boolean autostart;
    @Option(names = "--open", paramLabel = "RUN_DIR", description = "replay a saved run")
    Path open;
    @Option(names = "--compare", paramLabel = "RUN_DIR", split = ",",
            description = "open up to four saved runs in the Compare tab, comma-separated: their curves and the comparison table")
    List<Path> compare = new ArrayList<>();
    @Option(names = "--baseline", paramLabel = "RUN_DIR", description = "overlay a saved run's evaluation curve")
    Path baseline;
    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "runs folder (default: ${DEFAULT-VALUE})")
    Path runs;
    @Option(names = "--screenshot", paramLabel = "FILE", description = "save a PNG of the window after --screenshot-after seconds")
    Path screenshot;
    @Option(names = "--screenshot-after", paramLabel = "S", defaultValue = "5", description = "seconds before the screenshot (default: ${DEFAULT-VALUE})")
    double screenshotAfter;
    @Option(names = "--exit-after", paramLabel = "S", defaultValue = "0", description = "close after S seconds and print how smooth the window was (0: stay open)")
    double exitAfter;
    @Option(names = "--stats-log", paramLabel = "FILE", description = "write memory, frame gaps and events per second to a CSV file")
    Path statsLog;
    @Option(names = "--stats-every", paramLabel = "S", defaultValue = "60", description = "seconds between stats lines (default: ${DEFAULT-VALUE})")
    double statsEvery;
    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light", description = "light or dark (default: ${DEFAULT-VALUE})")
    ThemeName theme;
    @Option(names = "--large-font", description = "presenter mode: every font about 40%% larger")
    boolean largeFont;
    @Option(names = "--size", paramLabel = "WxH", description = "window size in pixels, e.g. 1366x768 (default: 1500x920, or the screen where that is smaller)")
    String size;
    @Option(names = "--tab", paramLabel = "TAB", defaultValue = "dashboard", description = "dashboard, teaching or compare (default: ${DEFAULT-VALUE})")
    Tab tab;

    /**
     * Reads the window's arguments.
     *
     * @throws IllegalArgumentException in one line, naming the option and what it takes
     */
    public static GuiOptions parse(List<String> args) {
        GuiOptions o = new GuiOptions();
        try {
            new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(false).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        o.check();
        return o;
    }

    void check() {
        if (!(screenshotAfter >= 0 && exitAfter >= 0) || !Double.isFinite(screenshotAfter) || !Double.isFinite(exitAfter)) {
            throw new IllegalArgumentException("--screenshot-after and --exit-after take seconds >= 0");
        }
        if (compare.size() > 4) {
            throw new IllegalArgumentException("--compare names " + compare.size() + " runs; allowed: 1 to 4");
        }
        if (size != null && !size.matches("\\d{3,5}x\\d{3,5}")) {
            throw new IllegalArgumentException("--size is '" + size + "'; allowed: WIDTHxHEIGHT in pixels, e.g. 1366x768");
        }
        if (!(statsEvery > 0) || !Double.isFinite(statsEvery)) {
            throw new IllegalArgumentException("--stats-every is " + statsEvery + "; allowed: seconds > 0");
        }
    }

    /** The same options as command-line arguments (what the window's process receives). */
    List<String> toArgs() {
        List<String> a = new ArrayList<>();
        if (preset != null) {
            a.addAll(List.of("--preset", preset.toString()));
        }
        if (autostart) {
            a.add("--autostart");
        }
        if (open != null) {
            a.addAll(List.of("--open", open.toString()));
        }
        if (baseline != null) {
            a.addAll(List.of("--baseline", baseline.toString()));
        }
        if (!compare.isEmpty()) {
            a.addAll(List.of("--compare", String.join(",", compare.stream().map(Path::toString).toList())));
        }
        a.addAll(List.of("--runs", runs.toString()));
        if (screenshot != null) {
            a.addAll(List.of("--screenshot", screenshot.toString()));
        }
        a.addAll(List.of("--screenshot-after", Double.toString(screenshotAfter), "--exit-after", Double.toString(exitAfter)));
        if (statsLog != null) {
            a.addAll(List.of("--stats-log", statsLog.toString()));
        }
        a.addAll(List.of("--stats-every", Double.toString(statsEvery), "--theme", theme.name(), "--tab", tab.name()));
        if (largeFont) {
            a.add("--large-font");
        }
        if (size != null) {
            a.addAll(List.of("--size", size));
        }
        return a;
    }

    /** {width, height} asked with --size, or null for the default. */
    public double[] size() {
        if (size == null) {
            return null;
        }
        String[] wh = size.split("x");
        return new double[] {Double.parseDouble(wh[0]), Double.parseDouble(wh[1])};
    }

    public Path preset() {
        return preset;
    }

    public boolean autostart() {
        return autostart;
    }

    public Path open() {
        return open;
    }

    /** Saved runs to compare at start (empty: none). */
    public List<Path> compare() {
        return List.copyOf(compare);
    }

    public Path baseline() {
        return baseline;
    }

    public Path runs() {
        return runs;
    }

    public Path screenshot() {
        return screenshot;
    }

    public double screenshotAfter() {
        return screenshotAfter;
    }

    public double exitAfter() {
        return exitAfter;
    }

    public Path statsLog() {
        return statsLog;
    }

    public double statsEvery() {
        return statsEvery;
    }

    public ThemeName theme() {
        return theme;
    }

    public boolean largeFont() {
        return largeFont;
    }

    public Tab tab() {
        return tab;
    }
}
