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

    ModelView() {
        XYSeriesCollection mse = new XYSeriesCollection();
        mse.addSeries(holdoutMse);
        JFreeChart chart = Charts.lineChart("Model", "real steps", "holdout MSE", mse);
        XYPlot plot = (XYPlot) chart.getPlot();
        LogAxis log = new LogAxis("holdout MSE");
        log.setSmallestValue(1e-6);
        plot.setRangeAxis(log);
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
            info.setText("training " + (t.index() + 1) + ": " + (last + 1) + " epochs (" + t.stopReason() + ", "
                    + String.format("%.1f s", t.seconds()) + ")   elites: " + Arrays.stream(t.elites()).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")) + "   member MSE: " + Arrays.stream(t.memberMse())
                    .mapToObj(v -> String.format("%.2g", v)).collect(Collectors.joining(" ")));
            dirty = true;
        }
    }

    @Override
    public void reset() {
        holdoutMse.clear();
        holdoutNll.clear();
        trainLoss.clear();
        trainings = 0;
        info.setText("waiting for the first model training");
    }

    @Override
    public void flush() {
        if (dirty && !panel.paused()) {
            panel.batch(() -> {
                holdoutMse.fireSeriesChanged();
                holdoutNll.fireSeriesChanged();
                trainLoss.fireSeriesChanged();
            });
            dirty = false;
        }
    }
}
