package dev.mbpo.ui;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;

/**
 * A chart in the workbench: a JFreeChart viewer whose context menu adds "Save as PNG",
 * "Save data as CSV" and "Pause updates" (the data keeps coming; the picture holds still).
 */
final class PlotPanel extends StackPane {
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private boolean paused;

    PlotPanel(String id, JFreeChart chart) {
        this.chart = chart;
        this.viewer = new ChartViewer(chart);
        setId(id);
        getStyleClass().add("plot-panel");
        getChildren().add(viewer);
        setMinSize(200, 150);
        MenuItem png = new MenuItem("Save as PNG...");
        png.setOnAction(e -> choose("PNG image", "*.png").ifPresent(this::savePng));
        MenuItem csv = new MenuItem("Save data as CSV...");
        csv.setOnAction(e -> choose("CSV table", "*.csv").ifPresent(this::saveCsv));
        CheckMenuItem pause = new CheckMenuItem("Pause updates");
        pause.selectedProperty().addListener((o, a, b) -> setPaused(b));
        viewer.getContextMenu().getItems().addAll(new SeparatorMenuItem(), png, csv, pause);
        readout.getStyleClass().add("plot-readout");
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        StackPane.setAlignment(readout, javafx.geometry.Pos.TOP_RIGHT);
        getChildren().add(readout);
        viewer.getCanvas().setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        viewer.getCanvas().setOnMouseExited(e -> readout.setVisible(false));
    }

    private final javafx.scene.control.Label readout = new javafx.scene.control.Label();

    /** Hover read-out: the data point nearest the pointer (within 14 px), with its series name. */
    private void hover(double mx, double my) {
        String text = nearestPoint(mx, my);
        readout.setText(text == null ? "" : text);
        readout.setVisible(text != null);
    }

    /** The data area of the last drawing, in pixels (null before the first). */
    java.awt.geom.Rectangle2D dataArea() {
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    String nearestPoint(double mx, double my) {
        if (!(chart.getPlot() instanceof XYPlot plot) || viewer.getCanvas().getRenderingInfo() == null) {
            return null;
        }
        java.awt.geom.Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        if (area == null || !area.contains(mx, my)) {
            return null;
        }
        double best = 14 * 14;
        String found = null;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            if (ds == null) {
                continue;
            }
            org.jfree.chart.axis.ValueAxis xa = plot.getDomainAxisForDataset(d);
            org.jfree.chart.axis.ValueAxis ya = plot.getRangeAxisForDataset(d);
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                for (int i = 0; i < ds.getItemCount(s); i++) {
                    double x = ds.getXValue(s, i);
                    double y = ds.getYValue(s, i);
                    double sx = xa.valueToJava2D(x, area, plot.getDomainAxisEdge());
                    double sy = ya.valueToJava2D(y, area, plot.getRangeAxisEdge());
                    double dist = (sx - mx) * (sx - mx) + (sy - my) * (sy - my);
                    if (dist < best) {
                        best = dist;
                        found = String.format("%s: x %s, y %.4g", ds.getSeriesKey(s), trim(x), y);
                    }
                }
            }
        }
        return found;
    }

    private static String trim(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e12 ? String.format("%,d", (long) x) : String.format("%.4g", x);
    }

    private java.util.Optional<File> choose(String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        fc.setInitialFileName(getId() + pattern.substring(1));
        return java.util.Optional.ofNullable(fc.showSaveDialog(getScene() == null ? null : getScene().getWindow()));
    }

    JFreeChart chart() {
        return chart;
    }

    boolean paused() {
        return paused;
    }

    void setPaused(boolean p) {
        paused = p;
        chart.setNotify(!p);
    }

    /** Runs several dataset changes with one redraw at the end (JFreeChart redraws on every change otherwise). */
    void batch(Runnable changes) {
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            chart.setNotify(!paused);
        }
    }

    /** Saves the chart as a PNG of the panel's size (at least 640 x 400). */
    void savePng(File file) {
        try {
            ChartUtils.saveChartAsPNG(file, chart, Math.max(640, (int) getWidth()), Math.max(400, (int) getHeight()));
        } catch (IOException e) {
            Dialogs.error("Could not save " + file, e.getMessage());
        }
    }

    /** Saves every series of every dataset as rows: series,x,y. */
    void saveCsv(File file) {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(file.toURI()), StandardCharsets.UTF_8))) {
            w.println("series,x,y");
            if (chart.getPlot() instanceof XYPlot plot) {
                for (int d = 0; d < plot.getDatasetCount(); d++) {
                    XYDataset ds = plot.getDataset(d);
                    if (ds == null) {
                        continue;
                    }
                    for (int s = 0; s < ds.getSeriesCount(); s++) {
                        String name = String.valueOf(ds.getSeriesKey(s)).replace(',', ';');
                        for (int i = 0; i < ds.getItemCount(s); i++) {
                            w.println(name + "," + ds.getXValue(s, i) + "," + ds.getYValue(s, i));
                        }
                    }
                }
            }
        } catch (IOException e) {
            Dialogs.error("Could not save " + file, e.getMessage());
        }
    }
}
