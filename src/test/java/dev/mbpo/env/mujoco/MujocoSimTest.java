package dev.mbpo.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.env.StepResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The binding's behaviour: bad input in one clear line, native memory freed by close or by the cleaner. */
class MujocoSimTest {
    @BeforeEach
    void needMujoco() {
        Assumptions.assumeTrue(MujocoLibrary.available(), () -> "skipped: MuJoCo is unavailable here: "
                + MujocoLibrary.unavailableReason());
    }

    @Test
    void theLibraryIsTheVersionTheTasksWereCheckedOn() {
        assertEquals(MujocoLibrary.EXPECTED_VERSION, MujocoNative.version());
        assertEquals(MujocoNative.headerVersion(), MujocoNative.version());
    }

    @Test
    void aModelThatDoesNotCompileIsNamedWithMujocosReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MujocoSim("Broken-v0", "<mujoco><worldbody><body><joint type=\"hinge\" range=\"5\"/></body></worldbody></mujoco>"));
        assertTrue(e.getMessage().startsWith("Broken-v0: the model file does not compile: "), e.getMessage());
        IllegalArgumentException notXml = assertThrows(IllegalArgumentException.class, () -> new MujocoSim("Broken-v0", "not a model"));
        assertTrue(notXml.getMessage().startsWith("Broken-v0: the model file does not compile: "), notXml.getMessage());
    }

    @Test
    void aStateOfTheWrongLengthAndNanControlsAreRefusedWithTheReason() {
        try (MujocoEnv env = new Hopper()) {
            env.reset(3);
            IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> env.setState(new double[5]));
            assertTrue(s.getMessage().startsWith("Hopper-v4: state has length 5, expected 12"), s.getMessage());
            IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> env.step(new float[] {0, Float.NaN, 0}));
            assertTrue(a.getMessage().startsWith("Hopper-v4: action[1] is NaN"), a.getMessage());
            StepResult r = env.step(new float[] {0.1f, -0.2f, 0.3f});
            assertEquals(11, r.observation().length);
        }
    }

    @Test
    void aClosedSimulationSaysSoAndClosingTwiceIsHarmless() {
        MujocoEnv env = new InvertedPendulum();
        env.reset(1);
        env.close();
        env.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(new float[] {0}));
        assertEquals("the MuJoCo simulation was closed", e.getMessage());
    }

    @Test
    void simulationsDroppedWithoutClosingAreFreedByTheCleaner() throws InterruptedException {
        int before = MujocoSim.live(); // without a cleaner, 200 more would stay alive
        for (int i = 0; i < 200; i++) {
            Env env = Envs.make(HalfCheetah.ID);
            env.reset(i);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (MujocoSim.live() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(MujocoSim.live() <= before, "still alive after collections: " + (MujocoSim.live() - before));
    }
}
