package dev.mbpo.ui;

import dev.mbpo.env.Envs;
import dev.mbpo.env.mujoco.MujocoEnv;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;

/**
 * Draws a MuJoCo task from the simulator's own geom poses and sizes: the recorded state is put
 * into a simulator of the task, and every capsule, sphere and box is projected onto the screen.
 * Planar tasks are seen from the side (x right, z up), Ant from an oblique angle; the view follows
 * the root along x, and the floor's ticks show the motion. Where MuJoCo is unavailable it says so.
 */
final class MujocoRenderer implements EnvRenderer {
    private static final int PLANE = 0;
    private static final int SPHERE = 2;
    private static final int CAPSULE = 3;
    private static final int BOX = 6;
    private static final Color FLOOR = Color.web("#7f8c8d");
    private static final Color[] BODY = {Color.web("#c0392b"), Color.web("#2980b9"), Color.web("#8e44ad"), Color.web("#16a085")};

    private final String id;
    private final MujocoEnv env;
    private final String unavailable;

    MujocoRenderer(String id) {
        this.id = id;
        MujocoEnv made = null;
        String why = Envs.unavailable(id).orElse(null);
        if (why == null) {
            made = (MujocoEnv) Envs.make(id);
        }
        this.env = made;
        this.unavailable = why == null ? null : id + " needs MuJoCo, which is unavailable here: " + why;
    }

    @Override
    public double dt() {
        return env == null ? 0.05 : env.dt();
    }

    @Override
    public void draw(GraphicsContext g, double w, double h, double[] state, float[] action) {
        if (env == null) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(unavailable, w / 2, h / 2, w - 20);
            return;
        }
        env.setState(state);
        double[] geoms = env.geoms();
        double scale = Math.min(w, h) / (id.startsWith("InvertedPendulum") ? 2.4 : 2.6);
        // The view follows the root along x, but for the cart on its fixed rail
        double cx = id.startsWith("InvertedPendulum") ? 0 : state[0];
        double groundY = h * (env.planar() ? 0.85 : 0.7);
        boolean oblique = !env.planar();
        g.setLineCap(StrokeLineCap.ROUND);
        int part = 0;
        for (int k = 0; k < geoms.length / 16; k++) {
            int o = 16 * k;
            int type = (int) geoms[o];
            double x = geoms[o + 4];
            double y = geoms[o + 5];
            double z = geoms[o + 6];
            if (type == PLANE) {
                drawFloor(g, w, groundY, scale, cx);
                continue;
            }
            double sx = w / 2 + (x - cx) * scale + (oblique ? 0.35 * y * scale : 0);
            double sy = groundY - z * scale - (oblique ? 0.35 * y * scale : 0);
            g.setStroke(BODY[part % BODY.length]);
            g.setFill(BODY[part % BODY.length]);
            part++;
            if (type == CAPSULE) {
                double r = geoms[o + 1];
                double half = geoms[o + 2];
                // the capsule's axis is its frame's z axis: the rotation matrix's third column
                double ax = geoms[o + 9];
                double ay = geoms[o + 12];
                double az = geoms[o + 15];
                double dx = (ax + (oblique ? 0.35 * ay : 0)) * half * scale;
                double dz = (az + (oblique ? 0.35 * ay : 0)) * half * scale;
                g.setLineWidth(Math.max(2, 2 * r * scale));
                g.strokeLine(sx - dx, sy + dz, sx + dx, sy - dz);
            } else if (type == SPHERE) {
                double r = geoms[o + 1] * scale;
                g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
            } else if (type == BOX) {
                double hx = geoms[o + 1] * scale;
                double hz = geoms[o + 3] * scale;
                g.fillRect(sx - hx, sy - hz, 2 * hx, 2 * hz);
            }
        }
    }

    /** The floor line with ticks every 0.5 m, moving with the world as the view follows the root. */
    private static void drawFloor(GraphicsContext g, double w, double groundY, double scale, double cx) {
        g.setStroke(FLOOR);
        g.setLineWidth(2);
        g.strokeLine(0, groundY, w, groundY);
        g.setLineWidth(1);
        double first = Math.floor((cx - w / (2 * scale)) / 0.5) * 0.5;
        for (double m = first; m <= cx + w / (2 * scale); m += 0.5) {
            double sx = w / 2 + (m - cx) * scale;
            g.strokeLine(sx, groundY, sx - 8, groundY + 10);
        }
    }

    @Override
    public void close() {
        if (env != null) {
            env.close();
        }
    }
}
