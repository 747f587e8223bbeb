package dev.mbpo.ui;

import dev.mbpo.config.RunConfig;
import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The MBPO loop as a live diagram: collect real data -> train the ensemble -> branch short
 * rollouts -> SAC updates on mixed data -> back to collecting, the running phase highlighted,
 * counters on the arrows (real transitions, model trainings, imagined transitions, updates)
 * and the real:imagined mix in the middle. For a SAC run the model stations are greyed out; an
 * MPC run plans at station 3 and learns no policy; an offline run starts from a fixed dataset
 * and penalises its rollouts.
 */
final class LoopDiagramView extends CanvasView implements RunView {
    /** The stations, clockwise from the top left. */
    enum Station { COLLECT, TRAIN_MODEL, ROLLOUT, UPDATE }

    private final Pane node = new Pane();
    private dev.mbpo.config.Algorithm algorithm = dev.mbpo.config.Algorithm.MBPO;
    private String planning = "";
    private String penalty = "";
    private double planMs = Double.NaN;
    private double penaltyNow = Double.NaN;
    private long datasetSize = -1;
    private double realRatio = 0.05;
    private int horizon = 1;
    /** The phase now; null before a run and after its end event. */
    private LoopPhase phase;
    private long realSteps;
    private int modelTrainings;
    private double holdoutMse = Double.NaN;
    private long imagined;
    private long updates;
    private boolean ended;
    /** Asynchronous loop: the rates of the three activities and the collector's policy lag, from the latest metrics. */
    private java.util.Map<String, Double> async;

    LoopDiagramView() {
        super(420, 260);
        node.getChildren().add(canvas);
        node.setId("loop-diagram");
        node.setMinSize(200, 150);
        fill(node);
    }

    Pane node() {
        return node;
    }

    void configure(RunConfig c) {
        algorithm = c.algorithm();
        planning = String.format("H = %d, %d x %d particles", c.mpc().horizon(), c.mpc().population(), c.mpc().particles());
        penalty = "lambda = " + c.offline().penalty();
        realRatio = c.mbpo().realRatio();
        horizon = c.rollout().horizon();
        dirty = true;
        flush();
    }


    @Override
    public void accept(RunEvent e) {
        dirty = true;
        realSteps = Math.max(realSteps, e.step());
        if (e instanceof RunEvent.Started s) {
            algorithm = s.algorithm();
            ended = false;
        } else if (e instanceof RunEvent.Phase p) {
            phase = p.phase();
        } else if (e instanceof RunEvent.ModelTrained m) {
            modelTrainings = m.index() + 1;
            holdoutMse = m.holdoutMse().length > 0 ? m.holdoutMse()[m.holdoutMse().length - 1] : Double.NaN;
        } else if (e instanceof RunEvent.Rollout r) {
            imagined += r.imagined();
            horizon = r.horizon();
        } else if (e instanceof RunEvent.Metrics m && m.values().containsKey("async/real_steps_per_s")) {
            async = m.values();
        } else if (e instanceof RunEvent.Metrics m && m.values().containsKey("mpc/plan_ms")) {
            planMs = m.values().get("mpc/plan_ms");
        } else if (e instanceof RunEvent.Metrics m && m.values().containsKey(dev.mbpo.run.ComparisonRow.DATASET_SIZE)) {
            datasetSize = m.values().get(dev.mbpo.run.ComparisonRow.DATASET_SIZE).longValue();
        } else if (e instanceof RunEvent.Metrics m && m.values().containsKey("offline/penalty")) {
            penaltyNow = m.values().get("offline/penalty");
        } else if (e instanceof RunEvent.Metrics m && m.values().containsKey("train/updates")) {
            updates += m.values().get("train/updates").longValue(); // updates since the previous metrics event
        } else if (e instanceof RunEvent.Ended) {
            ended = true;
            phase = null;
        }
    }

    @Override
    public void reset() {
        phase = null;
        realSteps = 0;
        modelTrainings = 0;
        holdoutMse = Double.NaN;
        imagined = 0;
        updates = 0;
        planMs = Double.NaN;
        penaltyNow = Double.NaN;
        datasetSize = -1;
        ended = false;
        async = null;
        dirty = true;
    }


