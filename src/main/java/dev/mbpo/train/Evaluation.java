package dev.mbpo.train;

import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Evaluation every {@code run.evalEvery} real steps and at the end: deterministic episodes
 * on the evaluation environment, the critic's value map, and one metrics event with the
 * return, the time spent per part of the loop and the memory figures.
 */
final class Evaluation {
    /** Milliseconds per action in evaluation: the cost of acting when deployed (a forward pass, or a whole plan). */
    static final String ACT_MS = "eval/act_ms";
    /** The critic's Q at the evaluation episodes' start states, and the discounted return they got. */
    static final String Q_START = "eval/q_start";
    static final String DISCOUNTED_RETURN = "eval/discounted_return";

    private final LoopParts parts;
    private final Consumer<RunEvent> events;
    private final LoopTelemetry telemetry;
    private Supplier<Map<String, Double>> extra = Map::of;
    /** What acts in evaluation episodes: the policy's mean action unless a loop says otherwise (MPC plans). */
    private java.util.function.Function<float[], float[]> actor;
    private Runnable episodeStart = () -> { };
    private boolean probeValues = true;

    Evaluation(LoopParts parts, Consumer<RunEvent> events, LoopTelemetry telemetry) {
        this.parts = parts;
        this.events = events;
        this.telemetry = telemetry;
    }

    /** More figures for each evaluation's metrics (the asynchronous loop's rates). */
    void reportAlso(Supplier<Map<String, Double>> more) {
        this.extra = more;
    }

    /** Evaluation episodes act through {@code act} (reset by {@code onEpisodeStart}); no value map is probed. */
    void actWith(java.util.function.Function<float[], float[]> act, Runnable onEpisodeStart) {
        this.actor = act;
        this.episodeStart = onEpisodeStart;
        this.probeValues = false;
    }

    /**
     * What the critic predicts at the evaluation episodes' start states, Q(s0, pi(s0)), against
     * the discounted return the policy then got: far apart when the critic overestimates, as an
     * offline run without a penalty does.
     */
    private Map<String, Double> criticAgainstReturns() {
        List<float[]> starts = parts.evaluator.lastStarts();
        if (starts.isEmpty()) {
            return Map.of();
        }
        int obsDim = starts.get(0).length;
        float[] obs = new float[starts.size() * obsDim];
        for (int i = 0; i < starts.size(); i++) {
            System.arraycopy(starts.get(i), 0, obs, i * obsDim, obsDim);
        }
        float[] actions = parts.sac.actBatch(obs, starts.size(), true);
        float[] q = parts.sac.q(obs, actions, starts.size());
        double mean = 0;
        for (float v : q) {
            mean += v / q.length;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Q_START, mean);
        m.put(DISCOUNTED_RETURN, parts.evaluator.lastDiscountedReturn(parts.config.sac().gamma()));
        return m;
    }

    boolean due(long step) {
        return step % parts.config.run().evalEvery() == 0 || step == parts.config.run().totalSteps();
    }

    void run(long step) {
        int episodes = parts.config.run().evalEpisodes();
        if (episodes == 0) {
            return;
        }
        telemetry.enter(step, LoopPhase.EVALUATE);
        telemetry.time("evaluate");
        java.util.function.Function<float[], float[]> act = actor != null ? actor : o -> parts.sac.act(o, true);
        long[] actNanos = new long[2];
        List<RunEvent.Episode> eps = parts.evaluator.run(o -> {
            long t0 = System.nanoTime();
            float[] a = act.apply(o);
            actNanos[0] += System.nanoTime() - t0;
            actNanos[1]++;
            return a;
        }, episodeStart, episodes, step);
        telemetry.endTiming();
        eps.forEach(events);
        parts.lastEval = eps.get(eps.size() - 1);
        parts.lastEvals = eps;
        if (probeValues) {
            ValueMapProbe.measure(step, parts.env, parts.sac).ifPresent(events);
        }
        Map<String, Double> critic = probeValues ? criticAgainstReturns() : Map.of();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(RunEvent.EVAL_RETURN, Evaluator.mean(eps));
        m.put("eval/return_std", Evaluator.std(eps));
        m.put(ACT_MS, actNanos[1] == 0 ? Double.NaN : actNanos[0] / 1e6 / actNanos[1]);
        m.putAll(critic);
        telemetry.putTimings(step, m);
        if (parts.model != null) {
            m.put("rollout/model_buffer", (double) parts.model.modelBuffer().size());
        }
        MemoryStatistics.put(m, parts.manager);
        m.putAll(extra.get());
        events.accept(new RunEvent.Metrics(step, m));
        telemetry.enter(step, LoopPhase.COLLECT);
    }
}
