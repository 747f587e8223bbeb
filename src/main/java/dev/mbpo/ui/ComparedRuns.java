package dev.mbpo.ui;

import dev.mbpo.config.Algorithm;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.ComparisonRow;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * The runs the Compare tab shows (a live pair, a saved pair, or up to four saved runs), with
 * their events so far, and the comparison table computed from them at the threshold typed
 * beside it. FX thread only.
 */
final class ComparedRuns {
    private final ComparisonTable table = new ComparisonTable();
    private final TextField threshold = new TextField("-200");
    private final List<Shown> shown = new ArrayList<>();
    private long refreshedAt;
    private boolean stale;

    private record Shown(String id, RunConfig config, List<RunEvent> events) {
    }

    ComparedRuns() {
        threshold.setId("compare-threshold");
        threshold.setPrefColumnCount(6);
        threshold.setTooltip(new Tooltip("The evaluation return R whose real steps and wall time the table measures"));
        threshold.textProperty().addListener((o, a, b) -> refresh());
    }

    TextField threshold() {
        return threshold;
    }

    /** The threshold typed beside the buttons, or -200 while it is not a number. */
    double thresholdValue() {
        try {
            return Double.parseDouble(threshold.getText().trim());
        } catch (NumberFormatException e) {
            return -200;
        }
    }

    TableView<ComparisonRow> table() {
        return table.node();
    }

    int rows() {
        return table.rows();
    }

    void clear() {
        shown.clear();
        table.show(List.of(), -200);
    }

    /** Adds a run in series order; {@code events} may grow ({@link #record}). */
    void add(String id, RunConfig config, List<RunEvent> events) {
        shown.add(new Shown(id, config, events));
    }

    /** One more event of the run in series position {@code slot} (a live run). */
    void record(int slot, RunEvent e) {
        if (slot < shown.size()) {
            shown.get(slot).events().add(e);
            stale = true;
        }
    }

    /** The live table follows its runs, at most once a second. */
    void refreshAtMostEverySecond() {
        long now = System.nanoTime();
        if (stale && now - refreshedAt > 1_000_000_000L) {
            refreshedAt = now;
            refresh();
        }
    }

    /** Recomputes the table; a threshold that is not a number is marked and the table left as it was. */
    void refresh() {
        double r;
        try {
            r = Double.parseDouble(threshold.getText().trim());
            threshold.getStyleClass().remove("invalid");
        } catch (NumberFormatException e) {
            if (!threshold.getStyleClass().contains("invalid")) {
                threshold.getStyleClass().add("invalid");
            }
            return;
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (Shown s : shown) {
            rows.add(ComparisonRow.of(s.id(), s.config(), s.events(), r));
        }
        table.show(rows, r);
        stale = false;
    }

    /** Reads up to four run folders of one task into {@code folders} and {@code events} (off the FX thread). */
    static void read(List<Path> dirs, List<RunFolder> folders, List<List<RunEvent>> events) throws IOException {
        for (Path d : dirs.subList(0, Math.min(4, dirs.size()))) {
            RunFolder f = RunFolder.open(d);
            folders.add(f);
            events.add(f.readEvents().events());
        }
        String env = folders.get(0).config().env();
        for (RunFolder f : folders) {
            if (!f.config().env().equals(env)) {
                throw new IOException(f.id() + " is on " + f.config().env() + ", " + folders.get(0).id() + " on " + env
                        + ": returns of different tasks do not compare");
            }
        }
    }

    /** Reads run folders of one task off the FX thread, then hands them to {@code then} on it (an error dialog if they cannot be read). */
    static void readInBackground(List<Path> dirs, java.util.function.BiConsumer<List<RunFolder>, List<List<RunEvent>>> then) {
        Thread t = new Thread(() -> {
            try {
                List<RunFolder> folders = new ArrayList<>();
                List<List<RunEvent>> events = new ArrayList<>();
                read(dirs, folders, events);
                javafx.application.Platform.runLater(() -> then.accept(folders, events));
            } catch (IOException e) {
                javafx.application.Platform.runLater(() -> Dialogs.error("Could not open the runs", e.getMessage()));
            }
        }, "mbpo-open-runs");
        t.setDaemon(true);
        t.start();
    }

    /** Asks for run folders one by one until {@code max} or a cancel. */
    static List<Path> chooseUpTo(int max, java.util.function.Function<String, Path> choose) {
        List<Path> chosen = new ArrayList<>();
        while (chosen.size() < max) {
            Path p = choose.apply("Run " + (chosen.size() + 1) + " of up to " + max + " (cancel when done)");
            if (p == null) {
                break;
            }
            chosen.add(p);
        }
        return chosen;
    }

    /** The algorithm's colour, the same in every comparison. */
    static Color colorOf(Algorithm a) {
        return switch (a) {
            case MBPO -> new Color(0x2a9d8f);
            case SAC -> new Color(0xe76f51);
            case MPC -> new Color(0x6a4c93);
            case OFFLINE -> new Color(0xe9a23b);
        };
    }
}
