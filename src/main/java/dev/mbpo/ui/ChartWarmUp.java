package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import org.jfree.chart.JFreeChart;
import org.jfree.fx.FXGraphics2D;

/**
 * Draws every chart once, off screen, with made-up events before the window opens, so that
 * the first real data of a run does not pay for loading and first-running the drawing code
 * on the FX thread (measured: frames of 100-150 ms when the first model training arrived).
 */
final class ChartWarmUp {
    private ChartWarmUp() {
    }

    static List<RunEvent> sampleEvents() {
        float[][] real = {{1f, 0f, 0f}, {0.9f, 0.1f, 0.2f}, {0.8f, 0.2f, 0.3f}};
        float[][][] means = {real, real, real, real, real, real, real}; // as many members as the presets use
        double[] err = {0, 0.1, 0.2};
        RunEvent.Segment seg = new RunEvent.Segment(0, real, means, means, err, err);
        return List.of(
                new RunEvent.Started(0, dev.mbpo.config.Algorithm.MBPO, "Pendulum-v1", 0, 100, "cpu()", 10),
                new RunEvent.Metrics(10, Map.of("eval/return", -1000.0, "train/critic_loss", 1.0, "train/actor_loss", 2.0,
                        "train/alpha", 0.5, "train/entropy", -1.0)),
                new RunEvent.Metrics(20, Map.of("eval/return", -900.0, "train/critic_loss", 1.5, "train/actor_loss", 2.5,
                        "train/alpha", 0.4, "train/entropy", -0.9)),
                new RunEvent.Episode(20, dev.mbpo.run.EpisodeKind.TRAIN, 0, -1200, 2, new double[][] {{0, 0}, {0.1, 0}, {0.2, 0}}, new float[][] {{0f}, {1f}}),
                new RunEvent.ModelTrained(20, 0, new double[] {1, 0.5}, new double[] {0.1, 0.05}, new double[] {-1, -2},
                        new double[] {0.05, 0.06}, new int[] {0}, "early stop", 10, 2, 0.1),
                new RunEvent.Rollout(20, 0, 3, 10, new int[] {10, 10, 10}, new double[] {0.1, 0.2, 0.3},
                        new double[] {0.05, 0.1, 0.2}, new double[] {0.1, 0.2, 0.3}, new double[] {0.2, 0.3, 0.4}, 30, 30, 30, 0.1,
                        new int[] {0, 1, 2}, 0.25),
                new RunEvent.Predictions(20, new String[] {"a", "b", "c"}, List.of(seg)),
                new RunEvent.Progress(20, 100, 10, 2, 8));
    }

    /** Draws each chart into an off-screen canvas. */
    static void draw(List<JFreeChart> charts) {
        Canvas canvas = new Canvas(640, 400);
        FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
        for (JFreeChart chart : charts) {
            chart.draw(g, new Rectangle(0, 0, 640, 400));
        }
    }
}
