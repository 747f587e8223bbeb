package dev.mbpo.ui;

import dev.mbpo.env.CartPoleSwingUp;
import dev.mbpo.env.ContinuousCartPole;
import dev.mbpo.env.MountainCarContinuous;
import dev.mbpo.env.Pendulum;
import dev.mbpo.env.mujoco.Ant;
import dev.mbpo.env.mujoco.HalfCheetah;
import dev.mbpo.env.mujoco.Hopper;
import dev.mbpo.env.mujoco.InvertedPendulum;
import dev.mbpo.env.mujoco.Walker2d;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws an environment's physical state on a canvas. */
interface EnvRenderer {
    /** Seconds of simulated time per step (for playback at real speed). */
    double dt();

    void draw(GraphicsContext g, double w, double h, double[] state, float[] action);

    /** Frees what the renderer holds (a MuJoCo simulator); called when the view changes environment. */
    default void close() {
    }

    static EnvRenderer forEnv(String id) {
        return switch (id) {
            case Pendulum.ID -> new PendulumRenderer();
            case MountainCarContinuous.ID -> new MountainCarRenderer();
            case ContinuousCartPole.ID, CartPoleSwingUp.ID -> new CartPoleRenderer();
            case InvertedPendulum.ID, HalfCheetah.ID, Hopper.ID, Walker2d.ID, Ant.ID -> new MujocoRenderer(id);
            default -> throw new IllegalArgumentException("no renderer for " + id);
        };
    }

    /** Pendulum: a rod from the pivot; theta = 0 is up; an arc shows the torque. */
    final class PendulumRenderer implements EnvRenderer {
        public double dt() {
            return 0.05;
        }

        public void draw(GraphicsContext g, double w, double h, double[] s, float[] a) {
            double cx = w / 2;
            double cy = h / 2;
            double len = Math.min(w, h) * 0.36;
            double x = cx + len * Math.sin(s[0]);
            double y = cy - len * Math.cos(s[0]);
            g.setStroke(Color.web("#c0392b"));
            g.setLineWidth(Math.max(6, len * 0.12));
            g.setLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
            g.strokeLine(cx, cy, x, y);
            g.setFill(Color.web("#2c3e50"));
            g.fillOval(cx - 6, cy - 6, 12, 12);
            if (a != null && a.length > 0) {
                double torque = a[0] / 2.0;
                g.setStroke(Color.web("#2980b9"));
                g.setLineWidth(3);
                double r = len * 0.3;
                g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, 90, -torque * 180, javafx.scene.shape.ArcType.OPEN);
            }
        }
    }

    /** Cart-pole: track, cart and pole; theta = 0 is up. */
    final class CartPoleRenderer implements EnvRenderer {
        public double dt() {
            return 0.02;
        }

        public void draw(GraphicsContext g, double w, double h, double[] s, float[] a) {
            double scale = w / 5.6;
            double ground = h * 0.65;
            g.setStroke(Color.web("#7f8c8d"));
            g.setLineWidth(2);
            g.strokeLine(w / 2 - 2.4 * scale, ground, w / 2 + 2.4 * scale, ground);
            double cx = w / 2 + s[0] * scale;
            double cartW = 0.5 * scale;
            double cartH = 0.3 * scale;
            g.setFill(Color.web("#2c3e50"));
            g.fillRect(cx - cartW / 2, ground - cartH / 2, cartW, cartH);
            double len = 1.0 * scale;
            double px = cx + len * Math.sin(s[2]);
            double py = ground - len * Math.cos(s[2]);
            g.setStroke(Color.web("#d35400"));
            g.setLineWidth(Math.max(4, scale * 0.08));
            g.strokeLine(cx, ground, px, py);
            if (a != null && a.length > 0) {
                g.setStroke(Color.web("#2980b9"));
                g.setLineWidth(3);
                g.strokeLine(cx, ground + cartH, cx + a[0] * cartW, ground + cartH);
            }
        }
    }

    /** Mountain car: the hill y = sin(3x), the car, and the flag at 0.45. */
    final class MountainCarRenderer implements EnvRenderer {
        public double dt() {
            return 0.02;
        }

        public void draw(GraphicsContext g, double w, double h, double[] s, float[] a) {
            double minX = -1.2;
            double maxX = 0.6;
            double sx = w / (maxX - minX);
            double sy = h * 0.35;
            double base = h * 0.6;
            g.setStroke(Color.web("#27ae60"));
            g.setLineWidth(3);
            double prevX = 0;
            double prevY = base - Math.sin(3 * minX) * sy;
            for (int i = 1; i <= 100; i++) {
                double xv = minX + (maxX - minX) * i / 100;
                double px = (xv - minX) * sx;
                double py = base - Math.sin(3 * xv) * sy;
                g.strokeLine(prevX, prevY, px, py);
                prevX = px;
                prevY = py;
            }
            double fx = (0.45 - minX) * sx;
            double fy = base - Math.sin(3 * 0.45) * sy;
            g.setStroke(Color.web("#2c3e50"));
            g.strokeLine(fx, fy, fx, fy - 40);
            g.setFill(Color.web("#f1c40f"));
            g.fillPolygon(new double[] {fx, fx + 24, fx}, new double[] {fy - 40, fy - 33, fy - 26}, 3);
            double cx = (s[0] - minX) * sx;
            double cy = base - Math.sin(3 * s[0]) * sy;
            g.setFill(Color.web("#c0392b"));
            g.fillOval(cx - 12, cy - 24, 24, 24);
        }
    }
}