    /** Which stations the current phase lights: collecting alternates with SAC updates every real step. */
    boolean active(Station s) {
        if (async != null && !ended && phase != null) {
            return true; // asynchronous: all four run at once
        }
        if (phase == null) {
            return false;
        }
        return switch (phase) {
            case COLLECT -> s == Station.COLLECT || s == (algorithm == dev.mbpo.config.Algorithm.MPC ? Station.ROLLOUT : Station.UPDATE);
            case UPDATE -> s == Station.UPDATE;
            case TRAIN_MODEL -> s == Station.TRAIN_MODEL;
            case ROLLOUT -> s == Station.ROLLOUT;
            case EVALUATE, CHECKPOINT -> false;
        };
    }

    long imagined() {
        return imagined;
    }

    long realSteps() {
        return realSteps;
    }

    int modelTrainings() {
        return modelTrainings;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(theme.panel());
        g.fillRect(0, 0, w, h);
        double scale = Math.max(0.7, Math.min(w / 460, h / 280));
        double bw = w * 0.3;
        double bh = Math.min(h * 0.24, 58 * scale);
        double left = w * 0.04;
        double right = w * 0.96 - bw;
        double top = h * 0.07;
        double bottom = h * 0.93 - bh;
        Font title = Font.font("DejaVu Sans", FontWeight.BOLD, 12 * scale * fontScale);
        Font small = Font.font("DejaVu Sans", 10.5 * scale * fontScale);
        boolean a = async != null;
        boolean mbpo = algorithm == dev.mbpo.config.Algorithm.MBPO;
        boolean mpc = algorithm == dev.mbpo.config.Algorithm.MPC;
        boolean offline = algorithm == dev.mbpo.config.Algorithm.OFFLINE;
        boolean model = algorithm.learnsModel();
        String trainings = modelTrainings + (offline ? " training (once)" : " trainings")
                + (Double.isNaN(holdoutMse) ? "" : String.format(", MSE %.2g", holdoutMse));
        box(g, left, top, bw, bh, offline ? "1  Fixed dataset" : "1  Collect real data", a ? rate("async/real_steps_per_s", "real steps/s")
                : offline ? (datasetSize < 0 ? "" : String.format("%,d transitions", datasetSize)) + ", no interaction"
                : mpc ? "planned actions" : "env steps, current policy", Station.COLLECT, !offline, title, small, "");
        box(g, right, top, bw, bh, "2  Train ensemble", a ? String.format("%d trainings, busy %.0f%%", modelTrainings,
                100 * async.getOrDefault("async/model_busy_fraction", 0.0)) : trainings, Station.TRAIN_MODEL, model, title, small,
                "not used by SAC");
        box(g, right, bottom, bw, bh, mpc ? "3  Plan with CEM" : offline ? "3  Penalised rollouts" : "3  Branch rollouts",
                a ? rate("async/imagined_per_s", "imagined/s") : mpc ? planning : offline ? "k = " + horizon + ", " + penalty
                : "k = " + horizon + " from real states", Station.ROLLOUT, model, title, small, "not used by SAC");
        box(g, left, bottom, bw, bh, "4  SAC updates", a ? rate("async/updates_per_s", "updates/s")
                : model ? (offline ? "dataset + imagined" : "mixed real + imagined") : "real batches", Station.UPDATE, !mpc, title,
                small, "no policy: MPC plans");
        g.setFont(small);
        arrow(g, left + bw, top + bh / 2, right, top + bh / 2, String.format("%,d", offline ? Math.max(0, datasetSize) : realSteps),
                offline ? "dataset" : "real transitions", model, true);
        arrow(g, right + bw / 2, top + bh, right + bw / 2, bottom, "model", "", model, false);
        arrow(g, right, bottom + bh / 2, left + bw, bottom + bh / 2, mpc ? "first action" : String.format("%,d", imagined),
                mpc ? "of each plan" : "imagined", mbpo || offline, true);
        arrow(g, left + bw / 2, bottom, left + bw / 2, top + bh, String.format("%,d", updates), "updates", !mpc, false);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double textWidth = (right + bw / 2) - (left + bw / 2) - 24;
        g.setFill(theme.text());
        g.setFont(title);
        if (a) {
            g.fillText(String.format("async: all at once, %.0f%% real", realRatio * 100), w / 2, h / 2 - 16 * scale, textWidth);
            g.fillText(String.format("collector %.0f policy versions behind", async.getOrDefault("async/policy_lag", 0.0)),
                    w / 2, h / 2, textWidth);
        } else if (mpc) {
            g.fillText("MPC: no policy", w / 2, h / 2 - 16 * scale, textWidth);
            g.fillText(Double.isNaN(planMs) ? "every action planned" : String.format("%.0f ms a planned action", planMs), w / 2, h / 2,
                    textWidth);
        } else if (offline) {
            g.fillText(String.format("%.0f%% dataset : %.0f%% imagined", realRatio * 100, (1 - realRatio) * 100), w / 2,
                    h / 2 - 16 * scale, textWidth);
            g.fillText(Double.isNaN(penaltyNow) ? "reward - lambda u" : String.format("penalty %.3g a step", penaltyNow), w / 2, h / 2,
                    textWidth);
        } else if (mbpo) {
            g.fillText("batch mix", w / 2, h / 2 - 16 * scale, textWidth);
            g.fillText(String.format("%.0f%% real : %.0f%% imagined", realRatio * 100, (1 - realRatio) * 100), w / 2, h / 2, textWidth);
        } else {
            g.fillText("SAC: real data only", w / 2, h / 2, textWidth);
        }
        g.setFont(small);
        g.setFill(theme.muted());
        g.fillText(ended ? "run ended" : phase == null ? "waiting for a run" : "now: " + (mpc && phase == LoopPhase.COLLECT ? "planning and acting" : phase.description()), w / 2, h / 2 + 17 * scale,
                textWidth);
    }

