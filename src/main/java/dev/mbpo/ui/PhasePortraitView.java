package dev.mbpo.ui;

import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.env.PhasePlane;
import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Phase portrait of a 2-D state space (Pendulum: angle vs angular velocity; mountain car:
 * position vs velocity): the learned value as a background heat map (updated at every
 * evaluation), the latest evaluation's real trajectory in white, and imagined branches
 * sprouting from real states (every member's open-loop prediction, up to the horizon
 * explorer's k) coloured from blue (members agree) to red (they disagree). Hovering reads out
 * the point and its value.
 */
final class PhasePortraitView extends CanvasView implements RunView {
    private static final double LEFT = 56;
    private static final double BOTTOM = 40;
    private static final double TOP = 26;
    private static final double RIGHT = 74;

    private final Label readout = new Label(" ");
    private final BorderPane node = new BorderPane();
    private final IntegerProperty branchSteps;
    private Env env;
    private PhasePlane plane;
    private String envId;
    private RunEvent.ValueMap values;
    private WritableImage heat;
    private double vMin;
    private double vMax;
    private List<double[]> trajectory = new ArrayList<>();
    private RunEvent.Predictions predictions;
    private double maxDisagreement;

    PhasePortraitView(IntegerProperty branchSteps) {
        super(520, 420);
        this.branchSteps = branchSteps;
        Pane holder = new Pane(canvas);
        holder.setMinSize(240, 200);
        fill(holder);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> readout.setText(" "));
        branchSteps.addListener(o -> draw());
        readout.setId("phase-readout");
        node.setCenter(holder);
        node.setBottom(readout);
        node.setId("phase-portrait");
    }

    BorderPane node() {
        return node;
    }

    void setEnvironment(String id) {
        if (id.equals(envId)) {
            return;
        }
        envId = id;
        // MuJoCo tasks have no 2-D picture: no simulator is made for them here.
        env = Envs.needsMujoco(id) ? null : Envs.make(id);
        plane = env == null ? null : env.phasePlane().orElse(null);
        reset();
        flush();
    }


    boolean hasValueMap() {
        return values != null;
    }

    int trajectoryPoints() {
        return trajectory.size();
    }

    int branches() {
        return predictions == null ? 0 : predictions.segments().stream().mapToInt(s -> s.means().length).sum();
    }

    /** An MPC run: no critic, so no value map to draw. */
    private boolean planner;
    /** An MPC run's latest plan: where each elite expects the planned actions to lead. */
    private RunEvent.Plan plan;

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Started s) {
            setEnvironment(s.env());
            planner = !s.algorithm().learnsPolicy();
        } else if (plane == null) {
            return;
        } else if (e instanceof RunEvent.Plan p) {
            plan = p;
            dirty = true;
        } else if (e instanceof RunEvent.ValueMap v) {
            values = v;
            heat = null;
            dirty = true;
        } else if (e instanceof RunEvent.Episode ep && ep.kind() == EpisodeKind.EVAL && ep.states().length > 1) {
            List<double[]> pts = new ArrayList<>(ep.states().length);
            for (double[] s : ep.states()) {
                env.setState(s);
                pts.add(plane.pointOf(env.observation()));
            }
            trajectory = pts;
            dirty = true;
        } else if (e instanceof RunEvent.Predictions p && !p.segments().isEmpty()) {
            predictions = p;
            maxDisagreement = 1e-9;
            for (RunEvent.Segment s : p.segments()) {
                for (double d : s.disagreement()) {
                    maxDisagreement = Math.max(maxDisagreement, d);
                }
            }
            dirty = true;
        }
    }

    @Override
    public void reset() {
        values = null;
        heat = null;
        trajectory = new ArrayList<>();
        predictions = null;
        plan = null;
        dirty = true;
    }


    private double px(double x, double w) {
        return LEFT + (x - plane.xMin()) / (plane.xMax() - plane.xMin()) * (w - LEFT - RIGHT);
    }

    private double py(double y, double h) {
        return h - BOTTOM - (y - plane.yMin()) / (plane.yMax() - plane.yMin()) * (h - BOTTOM - TOP);
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(theme.panel());
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font("DejaVu Sans", 11 * fontScale));
        if (plane == null) {
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(envId == null ? "Phase portrait: start or open a run"
                    : envId + " has no 2-D state picture; the phase portrait shows Pendulum-v1 and MountainCarContinuous-v0",
                    w / 2, h / 2, w - 20);
            return;
        }
        double pw = w - LEFT - RIGHT;
        double ph = h - BOTTOM - TOP;
        if (values != null) {
            if (heat == null) {
                heat = heatImage(values);
            }
            g.setImageSmoothing(true);
            g.drawImage(heat, LEFT, TOP, pw, ph);
        } else {
            g.setFill(theme.box());
            g.fillRect(LEFT, TOP, pw, ph);
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(planner ? "no value map: MPC learns no critic, it plans every action" : "value map after the first evaluation",
                    LEFT + pw / 2, TOP + 16, pw - 8);
        }
        drawBranches(g, w, h);
        drawPlan(g, w, h);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2.2);
        polyline(g, trajectory, w, h);
        if (!trajectory.isEmpty()) {
            double[] last = trajectory.get(trajectory.size() - 1);
            g.setFill(Color.WHITE);
            g.fillOval(px(last[0], w) - 4, py(last[1], h) - 4, 8, 8);
        }
        axes(g, w, h);
        legends(g, w, h);
    }

    private void drawBranches(GraphicsContext g, double w, double h) {
        if (predictions == null) {
            return;
        }
        int k = Math.max(1, branchSteps.get());
        for (RunEvent.Segment s : predictions.segments()) {
            for (float[][] member : s.means()) {
                int steps = Math.min(k, member.length - 1);
                double[] prev = plane.pointOf(member[0]);
                for (int t = 1; t <= steps; t++) {
                    double[] cur = plane.pointOf(member[t]);
                    if (!(plane.xWraps() && Math.abs(cur[0] - prev[0]) > Math.PI)) {
                        g.setStroke(disagreementColour(s.disagreement()[t] / maxDisagreement));
                        g.setLineWidth(1.8);
                        g.strokeLine(px(prev[0], w), py(prev[1], h), px(cur[0], w), py(cur[1], h));
                    }
                    prev = cur;
                }
            }
            double[] start = plane.pointOf(s.real()[0]);
            g.setFill(Color.web("#ffd166"));
            g.fillOval(px(start[0], w) - 4.5, py(start[1], h) - 4.5, 9, 9);
        }
    }

    /** MPC: each elite's predicted path under the latest plan (violet), from the state it planned at (a ring). */
    private void drawPlan(GraphicsContext g, double w, double h) {
        if (plan == null) {
            return;
        }
        g.setStroke(Color.web("#b39ddb"));
        g.setLineWidth(1.6);
        for (float[][] path : plan.paths()) {
            List<double[]> pts = new ArrayList<>(path.length);
            for (float[] o : path) {
                pts.add(plane.pointOf(o));
            }
            polyline(g, pts, w, h);
        }
        double[] start = plane.pointOf(plan.start());
        g.setStroke(Color.web("#6a4c93"));
        g.setLineWidth(2.5);
        g.strokeOval(px(start[0], w) - 5, py(start[1], h) - 5, 10, 10);
        g.setFill(Color.web("#b39ddb"));
        g.setFont(Font.font("DejaVu Sans", 10 * fontScale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format("plan at step %d: each elite's prediction over H = %d", plan.step(), plan.actions().length),
                LEFT + 6, h - BOTTOM - 4, w - LEFT - RIGHT - 12);
    }

    private void polyline(GraphicsContext g, List<double[]> pts, double w, double h) {
        for (int i = 1; i < pts.size(); i++) {
            double[] a = pts.get(i - 1);
            double[] b = pts.get(i);
            if (plane.xWraps() && Math.abs(b[0] - a[0]) > Math.PI) {
                continue; // wrapped around: not a move across the plane
            }
            g.strokeLine(px(a[0], w), py(a[1], h), px(b[0], w), py(b[1], h));
        }
    }

    private void axes(GraphicsContext g, double w, double h) {
        double pw = w - LEFT - RIGHT;
        double ph = h - BOTTOM - TOP;
        g.setStroke(theme.border());
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, pw, ph);
        g.setFill(theme.text());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 4; i++) {
            double x = plane.xMin() + (plane.xMax() - plane.xMin()) * i / 4;
            g.fillText(String.format("%.3g", x), px(x, w), h - BOTTOM + 4);
        }
        g.fillText(plane.xLabel(), LEFT + pw / 2, h - BOTTOM + 20);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            double y = plane.yMin() + (plane.yMax() - plane.yMin()) * i / 4;
            g.fillText(String.format("%.3g", y), LEFT - 4, py(y, h));
        }
        g.save();
        g.translate(12, TOP + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(plane.yLabel(), 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("DejaVu Sans", javafx.scene.text.FontWeight.BOLD, 12 * fontScale));
        g.fillText("Phase portrait" + (values == null ? "" : "  (value at step " + values.step() + ")"), LEFT, 6);
    }

    private void legends(GraphicsContext g, double w, double h) {
        double x = w - RIGHT + 12;
        double top = TOP;
        double height = (h - BOTTOM - TOP) * 0.45;
        g.setFont(Font.font("DejaVu Sans", 10 * fontScale));
        for (int i = 0; i < 50; i++) {
            g.setFill(valueColour(1 - i / 49.0));
            g.fillRect(x, top + i * height / 50, 12, height / 50 + 1);
        }
        g.setFill(theme.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(values == null ? "V" : String.format("%.0f", vMax), x + 15, top - 2);
        g.fillText("value", x + 15, top + height / 2 - 6);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(values == null ? "" : String.format("%.0f", vMin), x + 15, top + height + 2);
        double top2 = top + height + 24;
        for (int i = 0; i < 50; i++) {
            g.setFill(disagreementColour(1 - i / 49.0));
            g.fillRect(x, top2 + i * height / 50, 12, height / 50 + 1);
        }
        g.setTextBaseline(VPos.TOP);
        g.fillText("dis-", x + 15, top2 + height / 2 - 12);
        g.fillText("agree", x + 15, top2 + height / 2);
        g.fillText("high", x + 15, top2 - 2);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("low", x + 15, top2 + height + 2);
    }

    private WritableImage heatImage(RunEvent.ValueMap v) {
        vMin = Double.POSITIVE_INFINITY;
        vMax = Double.NEGATIVE_INFINITY;
        for (float f : v.values()) {
            vMin = Math.min(vMin, f);
            vMax = Math.max(vMax, f);
        }
        double span = Math.max(1e-9, vMax - vMin);
        WritableImage img = new WritableImage(v.nx(), v.ny());
        PixelWriter pw = img.getPixelWriter();
        for (int j = 0; j < v.ny(); j++) {
            for (int i = 0; i < v.nx(); i++) {
                double t = (v.values()[j * v.nx() + i] - vMin) / span;
                pw.setColor(i, v.ny() - 1 - j, valueColour(t)); // row 0 is yMin: the image's bottom
            }
        }
        return img;
    }

    /** A viridis-like ramp from dark purple (low value) to yellow (high value). */
    static Color valueColour(double t) {
        t = Math.max(0, Math.min(1, t));
        Color[] stops = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"), Color.web("#5ec962"), Color.web("#fde725")};
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) pos);
        return stops[i].interpolate(stops[i + 1], pos - i);
    }

    /** Blue where the members agree, through white, to red where they disagree most. */
    static Color disagreementColour(double t) {
        t = Math.max(0, Math.min(1, t));
        return t < 0.5 ? Color.web("#3a86ff").interpolate(Color.web("#f1f1f1"), t * 2)
                : Color.web("#f1f1f1").interpolate(Color.web("#e63946"), (t - 0.5) * 2);
    }

    private void hover(double mx, double my) {
        if (plane == null) {
            return;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double x = plane.xMin() + (mx - LEFT) / (w - LEFT - RIGHT) * (plane.xMax() - plane.xMin());
        double y = plane.yMin() + (h - BOTTOM - my) / (h - BOTTOM - TOP) * (plane.yMax() - plane.yMin());
        if (x < plane.xMin() || x > plane.xMax() || y < plane.yMin() || y > plane.yMax()) {
            readout.setText(" ");
            return;
        }
        String v = "";
        if (values != null) {
            int i = (int) Math.round((x - values.xMin()) / (values.xMax() - values.xMin()) * (values.nx() - 1));
            int j = (int) Math.round((y - values.yMin()) / (values.yMax() - values.yMin()) * (values.ny() - 1));
            v = String.format(",  value %.1f", values.values()[j * values.nx() + i]);
        }
        readout.setText(String.format("%s %.3g,  %s %.3g%s", plane.xLabel(), x, plane.yLabel(), y, v));
    }
}
