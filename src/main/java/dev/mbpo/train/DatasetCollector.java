package dev.mbpo.train;

import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Box;
import dev.mbpo.env.Env;
import dev.mbpo.env.StepResult;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Collects an offline dataset: whole episodes of a behaviour policy (a saved policy's
 * deterministic action plus Gaussian noise of standard deviation {@code noise} times the action
 * range's half-width, clipped to the bounds; or uniformly random actions when the policy is null).
 */
public final class DatasetCollector {
    private DatasetCollector() {
    }

    /**
     * @param policy   the behaviour policy's deterministic action, or null for uniformly random actions
     * @param progress called after each episode with the number of episodes done
     */
    public static ReplayBuffer collect(Env env, Function<float[], float[]> policy, int episodes, double noise, long seed,
                                       java.util.function.IntConsumer progress) {
        Box box = env.actionSpace();
        int act = box.dim();
        ReplayBuffer out = new ReplayBuffer(episodes * env.maxEpisodeSteps(), env.observationSpace().dim(), act);
        SplittableRandom random = new SplittableRandom(seed);
        float[] obs = env.reset(seed);
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                obs = env.reset();
            }
            StepResult r;
            do {
                float[] a = new float[act];
                float[] base = policy == null ? null : policy.apply(obs);
                for (int d = 0; d < act; d++) {
                    double lo = box.low(d);
                    double hi = box.high(d);
                    double v = base == null ? random.nextDouble(lo, hi) : base[d] + noise * 0.5 * (hi - lo) * random.nextGaussian();
                    a[d] = (float) Math.max(lo, Math.min(hi, v));
                }
                r = env.step(a);
                out.add(obs, a, r.reward(), r.observation(), r.terminated());
                obs = r.observation();
            } while (!r.done());
            progress.accept(e + 1);
        }
        return out;
    }
}
