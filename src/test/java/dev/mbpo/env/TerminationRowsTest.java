package dev.mbpo.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A batch's termination, answered in one pass over flat arrays, is each row's termination. */
class TerminationRowsTest {

    static java.util.List<String> ids() {
        return Envs.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void theBatchAnswerIsEveryRowsAnswer(String id) {
        Assumptions.assumeTrue(Envs.unavailable(id).isEmpty(), () -> id + " skipped: " + Envs.unavailable(id).orElse(""));
        try (Env env = Envs.make(id)) {
            int obsDim = env.observationSpace().dim();
            int actDim = env.actionSpace().dim();
            SplittableRandom r = new SplittableRandom(11);
            int rows = 600;
            float[] obs = new float[rows * obsDim];
            float[] actions = new float[rows * actDim];
            float[] next = new float[rows * obsDim];
            // Real transitions of a random policy, then some rows pushed out of bounds or made not finite.
            float[] o = env.reset(3);
            for (int row = 0; row < rows; row++) {
                float[] a = new float[actDim];
                for (int d = 0; d < actDim; d++) {
                    a[d] = (float) (r.nextDouble() * 2 - 1);
                }
                StepResult s = env.step(a);
                System.arraycopy(o, 0, obs, row * obsDim, obsDim);
                System.arraycopy(a, 0, actions, row * actDim, actDim);
                System.arraycopy(s.observation(), 0, next, row * obsDim, obsDim);
                o = s.done() ? env.reset(100 + row) : s.observation();
                if (row % 7 == 3) {
                    next[row * obsDim + r.nextInt(obsDim)] *= (float) (1 + 50 * r.nextDouble());
                } else if (row % 31 == 5) {
                    next[row * obsDim + r.nextInt(obsDim)] = row % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
                }
            }
            boolean[] done = new boolean[rows];
            env.terminationFn().terminatedRows(obs, actions, next, rows, obsDim, actDim, done);
            int ended = 0;
            for (int row = 0; row < rows; row++) {
                float[] oi = java.util.Arrays.copyOfRange(obs, row * obsDim, (row + 1) * obsDim);
                float[] ai = java.util.Arrays.copyOfRange(actions, row * actDim, (row + 1) * actDim);
                float[] ni = java.util.Arrays.copyOfRange(next, row * obsDim, (row + 1) * obsDim);
                assertEquals(env.terminationFn().terminated(oi, ai, ni), done[row], id + " row " + row);
                ended += done[row] ? 1 : 0;
            }
            if (env.terminationFn() != TerminationFn.NEVER && !id.startsWith("MountainCar")) {
                assertTrue(ended > 0, id + ": some rows end an episode, so the comparison means something");
            }
        }
    }
}
