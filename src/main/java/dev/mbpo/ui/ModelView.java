package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The ensemble's training: holdout MSE and NLL (and the training loss) at the end of each
 * model training, against real steps, on a log scale; the subtitle names the elites and
 * how the last training stopped.
 */
final class ModelView implements RunView {
    private final XYSeries holdoutMse = Charts.series("holdout MSE");
    private final XYSeries trainLoss = Charts.series("train loss (NLL)");
    private final XYSeries holdoutNll = Charts.series("holdout NLL");
    private final TextTitle info = new TextTitle();
    private final PlotPanel panel;
    private boolean dirty;
    private int trainings;
    private final LogAxis log;

    ModelView() {
        XYSeriesCollection mse = new XYSeriesCollection();
        mse.addSeries(holdoutMse);
        JFreeChart chart = Charts.lineChart("Model", "real steps", "holdout MSE", mse);
        XYPlot plot = (XYPlot) chart.getPlot();
        log = new LogAxis("holdout MSE");
        log.setSmallestValue(1e-6);
        // Tick labels as plain numbers ("2E-3"), not "10^-2.76E0" when the range is narrower than a decade.
        log.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        log.setAutoTickUnitSelection(false);
        showWholeDecades();
        plot.setRangeAxis(log);
        // Room above the top tick label ("1E0"), which otherwise meets the subtitle's second line.
        plot.setInsets(new org.jfree.chart.ui.RectangleInsets(10, 4, 4, 8));
        plot.setRenderer(Charts.markers(Charts.PALETTE[0]));
        XYSeriesCollection nll = new XYSeriesCollection();
        nll.addSeries(trainLoss);
        nll.addSeries(holdoutNll);
        plot.setDataset(1, nll);
        org.jfree.chart.axis.NumberAxis right = new org.jfree.chart.axis.NumberAxis("NLL");
        right.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, Charts.markers(Charts.PALETTE[1], Charts.PALETTE[3]));
        Charts.style(chart);
        Charts.subtitle(chart, info, "waiting for the first model training");
        panel = new PlotPanel("plot-model", chart);
    }

    PlotPanel panel() {
        return panel;
    }

    /** The subtitle's text (what the plot says about itself). */
    String infoText() {
        return info.getText();
    }

    int trainings() {
        return trainings;
    }

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Started s && s.algorithm() == dev.mbpo.config.Algorithm.SAC) {
            info.setText(RunView.NO_MODEL);
        }
        if (e instanceof RunEvent.ModelTrained t) {
            int last = t.holdoutMse().length - 1;
            if (last >= 0) {
                holdoutMse.add(t.step(), Math.max(1e-9, t.holdoutMse()[last]), false);
                holdoutNll.add(t.step(), t.holdoutNll()[last], false);
                trainLoss.add(t.step(), t.trainLoss()[last], false);
            }
            trainings++;
            double lo = Arrays.stream(t.memberMse()).min().orElse(Double.NaN);
            double hi = Arrays.stream(t.memberMse()).max().orElse(Double.NaN);
            // Two short lines rather than one that the chart wraps and clips.
            info.setText("training " + (t.index() + 1) + ": " + (last + 1) + " epochs (" + t.stopReason() + ", "
                    + String.format("%.1f s", t.seconds()) + ")\nelites " + Arrays.stream(t.elites()).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")) + String.format(", member MSE %.2g to %.2g", lo, hi));
            dirty = true;
        }
    }

    /**
     * The log axis spans whole decades around the data (at least one), so that one point or a
     * narrow range gets ticks at readable values; 1E-3 to 1 before any data.
     */
    private void showWholeDecades() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < holdoutMse.getItemCount(); i++) {
            double y = holdoutMse.getY(i).doubleValue();
            if (y > 0 && Double.isFinite(y)) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        if (lo > hi) {
            log.setRange(1e-3, 1);
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
            return;
        }
        double a = Math.floor(Math.log10(lo));
        double b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
        log.setRange(Math.pow(10, a), Math.pow(10, b));
        // Ticks at quarter, half or whole decades (1E-2, 1.8E-2, 3.2E-2, ...), never twenty of them.
        double decades = b - a;
        log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(decades <= 1 ? 0.25 : decades <= 3 ? 0.5 : 1), false, false);
    }

    @Override
    public void reset() {
        holdoutMse.clear();
        holdoutNll.clear();
        trainLoss.clear();
        trainings = 0;
        showWholeDecades();
        info.setText("waiting for the first model training");
    }

    @Override
    public void flush() {
        if (dirty && !panel.paused()) {
            panel.batch(() -> {
                showWholeDecades();
                holdoutMse.fireSeriesChanged();
                holdoutNll.fireSeriesChanged();
                trainLoss.fireSeriesChanged();
            });
            dirty = false;
        }
    }
}
