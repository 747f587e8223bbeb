package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * SAC statistics: critic and actor losses (left axis), temperature and entropy (right axis), and
 * under the title the critic's check at each evaluation: Q at the start states against the
 * discounted return the episodes then got (a critic that overestimates shows it here first).
 */
final class SacView implements RunView {
    private final XYSeries critic = Charts.series("critic loss");
    private final XYSeries actor = Charts.series("actor loss");
    private final XYSeries alpha = Charts.series("alpha");
    private final XYSeries entropy = Charts.series("entropy");
    private final PlotPanel panel;
    private final org.jfree.chart.title.TextTitle check = new org.jfree.chart.title.TextTitle();
    private String checkText = "";
    private String shownCheck = "";
    private boolean dirty;

    SacView() {
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(critic);
        losses.addSeries(actor);
        JFreeChart chart = Charts.lineChart("SAC", "real steps", "loss", losses);
        XYPlot plot = (XYPlot) chart.getPlot();
        XYSeriesCollection temp = new XYSeriesCollection();
        temp.addSeries(alpha);
        temp.addSeries(entropy);
        plot.setDataset(1, temp);
        NumberAxis right = new NumberAxis("alpha, entropy");
        right.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
        SamplingXYLineRenderer r = Charts.sampling();
        r.setSeriesPaint(0, Charts.PALETTE[2]);
        r.setSeriesPaint(1, Charts.PALETTE[4]);
        r.setSeriesStroke(0, new java.awt.BasicStroke(1.8f));
        r.setSeriesStroke(1, new java.awt.BasicStroke(1.8f));
        plot.setRenderer(1, r);
        Charts.style(chart);
        panel = new PlotPanel("plot-sac", chart);
    }

    PlotPanel panel() {
        return panel;
    }

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Started s) {
            // An MPC run has nothing to show here: say so instead of leaving an empty plot unexplained.
            panel.chart().setTitle(s.algorithm().learnsPolicy() ? "SAC" : RunView.NO_POLICY);
            dirty = true;
        } else if (e instanceof RunEvent.Metrics m && m.values().containsKey("eval/q_start") && critic.getItemCount() > 0) {
            // Only once the critic has been trained: during the random steps its Q says nothing.
            checkText = criticCheck(m.values().get("eval/q_start"), m.values().get("eval/discounted_return"));
            dirty = true;
        }
        if (e instanceof RunEvent.Metrics m && m.values().containsKey("train/critic_loss")) {
            Map<String, Double> v = m.values();
            critic.add(m.step(), v.get("train/critic_loss"), false);
            actor.add(m.step(), v.get("train/actor_loss"), false);
            alpha.add(m.step(), v.get("train/alpha"), false);
            entropy.add(m.step(), v.get("train/entropy"), false);
            dirty = true;
        }
    }

    int points() {
        return critic.getItemCount();
    }

    /** The line under the title: Q(s0) against the discounted return, and their ratio when both are clearly positive. */
    static String criticCheck(Double q, Double got) {
        if (q == null || got == null || !Double.isFinite(q) || !Double.isFinite(got)) {
            return "";
        }
        String line = String.format(java.util.Locale.ROOT, "critic at the start states: Q = %.1f, discounted return got = %.1f", q, got);
        return got > 1 && q > 0 ? line + String.format(java.util.Locale.ROOT, " (x%.2f)", q / got) : line;
    }

    String criticCheckText() {
        return checkText;
    }

    @Override
    public void reset() {
        critic.clear();
        actor.clear();
        alpha.clear();
        entropy.clear();
        checkText = "";
        dirty = true;
    }

    @Override
    public void flush() {
        if (dirty && !panel.paused()) {
            panel.batch(() -> {
                for (XYSeries s : new XYSeries[] {critic, actor, alpha, entropy}) {
                    s.fireSeriesChanged();
                }
                if (!checkText.equals(shownCheck)) { // new only at evaluations: leave the title alone between them
                    if (checkText.isEmpty()) {
                        panel.chart().removeSubtitle(check);
                    } else {
                        Charts.subtitle(panel.chart(), check, checkText);
                    }
                    shownCheck = checkText;
                }
            });
            dirty = false;
        }
    }
}
