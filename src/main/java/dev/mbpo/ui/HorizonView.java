package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Horizon explorer: from the current model, the open-loop error against the real environment
 * as a function of the rollout step k (mean, with the 10th-90th percentile band over many start
 * states) and the ensemble disagreement beside it; the subtitle gives their correlation, which
 * is why disagreement can stand in for error. The slider sets k for the branches drawn in the
 * phase portrait, so that one can watch imagined branches drift as k grows.
 */
final class HorizonView implements RunView {
    private final YIntervalSeries error = new YIntervalSeries("|error| of ensemble mean (10-90% band)");
    private final XYSeries disagreement = Charts.series("disagreement (std across members)");
    private final TextTitle info = new TextTitle();
    private final ValueMarker marker = new ValueMarker(1);
    private final PlotPanel panel;
    private final BorderPane node = new BorderPane();
    private final Slider slider = new Slider(1, 25, 5);
    private final Label kLabel = new Label();
    private final IntegerProperty k = new SimpleIntegerProperty(5);
    private RunEvent.Horizon latest;
    private boolean dirty;

    HorizonView() {
        YIntervalSeriesCollection errData = new YIntervalSeriesCollection();
        errData.addSeries(error);
        NumberAxis x = new NumberAxis("rollout step k (open loop)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("observation units");
        DeviationRenderer dev = new DeviationRenderer(true, true);
        dev.setSeriesPaint(0, new Color(0xd62728));
        dev.setSeriesFillPaint(0, new Color(0xd62728));
        dev.setSeriesStroke(0, new BasicStroke(2f));
        dev.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        dev.setAlpha(0.18f);
        XYPlot plot = new XYPlot(errData, x, y, dev);
        plot.setDataset(1, new XYSeriesCollection(disagreement));
        XYLineAndShapeRenderer disR = new XYLineAndShapeRenderer(true, true);
        disR.setSeriesPaint(0, new Color(0x1f77b4));
        disR.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
        disR.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-2.5, -2.5, 5, 5));
        plot.setRenderer(1, disR);
        marker.setPaint(new Color(0x2a9d8f));
        marker.setStroke(new BasicStroke(1.5f));
        plot.addDomainMarker(marker);
        JFreeChart chart = Charts.style(new JFreeChart("Horizon explorer: how far can we trust the model?", Charts.TITLE, plot, true));
        Charts.subtitle(chart, info, "waiting for the first model training");
        panel = new PlotPanel("plot-horizon", chart);
        slider.setId("horizon-k");
        slider.setMajorTickUnit(5);
        slider.setMinorTickCount(4);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.valueProperty().addListener((o, a, b) -> {
            k.set((int) Math.round(b.doubleValue()));
            marker.setValue(k.get());
            updateLabel();
        });
        kLabel.setId("horizon-k-label");
        kLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the slider gives way, never the figures
        Label name = new Label("branch length k");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        slider.setMinWidth(80);
        HBox bar = new HBox(8, name, slider, kLabel);
        HBox.setHgrow(slider, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 6));
        node.setTop(bar);
        node.setCenter(panel);
        marker.setValue(k.get());
        updateLabel();
    }

    BorderPane node() {
        return node;
    }

    PlotPanel panel() {
        return panel;
    }

    /** The branch length the slider sets (read by the phase portrait). */
    IntegerProperty branchSteps() {
        return k;
    }

    RunEvent.Horizon latest() {
        return latest;
    }

    String infoText() {
        return info.getText();
    }

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Started s && s.algorithm() == dev.mbpo.config.Algorithm.SAC) {
            info.setText(RunView.NO_MODEL);
        }
        if (e instanceof RunEvent.Horizon h) {
            latest = h;
            dirty = true;
        }
    }

    @Override
    public void reset() {
        latest = null;
        error.clear();
        disagreement.clear();
        info.setText("waiting for the first model training");
        updateLabel();
    }

    @Override
    public void flush() {
        if (!dirty || panel.paused() || latest == null) {
            return;
        }
        dirty = false;
        RunEvent.Horizon h = latest;
        panel.batch(() -> {
            error.clear();
            disagreement.clear();
            for (int i = 0; i < h.errorMean().length; i++) {
                error.add(i, h.errorMean()[i], h.errorP10()[i], h.errorP90()[i]);
                disagreement.add(i, h.disagreementMean()[i], false);
            }
        });
        int max = h.errorMean().length - 1;
        if (slider.getMax() != max && max >= 1) {
            slider.setMax(max);
        }
        info.setText(String.format("step %d: disagreement vs error, r = %.2f (Spearman %.2f) over %d start states x %d steps",
                h.step(), h.correlation(), h.rankCorrelation(), h.starts(), max));
        updateLabel();
    }

    private void updateLabel() {
        int kk = k.get();
        if (latest == null || kk >= latest.errorMean().length) {
            kLabel.setText("k = " + kk);
            return;
        }
        kLabel.setText(String.format("k = %d: error %.2g, disagr. %.2g", kk, latest.errorMean()[kk], latest.disagreementMean()[kk]));
    }
}
