package dev.mbpo.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.env.StepResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tasks as environments: seeding, the time limit, and termination functions that agree with the tasks. */
class MujocoTasksTest {
    @BeforeEach
    void needMujoco() {
        Assumptions.assumeTrue(MujocoLibrary.available(), () -> "skipped: MuJoCo is unavailable here: "
                + MujocoLibrary.unavailableReason());
    }

    private static float[] randomAction(Env env, SplittableRandom rnd) {
        float[] a = new float[env.actionSpace().dim()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (env.actionSpace().low(i) + rnd.nextDouble() * (env.actionSpace().high(i) - env.actionSpace().low(i)));
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvertedPendulum-v4", "HalfCheetah-v4", "Hopper-v4", "Walker2d-v4", "Ant-v4"})
    void theSameSeedGivesTheSameEpisode(String id) {
        List<float[]> first = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
            try (MujocoEnv env = (MujocoEnv) Envs.make(id)) {
                SplittableRandom rnd = new SplittableRandom(3);
                float[] obs = env.reset(42);
                for (int t = 0; t < 50; t++) {
                    if (round == 0) {
                        first.add(obs);
                    } else {
                        assertArrayEquals(first.get(t), obs, id + " step " + t);
                    }
                    StepResult r = env.step(randomAction(env, rnd));
                    if (r.done()) {
                        break;
                    }
                    obs = r.observation();
                }
            }
        }
        assertEquals(id.equals("InvertedPendulum-v4") ? 4 : Envs.make(id).observationSpace().dim(), first.get(0).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvertedPendulum-v4", "Hopper-v4", "Walker2d-v4", "Ant-v4", "HalfCheetah-v4"})
    void theTerminationFunctionAgreesWithTheTaskOnRandomRollouts(String id) {
        try (MujocoEnv env = (MujocoEnv) Envs.make(id)) {
            SplittableRandom rnd = new SplittableRandom(7);
            float[] obs = env.reset(5);
            int ends = 0;
            for (int t = 0; t < 3000; t++) {
                float[] a = randomAction(env, rnd);
                StepResult r = env.step(a);
                assertEquals(r.terminated(), env.terminationFn().terminated(obs, a, r.observation()), id + " at step " + t);
                ends += r.terminated() ? 1 : 0;
                obs = r.done() ? env.reset() : r.observation();
            }
            if (!id.equals("HalfCheetah-v4")) {
                assertTrue(ends > 0, id + ": random actions end some episodes, so both answers were checked");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HalfCheetah-v4"})
    void anEpisodeIsTruncatedAfterAThousandSteps(String id) {
        try (MujocoEnv env = (MujocoEnv) Envs.make(id)) {
            SplittableRandom rnd = new SplittableRandom(1);
            env.reset(1);
            StepResult r = null;
            for (int t = 0; t < MujocoEnv.MAX_EPISODE_STEPS; t++) {
                r = env.step(randomAction(env, rnd));
                assertFalse(r.truncated() && t < MujocoEnv.MAX_EPISODE_STEPS - 1, "truncated early at " + t);
            }
            assertTrue(r.truncated() && !r.terminated());
        }
    }
}
