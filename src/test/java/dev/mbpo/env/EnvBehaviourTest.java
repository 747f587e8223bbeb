package dev.mbpo.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvBehaviourTest {

    /** The classic-control environments (the MuJoCo tasks have tests of their own, in env.mujoco). */
    static java.util.List<String> ids() {
        return Envs.ids().stream().filter(id -> !Envs.needsMujoco(id)).toList();
    }

    @Test
    void registryHasTheFourClassicEnvironmentsAndTheFiveMujocoTasks() {
        assertEquals(java.util.List.of("Pendulum-v1", "MountainCarContinuous-v0", "ContinuousCartPole-v0", "CartPoleSwingUp-v0",
                "InvertedPendulum-v4", "HalfCheetah-v4", "Hopper-v4", "Walker2d-v4", "Ant-v4"), Envs.ids());
        assertEquals(4, ids().size());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Envs.make("Pendulum-v0"));
        assertTrue(e.getMessage().contains("'Pendulum-v0'"), e.getMessage());
        for (String id : Envs.ids()) {
            assertTrue(e.getMessage().contains(id), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void sameSeedSameEpisodeAndObservationsInTheSpace(String id) {
        Env a = Envs.make(id);
        Env b = Envs.make(id);
        SplittableRandom actions = new SplittableRandom(7);
        assertArrayEquals(a.reset(42), b.reset(42));
        for (int t = 0; t < 50; t++) {
            float[] act = {(float) (actions.nextDouble() * 2 - 1)};
            StepResult ra = a.step(act);
            StepResult rb = b.step(act);
            assertArrayEquals(ra.observation(), rb.observation());
            assertEquals(ra.reward(), rb.reward());
            if (ra.done()) {
                break;
            }
        }
        assertFalse(java.util.Arrays.equals(Envs.make(id).reset(1), Envs.make(id).reset(2)), "different seeds differ");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void timeLimitTruncatesAtTheStepLimit(String id) {
        Env env = Envs.make(id);
        env.reset(3);
        int steps = 0;
        StepResult r;
        do {
            // Keep the state harmless so that the task never terminates: reset the physics each step.
            env.setState(env.state().length == 4 && id.contains("SwingUp") ? new double[] {0, 0, Math.PI, 0}
                    : env.state().length == 4 ? new double[] {0, 0, 0, 0}
                    : id.contains("Mountain") ? new double[] {-0.5, 0} : new double[] {1, 0});
            r = env.step(new float[] {0f});
            steps++;
        } while (!r.done() && steps < 10_000);
        assertTrue(r.truncated(), "truncated");
        assertFalse(r.terminated(), "not terminated");
        assertEquals(env.maxEpisodeSteps(), steps);
        assertThrows(IllegalStateException.class, () -> env.step(new float[] {0f}), "step after the end needs reset");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void badInputNamesTheEnvironmentAndWhatIsAllowed(String id) {
        Env env = Envs.make(id);
        assertThrows(IllegalStateException.class, () -> env.step(new float[] {0f}), "step before reset");
        env.reset(0);
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class, () -> env.step(new float[] {0f, 1f}));
        assertTrue(len.getMessage().startsWith(id + ":") && len.getMessage().contains("expected 1"), len.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> env.step(new float[] {Float.NaN}));
        assertTrue(nan.getMessage().contains(id) && nan.getMessage().contains("NaN"), nan.getMessage());
        double[] badState = env.state();
        badState[0] = Double.NaN;
        IllegalArgumentException st = assertThrows(IllegalArgumentException.class, () -> env.setState(badState));
        assertTrue(st.getMessage().contains(id) && st.getMessage().contains("finite"), st.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[7]));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void pureFunctionsAgreeWithTheEnvironmentOnRandomRollouts(String id) {
        Env env = Envs.make(id);
        SplittableRandom rnd = new SplittableRandom(11);
        float[] obs = env.reset(5);
        for (int t = 0; t < 2000; t++) {
            float[] act = {(float) (rnd.nextDouble() * 3 - 1.5)};
            StepResult r = env.step(act);
            assertEquals(r.terminated(), env.terminationFn().terminated(obs, act, r.observation()), "termination at step " + t);
            double predicted = env.rewardFn().orElseThrow().reward(obs, act, r.observation());
            GymnasiumParityTest.assertClose(r.reward(), predicted, id + " reward at step " + t);
            obs = r.done() ? env.reset() : r.observation();
        }
    }

    @Test
    void pendulumResetDistributionMatchesGymnasium() {
        Env env = Envs.make(Pendulum.ID);
        env.reset(0);
        for (int i = 0; i < 1000; i++) {
            env.reset();
            double[] s = env.state();
            assertTrue(s[0] >= -Math.PI && s[0] < Math.PI && s[1] >= -1 && s[1] < 1);
        }
    }

    @Test
    void mountainCarResetsAtRestInTheValley() {
        Env env = Envs.make(MountainCarContinuous.ID);
        env.reset(0);
        for (int i = 0; i < 1000; i++) {
            float[] o = env.reset();
            assertTrue(o[0] >= -0.6f && o[0] <= -0.4f && o[1] == 0f);
        }
    }

    @Test
    void cartPoleFallsUnderGravityAndTerminatesPastTwelveDegrees() {
        Env env = Envs.make(ContinuousCartPole.ID);
        env.reset(0);
        env.setState(new double[] {0, 0, 0.1, 0});
        StepResult r = env.step(new float[] {0f});
        // With no force the pole's angular acceleration is g sin(theta) / (l (4/3 - m cos^2 / M)) > 0.
        double expectedAcc = 9.8 * Math.sin(0.1) / (0.5 * (4.0 / 3.0 - 0.1 * Math.cos(0.1) * Math.cos(0.1) / 1.1));
        assertEquals(0.02 * expectedAcc, r.observation()[3], 1e-6);
        int steps = 1;
        while (!r.done()) {
            r = env.step(new float[] {0f});
            steps++;
        }
        assertTrue(r.terminated() && steps < 100, "falls over within 2 s");
        assertTrue(Math.abs(env.state()[2]) > 12 * Math.PI / 180);
        assertEquals(1.0, r.reward(), "reward 1 also on the terminal step, as in Gymnasium");
    }

    @Test
    void swingUpStartsHangingDownAndRewardsUprightCentred() {
        Env env = Envs.make(CartPoleSwingUp.ID);
        float[] o = env.reset(9);
        assertTrue(o[2] < -0.99f, "cos theta near -1 when hanging down");
        env.setState(new double[] {0, 0, 0, 0});
        StepResult up = env.step(new float[] {0f});
        assertEquals(1.0, up.reward(), 1e-3);
        env.setState(new double[] {0, 0, Math.PI, 0});
        assertEquals(0.0, env.step(new float[] {0f}).reward(), 1e-6);
        env.setState(new double[] {2.39, 5, 0, 0});
        assertTrue(env.step(new float[] {1f}).terminated(), "leaving the track terminates");
    }

    @Test
    void actionsOutsideTheSpaceAreClipped() {
        Env a = Envs.make(Pendulum.ID);
        Env b = Envs.make(Pendulum.ID);
        a.reset(1);
        b.reset(1);
        assertArrayEquals(a.step(new float[] {50f}).observation(), b.step(new float[] {2f}).observation());
    }
}
