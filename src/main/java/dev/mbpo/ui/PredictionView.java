package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Real versus imagined: for one observation coordinate, the real trajectory (black) and
 * each member's open-loop predicted mean from the same start (colours) with the ensemble's
 * mean +- predicted std as a band; the per-step error of the ensemble mean (red, right
 * axis) shows how model error compounds with the horizon.
 */
final class PredictionView implements RunView {
    private final XYSeriesCollection members = new XYSeriesCollection();
    private final XYSeries real = Charts.series("real");
    private final YIntervalSeries band = new YIntervalSeries("ensemble mean \u00b1 std");
    private final XYSeries error = Charts.series("|error| (right)");
    private final TextTitle info = new TextTitle();
    private final ComboBox<String> dimension = new ComboBox<>();
    private final ComboBox<String> segment = new ComboBox<>();
    private final PlotPanel panel;
    private final BorderPane node = new BorderPane();
    private RunEvent.Predictions latest;
    private boolean dirty;

    PredictionView() {
        XYSeriesCollection realData = new XYSeriesCollection(real);
        NumberAxis x = new NumberAxis("steps ahead (open loop)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("observation");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer realR = new XYLineAndShapeRenderer(true, false);
        realR.setSeriesPaint(0, Color.BLACK);
        realR.setSeriesStroke(0, new BasicStroke(2.6f));
        XYPlot plot = new XYPlot(realData, x, y, realR);
        plot.setDataset(1, members);
        XYLineAndShapeRenderer memberR = new XYLineAndShapeRenderer(true, false);
        memberR.setDefaultStroke(new BasicStroke(1.2f));
        memberR.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(1, memberR);
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        bandData.addSeries(band);
        DeviationRenderer dev = new DeviationRenderer(false, false);
        dev.setSeriesFillPaint(0, new Color(0x1f77b4));
        dev.setSeriesPaint(0, new Color(0x1f77b4));
        dev.setAlpha(0.15f);
        plot.setDataset(2, bandData);
        plot.setRenderer(2, dev);
        XYSeriesCollection err = new XYSeriesCollection(error);
        plot.setDataset(3, err);
        NumberAxis errAxis = new NumberAxis("error");
        plot.setRangeAxis(1, errAxis);
        plot.mapDatasetToRangeAxis(3, 1);
        XYLineAndShapeRenderer errR = new XYLineAndShapeRenderer(true, true);
        errR.setSeriesPaint(0, new Color(0xd62728));
        errR.setSeriesStroke(0, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        errR.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-2, -2, 4, 4));
        plot.setRenderer(3, errR);
        JFreeChart chart = Charts.style(new JFreeChart("Real vs imagined", Charts.TITLE, plot, true));
        Charts.subtitle(chart, info, "waiting for the first model training");
        panel = new PlotPanel("plot-prediction", chart);
        dimension.setId("prediction-dimension");
        segment.setId("prediction-segment");
        dimension.valueProperty().addListener((o, a, b) -> redraw());
        segment.valueProperty().addListener((o, a, b) -> redraw());
        // Two choosers whose items say what they are ("cos theta", "segment 2"), with no labels beside
        // them: one line even in a narrow column at large fonts; it wraps rather than cutting.
        dimension.setPromptText("coordinate");
        dimension.setTooltip(new javafx.scene.control.Tooltip("Observation coordinate drawn: real against each member's open-loop prediction"));
        segment.setPromptText("segment");
        segment.setTooltip(new javafx.scene.control.Tooltip("Which recorded stretch of the evaluation episode the predictions start from"));
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 2, dimension, segment);
        for (javafx.scene.Node n : bar.getChildren()) {
            ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 6));
        node.setTop(bar);
        node.setCenter(panel);
    }

    BorderPane node() {
        return node;
    }

    PlotPanel panel() {
        return panel;
    }

    int realPoints() {
        return real.getItemCount();
    }

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Started s && s.algorithm() == dev.mbpo.config.Algorithm.SAC) {
            info.setText(RunView.NO_MODEL);
        }
        if (e instanceof RunEvent.Predictions p && !p.segments().isEmpty()) {
            latest = p;
            dirty = true;
        }
    }

    @Override
    public void reset() {
        latest = null;
        real.clear();
        members.removeAllSeries();
        band.clear();
        error.clear();
        dimension.getItems().clear();
        segment.getItems().clear();
        info.setText("waiting for the first model training");
    }

    @Override
    public void flush() {
        if (!dirty || panel.paused() || latest == null) {
            return;
        }
        dirty = false;
        String[] labels = latest.observationLabels();
        if (dimension.getItems().size() != labels.length || dimension.getItems().isEmpty()
                || !dimension.getItems().get(0).equals(labels[0])) {
            dimension.getItems().setAll(labels);
            dimension.setValue(labels[0]);
        }
        int n = latest.segments().size();
        if (segment.getItems().size() != n) {
            segment.getItems().clear();
            for (int i = 0; i < n; i++) {
                segment.getItems().add("segment " + (i + 1));
            }
            segment.setValue(segment.getItems().get(0));
        }
        redraw();
    }

    private void redraw() {
        if (latest == null || dimension.getValue() == null) {
            return;
        }
        panel.batch(this::fill);
    }

    private void fill() {
        int d = Math.max(0, dimension.getItems().indexOf(dimension.getValue()));
        int s = Math.max(0, segment.getItems().indexOf(segment.getValue()));
        RunEvent.Segment seg = latest.segments().get(Math.min(s, latest.segments().size() - 1));
        real.clear();
        band.clear();
        error.clear();
        members.removeAllSeries();
        int steps = seg.real().length;
        int m = seg.means().length;
        for (int t = 0; t < steps; t++) {
            real.add(t, seg.real()[t][d], false);
            double mean = 0;
            double std = 0;
            for (int k = 0; k < m; k++) {
                mean += seg.means()[k][t][d];
                std += seg.stds()[k][t][d];
            }
            mean /= m;
            std /= m;
            band.add(t, mean, mean - std, mean + std);
            error.add(t, seg.error()[t], false);
        }
        XYLineAndShapeRenderer memberR = (XYLineAndShapeRenderer) ((XYPlot) panel.chart().getPlot()).getRenderer(1);
        for (int k = 0; k < m; k++) {
            XYSeries ms = new XYSeries(k == 0 ? "each member's mean" : "member " + k, false, true);
            for (int t = 0; t < steps; t++) {
                ms.add(t, seg.means()[k][t][d], false);
            }
            members.addSeries(ms);
            // One legend entry stands for all members: seven would take the plot's room.
            memberR.setSeriesVisibleInLegend(k, k == 0);
        }
        real.fireSeriesChanged();
        error.fireSeriesChanged();
        double last = seg.error()[steps - 1];
        info.setText(String.format("step %d: %d members from episode state %d%nerror after %d steps %.3g, disagreement %.3g",
                latest.step(), m, seg.start(), steps - 1, last, seg.disagreement()[steps - 1]));
    }
}
