package dev.mbpo.train.bench;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.model.EnsembleTrainer;
import dev.mbpo.nn.Engines;
import dev.mbpo.plan.CemPlanner;
import dev.mbpo.plan.EnsembleParticles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Milliseconds per planned action with an MPC preset's planner and ensemble on Pendulum-v1
 * (trained briefly on synthetic Pendulum transitions; the cost does not depend on the weights),
 * and where the time goes: the ensemble's forward passes, the rest of each model step (Gaussian
 * sampling, closed-form rewards), and the planner's own work (sampling candidates, scoring,
 * refitting).
 */
public final class PlanBenchmarks {
    private PlanBenchmarks() {
    }

    public static BenchResult plan(Path preset, List<String> overrides, int repeat) {
        Engines.prepareThread();
        RunConfig c = Presets.load(preset, overrides);
        SplittableRandom r = new SplittableRandom(5);
        try (Env env = Envs.make(c.env()); NDManager m = NDManager.newBaseManager(Engines.device());
             DynamicsEnsemble e = new DynamicsEnsemble(c.model(), env.observationSpace().dim(), env.actionSpace().dim(), 1, m)) {
            if (!c.env().equals("Pendulum-v1")) {
                throw new IllegalArgumentException("the plan benchmark trains on synthetic Pendulum-v1 data; " + preset + " is on " + c.env());
            }
            new EnsembleTrainer(e).train(ModelBenchmarks.pendulumData(2000, r).all(), r, ep -> { }, () -> false);
            EnsembleParticles particles = new EnsembleParticles(e, c.model().analyticReward() ? env.rewardFn().orElse(null) : null, r);
            CemPlanner planner = new CemPlanner(c.mpc(), env.actionSpace(), particles, env.terminationFn(), r);
            float[] obs = env.reset(1);
            for (int i = 0; i < 3; i++) {
                obs = env.step(planner.act(obs)).observation(); // warm-up
            }
            double[] ms = new double[repeat];
            long forward = 0;
            long steps = 0;
            for (int i = 0; i < repeat; i++) {
                particles.resetTimes();
                long t0 = System.nanoTime();
                float[] a = planner.act(obs);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                forward += particles.forwardNanos();
                steps += particles.stepNanos();
                obs = env.step(a).observation();
            }
            double total = 0;
            for (double v : ms) {
                total += v;
            }
            Map<String, Double> x = new LinkedHashMap<>();
            x.put("forward_fraction", forward / 1e6 / total);
            x.put("sampling_and_reward_fraction", (steps - forward) / 1e6 / total);
            x.put("planner_own_fraction", 1 - steps / 1e6 / total);
            x.put("model_rows_per_plan", (double) c.mpc().rowsPerStep() * c.mpc().horizon() * c.mpc().iterations());
            return new BenchResult(String.format("mpc plan, %s (H %d, %d x %d particles, %d iterations)", preset, c.mpc().horizon(),
                    c.mpc().population(), c.mpc().particles(), c.mpc().iterations()), "ms", ms, x);
        }
    }
}
