package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Ensemble disagreement: per rollout step of the latest rollouts (mean with the 10-90%
 * band over branches, and the median), and over training (first-step mean) with the
 * rollout length k on a second axis.
 */
final class DisagreementView implements RunView {
    private final YIntervalSeries perStep = new YIntervalSeries("mean, 10-90% band");
    private final XYSeries median = Charts.series("median");
    private final XYSeries cutFraction = Charts.series("cut fraction (right)");
    private final org.jfree.chart.plot.ValueMarker threshold = new org.jfree.chart.plot.ValueMarker(0);
    private final XYSeries overTime = Charts.series("disagreement (step 1)");
    private final XYSeries horizon = Charts.series("rollout length k");
    /** Offline runs: the penalty lambda u taken from the mean imagined reward, beside the disagreement it tracks. */
    private final XYSeries penalty = Charts.series("penalty lambda u (offline)");
    private org.jfree.chart.renderer.xy.XYLineAndShapeRenderer timeRenderer;
    private final TextTitle info = new TextTitle();
    private final PlotPanel stepPanel;
    private final PlotPanel timePanel;
    private final TabPane tabs = new TabPane();
    private RunEvent.Rollout latest;
    private boolean dirty;

    DisagreementView() {
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        band.addSeries(perStep);
        NumberAxis x = new NumberAxis("rollout step");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("disagreement (std)");
        y.setAutoRangeIncludesZero(true);
        DeviationRenderer dev = new DeviationRenderer(true, true);
        dev.setSeriesPaint(0, Charts.PALETTE[0]);
        dev.setSeriesFillPaint(0, new Color(0x1f77b4));
        dev.setAlpha(0.2f);
        dev.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(band, x, y, dev);
        XYSeriesCollection med = new XYSeriesCollection(median);
        plot.setDataset(1, med);
        plot.setRenderer(1, Charts.markers(Charts.PALETTE[3]));
        // Disagreement-aware rollouts: the fraction of branches cut at each step, and the threshold.
        plot.setDataset(2, new XYSeriesCollection(cutFraction));
        NumberAxis cutAxis = new NumberAxis("fraction cut");
        cutAxis.setRange(0, 1);
        plot.setRangeAxis(1, cutAxis);
        plot.mapDatasetToRangeAxis(2, 1);
        org.jfree.chart.renderer.xy.XYBarRenderer bars = new org.jfree.chart.renderer.xy.XYBarRenderer(0.6);
        bars.setSeriesPaint(0, new Color(0xe63946, false));
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        plot.setRenderer(2, bars);
        threshold.setPaint(new Color(0xe63946));
        threshold.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        threshold.setLabel("cut threshold");
        threshold.setLabelFont(Charts.LABEL);
        JFreeChart chart = Charts.style(new JFreeChart("Disagreement per rollout step", Charts.TITLE, plot, true));
        Charts.subtitle(chart, info, "waiting for the first rollouts");
        stepPanel = new PlotPanel("plot-disagreement", chart);

        XYSeriesCollection dis = new XYSeriesCollection(overTime);
        dis.addSeries(penalty);
        JFreeChart time = Charts.lineChart("Disagreement and k over training", "real steps", "disagreement", dis);
        XYPlot tp = (XYPlot) time.getPlot();
        timeRenderer = Charts.markers(Charts.PALETTE[0], new Color(0xe9a23b));
        timeRenderer.setSeriesVisibleInLegend(1, false); // shown once an offline run reports its penalty
        tp.setRenderer(timeRenderer);
        XYSeriesCollection k = new XYSeriesCollection(horizon);
        tp.setDataset(1, k);
        NumberAxis kAxis = new NumberAxis("k");
        kAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        tp.setRangeAxis(1, kAxis);
        tp.mapDatasetToRangeAxis(1, 1);
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, Charts.PALETTE[1]);
        step.setSeriesStroke(0, new BasicStroke(2f));
        tp.setRenderer(1, step);
        Charts.style(time);
        timePanel = new PlotPanel("plot-disagreement-time", time);
        tabs.getTabs().addAll(new Tab("per rollout step", stepPanel), new Tab("over training", timePanel));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("disagreement-tabs");
    }

    TabPane node() {
        return tabs;
    }

    PlotPanel stepPanel() {
        return stepPanel;
    }

    int rollouts() {
        return overTime.getItemCount();
    }

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Rollout r) {
            latest = r;
            if (r.disagreementMean().length > 0) {
                overTime.add(r.step(), r.disagreementMean()[0], false);
            }
            horizon.add(r.step(), r.horizon(), false);
            dirty = true;
        } else if (e instanceof RunEvent.Metrics m && m.values().containsKey("offline/penalty")) {
            double v = m.values().get("offline/penalty");
            if (Double.isFinite(v)) {
                penalty.add(m.step(), v, false);
                timeRenderer.setSeriesVisibleInLegend(1, true);
                dirty = true;
            }
        }
    }

    int penaltyPoints() {
        return penalty.getItemCount();
    }

    @Override
    public void reset() {
        latest = null;
        perStep.clear();
        median.clear();
        cutFraction.clear();
        ((XYPlot) stepPanel.chart().getPlot()).removeRangeMarker(threshold);
        overTime.clear();
        horizon.clear();
        penalty.clear();
        timeRenderer.setSeriesVisibleInLegend(1, false);
        info.setText("waiting for the first rollouts");
    }

    @Override
    public void flush() {
        if (!dirty || stepPanel.paused()) {
            return;
        }
        dirty = false;
        timePanel.batch(() -> {
            overTime.fireSeriesChanged();
            penalty.fireSeriesChanged();
            horizon.fireSeriesChanged();
        });
        if (latest != null) {
            stepPanel.batch(this::fillPerStep);
        }
    }

    private void fillPerStep() {
        perStep.clear();
        median.clear();
        for (int t = 0; t < latest.disagreementMean().length; t++) {
            perStep.add(t + 1, latest.disagreementMean()[t], latest.disagreementP10()[t], latest.disagreementP90()[t]);
            median.add(t + 1, latest.disagreementP50()[t], false);
        }
        median.fireSeriesChanged();
        cutFraction.clear();
        XYPlot plot = (XYPlot) stepPanel.chart().getPlot();
        plot.removeRangeMarker(threshold);
        int[] cut = latest.cut();
        if (cut != null && !Double.isNaN(latest.cutThreshold())) {
            for (int t = 0; t < cut.length; t++) {
                cutFraction.add(t + 1, latest.alive()[t] == 0 ? 0 : cut[t] / (double) latest.alive()[t], false);
            }
            cutFraction.fireSeriesChanged();
            threshold.setValue(latest.cutThreshold());
            plot.addRangeMarker(threshold);
        }
        info.setText(String.format("step %d: k = %d, %,d branches, %,d imagined in %.2f s%nmodel buffer %,d / %,d%s",
                latest.step(), latest.horizon(), latest.branches(), latest.imagined(), latest.seconds(),
                latest.bufferSize(), latest.bufferCapacity(),
                latest.horizon() == 1 ? "; k = 1: one step, so one point" : ""));
    }
}