    private String rate(String key, String unit) {
        return String.format("%,.0f %s", async.getOrDefault(key, 0.0), unit);
    }


    private void box(GraphicsContext g, double x, double y, double bw, double bh, String title, String detail, Station s,
                     boolean used, Font titleFont, Font small, String unusedText) {
        boolean on = used && active(s);
        g.setFill(!used ? theme.disabled() : on ? Color.web("#2a9d8f") : theme.box());
        g.fillRoundRect(x, y, bw, bh, 12, 12);
        g.setStroke(on ? Color.web("#1d6f65") : theme.border());
        g.setLineWidth(on ? 3 : 1.2);
        g.strokeRoundRect(x, y, bw, bh, 12, 12);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(on ? Color.WHITE : used ? theme.text() : theme.muted());
        g.setFont(titleFont);
        g.fillText(title, x + bw / 2, y + bh * 0.36, bw - 8);
        g.setFont(small);
        g.fillText(used ? detail : unusedText.isEmpty() ? detail : unusedText, x + bw / 2, y + bh * 0.7, bw - 8);
    }

    /** An arrow between stations; its count goes above (or beside) it and its unit below. */
    private void arrow(GraphicsContext g, double x1, double y1, double x2, double y2, String count, String unit, boolean used,
                       boolean horizontal) {
        g.setStroke(used ? theme.text() : theme.disabled());
        g.setLineWidth(1.6);
        double pad = 5;
        double dx = Math.signum(x2 - x1) * pad;
        double dy = Math.signum(y2 - y1) * pad;
        double ax = x1 + dx;
        double ay = y1 + dy;
        double bx = x2 - dx;
        double by = y2 - dy;
        g.strokeLine(ax, ay, bx, by);
        double angle = Math.atan2(by - ay, bx - ax);
        double head = 8;
        g.setFill(used ? theme.text() : theme.disabled());
        g.fillPolygon(new double[] {bx, bx - head * Math.cos(angle - 0.4), bx - head * Math.cos(angle + 0.4)},
                new double[] {by, by - head * Math.sin(angle - 0.4), by - head * Math.sin(angle + 0.4)}, 3);
        g.setFill(used ? theme.accent() : theme.muted());
        if (horizontal) {
            double gap = Math.abs(bx - ax) - 4;
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(count, (ax + bx) / 2, ay - 3, gap);
            g.setTextBaseline(VPos.TOP);
            g.fillText(unit, (ax + bx) / 2, ay + 3, gap);
        } else {
            boolean leftSide = x1 < canvas.getWidth() / 2;
            // Outside the loop, so that the labels never run into the middle text.
            g.setTextAlign(leftSide ? TextAlignment.RIGHT : TextAlignment.LEFT);
            double tx = ax + (leftSide ? -7 : 7);
            double room = leftSide ? tx - 2 : canvas.getWidth() - tx - 2;
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(count, tx, (ay + by) / 2, room);
            g.setTextBaseline(VPos.TOP);
            g.fillText(unit, tx, (ay + by) / 2 + 1, room);
        }
    }
}
