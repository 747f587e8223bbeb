package dev.mbpo.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures people compare runs by, computed from a run's events.
 *
 * @param steps       last real step recorded
 * @param lastEval    last eval/return (NaN when none)
 * @param bestEval    best eval/return (NaN when none)
 * @param evalCurve   (step, eval/return) pairs in order
 * @param wallSeconds elapsed seconds at the last progress event (NaN when none)
 */
public record RunSummary(long steps, double lastEval, double bestEval, List<double[]> evalCurve, double wallSeconds) {

    public static RunSummary of(List<RunEvent> events) {
        long steps = 0;
        double last = Double.NaN;
        double best = Double.NaN;
        double wall = Double.NaN;
        double wallOffset = 0;
        List<double[]> curve = new ArrayList<>();
        for (RunEvent e : events) {
            steps = Math.max(steps, e.step());
            if (e instanceof RunEvent.Started && Double.isFinite(wall)) {
                wallOffset = wall; // a resumed run: elapsed time restarts in the new process
            }
            java.util.OptionalDouble ret = RunEvent.evalReturn(e);
            if (ret.isPresent()) {
                double v = ret.getAsDouble();
                last = v;
                best = Double.isNaN(best) ? v : Math.max(best, v);
                curve.add(new double[] {e.step(), v});
            } else if (e instanceof RunEvent.Progress p) {
                wall = wallOffset + p.elapsedSeconds();
            }
        }
        return new RunSummary(steps, last, best, List.copyOf(curve), wall);
    }

    /** First step whose eval/return reached {@code threshold}, or -1. */
    public long stepsTo(double threshold) {
        for (double[] p : evalCurve) {
            if (p[1] >= threshold) {
                return (long) p[0];
            }
        }
        return -1;
    }
}
