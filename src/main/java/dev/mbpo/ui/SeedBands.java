package dev.mbpo.ui;

import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunSummary;
import dev.mbpo.run.RunsFolder;
import dev.mbpo.sweep.GroupedRuns;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The Compare plot's second layer: runs of one task grouped by a setting (a sweep's runs, or any
 * seeded runs), each group's mean evaluation curve with its 95% bootstrap band across seeds
 * ({@link GroupedRuns}). FX thread for drawing; {@link #read} runs off it.
 */
final class SeedBands {
    private static final Color[] COLOURS = {new Color(0x2a9d8f), new Color(0xe76f51), new Color(0x6a4c93), new Color(0xe9a23b),
        new Color(0x264653), new Color(0xd62828)};
    private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    private final DeviationRenderer renderer = new DeviationRenderer(true, true);

    SeedBands(XYPlot plot) {
        renderer.setAlpha(0.18f);
        for (int i = 0; i < COLOURS.length; i++) {
            renderer.setSeriesPaint(i, COLOURS[i]);
            renderer.setSeriesFillPaint(i, COLOURS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        }
        plot.setDataset(1, bands);
        plot.setRenderer(1, renderer);
    }

    /** The Compare tab's button: asks for the setting, then groups the runs of the sheet's task by it. */
    static javafx.scene.control.Button button(java.util.function.Supplier<String> env, java.util.function.BiConsumer<String, String> group) {
        javafx.scene.control.Button b = new javafx.scene.control.Button("Seeds by setting...");
        b.setId("compare-group");
        b.setTooltip(new javafx.scene.control.Tooltip("Every run of this task in the runs folder, grouped by a setting (e.g. a "
                + "sweep's): each group's mean curve with its 95% bootstrap band across seeds"));
        b.setOnAction(e -> {
            javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog("rollout.horizon");
            d.setHeaderText("Group the runs of " + env.get() + " by which setting? (mbpo keys lists them)");
            d.showAndWait().ifPresent(key -> group.accept(env.get(), key.trim()));
        });
        return b;
    }

    /** Reads every run of {@code env} in the runs folder and groups it by {@code key} (off the FX thread). */
    static List<GroupedRuns.Group> read(Path runsDir, String env, String key, double threshold) throws IOException {
        List<GroupedRuns.Member> members = new ArrayList<>();
        for (Path d : new RunsFolder(runsDir).list()) {
            try {
                RunFolder f = RunFolder.open(d);
                if (f.config().env().equals(env)) {
                    members.add(new GroupedRuns.Member(f.id(), f.config(), RunSummary.of(f.readEvents().events())));
                }
            } catch (IOException e) {
                // not a readable run (an unfinished folder): left out, as the runs listing does
            }
        }
        if (members.isEmpty()) {
            throw new IOException("no runs of " + env + " in " + runsDir);
        }
        return GroupedRuns.group(members, key, threshold, 1);
    }

    /** Draws the groups' mean curves and bands; returns one line per group for the caption. */
    String show(String key, List<GroupedRuns.Group> groups) {
        bands.removeAllSeries();
        StringBuilder caption = new StringBuilder();
        for (GroupedRuns.Group g : groups) {
            YIntervalSeries s = new YIntervalSeries(key + " = " + g.value() + " (" + g.runs().size() + " runs)");
            for (double[] p : g.curve()) {
                s.add(p[0], p[1], p[2], p[3]);
            }
            bands.addSeries(s);
            caption.append(String.format(Locale.ROOT, "%s%s = %s: final IQM %.1f [%.1f, %.1f], %d runs", caption.length() == 0 ? "" : "; ",
                    key, g.value(), g.finalIqm(), g.finalIqmCi()[0], g.finalIqmCi()[1], g.runs().size()));
        }
        return caption.toString();
    }

    void clear() {
        bands.removeAllSeries();
    }

    int groups() {
        return bands.getSeriesCount();
    }
}
