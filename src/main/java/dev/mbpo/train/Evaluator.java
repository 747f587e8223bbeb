package dev.mbpo.train;

import dev.mbpo.env.Env;
import dev.mbpo.env.StepResult;
import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates a policy over whole episodes on its own environment, seeded apart from the
 * training environment so that evaluation never disturbs training's random stream.
 */
final class Evaluator implements AutoCloseable {
    private final Env env;
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker(EpisodeKind.EVAL, true);
    private boolean seeded;
    /** The last run's rewards per episode, and the first observation of each. */
    private final List<float[]> lastRewards = new ArrayList<>();
    private final List<float[]> lastStarts = new ArrayList<>();

    Evaluator(Env env, long seed) {
        this.env = env;
        this.seed = seed;
    }

    /** Runs {@code episodes} episodes with {@code policy}; returns their events (returns and trajectories). */
    List<RunEvent.Episode> run(Function<float[], float[]> policy, int episodes, long step) {
        return run(policy, () -> { }, episodes, step);
    }

    /** As {@link #run(Function, int, long)}, calling {@code episodeStart} before each episode (a planner forgets its warm start). */
    List<RunEvent.Episode> run(Function<float[], float[]> policy, Runnable episodeStart, int episodes, long step) {
        List<RunEvent.Episode> out = new ArrayList<>(episodes);
        lastRewards.clear();
        lastStarts.clear();
        for (int e = 0; e < episodes; e++) {
            episodeStart.run();
            float[] obs = seeded ? env.reset() : env.reset(seed);
            seeded = true;
            lastStarts.add(obs.clone());
            tracker.start(env.state());
            StepResult r;
            List<Float> rewards = new ArrayList<>();
            do {
                float[] a = policy.apply(obs);
                r = env.step(a);
                rewards.add((float) r.reward());
                tracker.record(a, r.reward(), env.state());
                obs = r.observation();
            } while (!r.done());
            float[] rs = new float[rewards.size()];
            for (int i = 0; i < rs.length; i++) {
                rs[i] = rewards.get(i);
            }
            lastRewards.add(rs);
            out.add(tracker.finish(step));
        }
        return out;
    }

    /** The first observation of each episode of the last {@link #run}. */
    List<float[]> lastStarts() {
        return lastStarts;
    }

    /** Mean discounted return of the last run's episodes: what a critic's Q at the start states predicts. */
    double lastDiscountedReturn(double gamma) {
        double sum = 0;
        for (float[] rs : lastRewards) {
            double g = 0;
            for (int t = rs.length - 1; t >= 0; t--) {
                g = rs[t] + gamma * g;
            }
            sum += g;
        }
        return lastRewards.isEmpty() ? Double.NaN : sum / lastRewards.size();
    }

    @Override
    public void close() {
        env.close();
    }

    static double mean(List<RunEvent.Episode> eps) {
        return eps.stream().mapToDouble(RunEvent.Episode::episodeReturn).average().orElse(Double.NaN);
    }

    static double std(List<RunEvent.Episode> eps) {
        double m = mean(eps);
        return Math.sqrt(eps.stream().mapToDouble(e -> (e.episodeReturn() - m) * (e.episodeReturn() - m)).average().orElse(0));
    }
}
