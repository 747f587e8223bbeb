package dev.mbpo.ui;

import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Evaluation return and training episode return against real steps, with the
 * evaluation curve of a saved baseline run overlaid (dashed) for comparison.
 */
final class ReturnsView implements RunView {
    private final XYSeries eval = Charts.series("eval return");
    private final XYSeries train = Charts.series("train episode return");
    private final XYSeries baseline = Charts.series("baseline eval");
    private final PlotPanel panel;
    private boolean dirty;

    ReturnsView() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(eval);
        data.addSeries(train);
        data.addSeries(baseline);
        JFreeChart chart = Charts.lineChart("Returns", "real steps", "return", data);
        XYLineAndShapeRenderer r = Charts.markers(Charts.PALETTE[0], new Color(0xaaaaaa), new Color(0x555555));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesStroke(1, new BasicStroke(1f));
        r.setSeriesShapesVisible(2, false);
        r.setSeriesStroke(2, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        ((XYPlot) chart.getPlot()).setRenderer(r);
        panel = new PlotPanel("plot-returns", chart);
    }

    PlotPanel panel() {
        return panel;
    }

    @Override
    public void accept(RunEvent e) {
        java.util.OptionalDouble ret = RunEvent.evalReturn(e);
        if (ret.isPresent()) {
            eval.add(e.step(), ret.getAsDouble(), false);
            dirty = true;
        } else if (e instanceof RunEvent.Episode ep && ep.kind() == EpisodeKind.TRAIN) {
            train.add(ep.step(), ep.episodeReturn(), false);
            dirty = true;
        }
    }

    /** Overlays another run's evaluation curve (step, return), e.g. the SAC baseline. */
    void setBaseline(String name, List<double[]> curve) {
        panel.batch(() -> {
            baseline.clear();
            baseline.setKey(name);
            for (double[] p : curve) {
                baseline.add(p[0], p[1], false);
            }
            baseline.fireSeriesChanged();
        });
    }

    boolean hasBaseline() {
        return baseline.getItemCount() > 0;
    }

    /** Takes the baseline curve off the plot. */
    void clearBaseline() {
        panel.batch(() -> {
            baseline.clear();
            baseline.setKey("baseline eval");
            baseline.fireSeriesChanged();
        });
    }

    int evalPoints() {
        return eval.getItemCount();
    }

    @Override
    public void reset() {
        eval.clear();
        train.clear();
    }

    @Override
    public void flush() {
        if (dirty && !panel.paused()) {
            panel.batch(() -> {
                eval.fireSeriesChanged();
                train.fireSeriesChanged();
            });
            dirty = false;
        }
    }
}
