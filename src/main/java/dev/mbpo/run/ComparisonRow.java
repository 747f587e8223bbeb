package dev.mbpo.run;

import dev.mbpo.config.Algorithm;
import dev.mbpo.config.RunConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One column of the comparison table of MBPO's neighbours (SAC, MBPO, MPC, offline), measured
 * from a run's events: how much real interaction reached the threshold and how long it took,
 * what an action costs once deployed, and how the method handles model error.
 *
 * @param algorithm        what the run learns with
 * @param runId            the run
 * @param seed             its seed
 * @param realStepsTo      real environment steps when the evaluation return first reached the
 *                         threshold: -1 when it did not; an offline run counts its dataset
 * @param wallSecondsTo    wall time to that evaluation, NaN when not reached
 * @param bestReturn       best evaluation return
 * @param actMillis        median milliseconds per action in evaluation (a forward pass, or a plan)
 * @param realSteps        real environment steps the run took or used (the dataset for offline)
 * @param interaction      online interaction, in words
 * @param modelError       how model error is kept in check, in words
 */
public record ComparisonRow(Algorithm algorithm, String runId, long seed, long realStepsTo, double wallSecondsTo,
                            double bestReturn, double actMillis, long realSteps, String interaction, String modelError) {

    /** The offline run's dataset size is reported with this metric at its first step. */
    public static final String DATASET_SIZE = "offline/dataset_size";

    public static ComparisonRow of(String runId, RunConfig config, List<RunEvent> events, double threshold) {
        RunSummary s = RunSummary.of(events);
        long dataset = -1;
        List<Double> act = new ArrayList<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Metrics m) {
                Double d = m.values().get(DATASET_SIZE);
                if (d != null) {
                    dataset = d.longValue();
                }
                Double a = m.values().get("eval/act_ms");
                if (a != null && Double.isFinite(a)) {
                    act.add(a);
                }
            }
        }
        boolean offline = config.algorithm() == Algorithm.OFFLINE;
        long step = s.stepsTo(threshold);
        long realTo = step < 0 ? -1 : offline ? Math.max(0, dataset) : step;
        double wallTo = step < 0 ? Double.NaN : wallAt(events, step);
        long real = offline ? Math.max(0, dataset) : s.steps();
        String interaction = offline ? "none: a fixed dataset of " + Math.max(0, dataset) + " transitions"
                : "online, " + s.steps() + " real steps";
        return new ComparisonRow(config.algorithm(), runId, config.run().seed(), realTo, wallTo, s.bestEval(), median(act),
                real, interaction, modelError(config));
    }

    /** Wall seconds when the run had done {@code step} steps: the first progress report at or after it. */
    static double wallAt(List<RunEvent> events, long step) {
        double offset = 0;
        double last = Double.NaN;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Started && Double.isFinite(last)) {
                offset = last;
            } else if (e instanceof RunEvent.Progress p) {
                last = offset + p.elapsedSeconds();
                if (p.step() >= step) {
                    return last;
                }
            }
        }
        return last;
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** How the method keeps model error from hurting it, from its settings. */
    static String modelError(RunConfig c) {
        return switch (c.algorithm()) {
            case SAC -> "no model";
            case MBPO -> "short branched rollouts, k = " + horizon(c) + ", from real states";
            case MPC -> String.format(Locale.ROOT, "replans every step over H = %d, %d particles on %d elites",
                    c.mpc().horizon(), c.mpc().particles(), c.model().elites());
            case OFFLINE -> String.format(Locale.ROOT, "uncertainty penalty lambda = %s, k = %s",
                    trim(c.offline().penalty()), horizon(c));
        };
    }

    private static String horizon(RunConfig c) {
        List<Integer> s = c.rollout().schedule();
        return s == null ? Integer.toString(c.rollout().horizon()) : s.get(2) + " to " + s.get(3);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
