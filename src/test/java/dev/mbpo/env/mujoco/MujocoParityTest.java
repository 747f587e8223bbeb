package dev.mbpo.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mbpo.TestPaths;
import dev.mbpo.env.StepResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own MuJoCo models and task rules reproduce transitions made with Gymnasium's
 * model files and v4 rules on the same libmujoco: single steps from a set state within 1e-5
 * relative (observation, reward, next state), chained steps within 1e-4, termination equal.
 * Skipped, saying which, where the reference data or MuJoCo is absent.
 */
class MujocoParityTest {
    private static final String REFERENCE = "mujoco/gymnasium_mujoco_v4_transitions.json";
    /** Every task of the reference. */
    private static final Map<String, Supplier<MujocoEnv>> TASKS = Map.of(
            InvertedPendulum.ID, InvertedPendulum::new,
            HalfCheetah.ID, HalfCheetah::new,
            Hopper.ID, Hopper::new,
            Walker2d.ID, Walker2d::new,
            Ant.ID, Ant::new);

    private static void needMujoco() {
        Assumptions.assumeTrue(MujocoLibrary.available(), () -> "skipped: MuJoCo is unavailable here: "
                + MujocoLibrary.unavailableReason());
    }

    static Stream<Arguments> records() throws IOException {
        JsonNode root = new ObjectMapper().readTree(TestPaths.reference(REFERENCE).toFile());
        needMujoco();
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (JsonNode t : root.get("transitions")) {
            if (TASKS.containsKey(t.get("env").asText())) {
                out.add(Arguments.of(t.get("env").asText(), t.get("kind").asText(), i, t));
            }
            i++;
        }
        return out.stream();
    }

    @Test
    void theReferenceWasMadeWithThisMujocoAndCoversEveryTask() throws IOException {
        JsonNode root = new ObjectMapper().readTree(TestPaths.reference(REFERENCE).toFile());
        needMujoco();
        assertEquals(MujocoLibrary.EXPECTED_VERSION, root.get("mujoco_version").asInt());
        for (String task : TASKS.keySet()) {
            long singles = 0;
            long chains = 0;
            for (JsonNode t : root.get("transitions")) {
                if (t.get("env").asText().equals(task)) {
                    singles += t.get("kind").asText().equals("single") ? 1 : 0;
                    chains += t.get("kind").asText().equals("chain") ? 1 : 0;
                }
            }
            assertTrue(singles >= 10 && chains >= 1, task + ": " + singles + " single and " + chains + " chained records");
        }
    }

    @ParameterizedTest(name = "{0} {1} #{2}")
    @MethodSource("records")
    void theProjectsModelReproducesGymnasium(String task, String kind, int index, JsonNode t) {
        try (MujocoEnv env = TASKS.get(task).get()) {
            env.reset(1);
            env.setState(concat(t.get("qpos"), t.get("qvel")));
            if (kind.equals("single")) {
                StepResult r = env.step(floats(t.get("action")));
                assertClose(doubles(t.get("observation")), r.observation(), 1e-5, "observation");
                assertClose(t.get("reward").asDouble(), r.reward(), 1e-5, "reward");
                assertEquals(t.get("terminated").asBoolean(), r.terminated(), "terminated");
                double[] next = env.state();
                double[] expected = concat(t.get("next_qpos"), t.get("next_qvel"));
                for (int i = 0; i < expected.length; i++) {
                    assertClose(expected[i], next[i], 1e-5, "next state [" + i + "]");
                }
            } else {
                int step = 0;
                for (JsonNode s : t.get("steps")) {
                    StepResult r = env.step(floats(s.get("action")));
                    assertClose(doubles(s.get("observation")), r.observation(), 1e-4, "observation at chained step " + step);
                    assertClose(s.get("reward").asDouble(), r.reward(), 1e-4, "reward at chained step " + step);
                    assertEquals(s.get("terminated").asBoolean(), r.terminated(), "terminated at chained step " + step);
                    step++;
                }
            }
        }
    }

    private static void assertClose(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }

    private static void assertClose(double[] expected, float[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], rel, what + " [" + i + "]");
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static float[] floats(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) a.get(i).asDouble();
        }
        return v;
    }

    private static double[] concat(JsonNode qpos, JsonNode qvel) {
        double[] p = doubles(qpos);
        double[] v = doubles(qvel);
        double[] s = java.util.Arrays.copyOf(p, p.length + v.length);
        System.arraycopy(v, 0, s, p.length, v.length);
        return s;
    }
}
