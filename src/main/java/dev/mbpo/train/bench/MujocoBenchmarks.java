package dev.mbpo.train.bench;

import dev.mbpo.env.Envs;
import dev.mbpo.env.StepResult;
import dev.mbpo.env.mujoco.MujocoEnv;
import dev.mbpo.env.mujoco.MujocoSim;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What one environment step of a MuJoCo task costs: through the JNI shim as the environment
 * calls it (controls in, the state copied out), against the shim's own loop in C (the same
 * steps, no crossing, nothing copied); the difference is what the binding adds. Also the whole
 * {@code Env.step} (observation, reward and termination in Java).
 */
public final class MujocoBenchmarks {
    private static final int STEPS_PER_SAMPLE = 200;

    private MujocoBenchmarks() {
    }

    public static BenchResult step(String id, int repeat) {
        try (MujocoEnv env = (MujocoEnv) Envs.make(id)) {
            MujocoSim sim = env.sim();
            SplittableRandom rnd = new SplittableRandom(1);
            double[] controls = new double[sim.nu()];
            for (int i = 0; i < controls.length; i++) {
                controls[i] = 0.5 * (rnd.nextDouble() * 2 - 1);
            }
            float[] action = new float[controls.length];
            for (int i = 0; i < action.length; i++) {
                action[i] = (float) controls[i];
            }
            double[] state = new double[sim.nq() + sim.nv()];
            env.reset(1);
            double[] start = env.state();
            // sim.setState between samples: each sample starts from the same state
            double[] crossing = new double[repeat];
            double[] inside = new double[repeat];
            double[] whole = new double[repeat];
            for (int r = -repeat / 5; r < repeat; r++) { // the first fifth warms up, untimed
                sim.setState(start);
                long t0 = System.nanoTime();
                for (int k = 0; k < STEPS_PER_SAMPLE; k++) {
                    sim.step(controls, env.frameSkip(), state);
                }
                long t1 = System.nanoTime();
                sim.setState(start);
                long t2 = System.nanoTime();
                sim.stepInside(controls, env.frameSkip(), STEPS_PER_SAMPLE);
                long t3 = System.nanoTime();
                env.reset(r + repeat); // a new episode: the time limit counts from here
                long t4 = System.nanoTime();
                for (int k = 0; k < STEPS_PER_SAMPLE; k++) {
                    StepResult s = env.step(action);
                    if (s.done()) {
                        env.reset(); // (a reset costs about as much as 2-10 steps: mj_resetData clears the simulator's arena)
                    }
                }
                long t5 = System.nanoTime();
                if (r >= 0) {
                    crossing[r] = (t1 - t0) / 1e3 / STEPS_PER_SAMPLE;
                    inside[r] = (t3 - t2) / 1e3 / STEPS_PER_SAMPLE;
                    whole[r] = (t5 - t4) / 1e3 / STEPS_PER_SAMPLE;
                }
            }
            BenchResult throughShim = new BenchResult("", "us", crossing, Map.of());
            BenchResult loop = new BenchResult("", "us", inside, Map.of());
            BenchResult envStep = new BenchResult("", "us", whole, Map.of());
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("shim_loop_us", loop.median());
            extra.put("env_step_us", envStep.median());
            extra.put("crossing_fraction", (throughShim.median() - loop.median()) / throughShim.median());
            return new BenchResult(id + " step through the shim", "us", crossing, extra);
        }
    }
}
