package dev.mbpo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.mbpo.env.TerminationFn;
import dev.mbpo.nn.Engines;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelEnvPenaltyTest {

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    @Test
    void thePenaltyIsExactlyLambdaTimesTheLargestMembersNextStateSpread() {
        SplittableRandom r = new SplittableRandom(2);
        try (NDManager m = NDManager.newBaseManager();
             DynamicsEnsemble e = new DynamicsEnsemble(DynamicsEnsembleTest.small(20, 5), 2, 1, 3, m)) {
            new EnsembleTrainer(e).train(DynamicsEnsembleTest.linearSystem(500, 0.05, r), r, ep -> { }, () -> false);
            int rows = 64;
            float[] obs = new float[rows * 2];
            float[] act = new float[rows];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) r.nextDouble(-1.5, 1.5);
            }
            for (int i = 0; i < rows; i++) {
                act[i] = (float) r.nextDouble(-1, 1);
            }
            ModelEnv env = new ModelEnv(e, TerminationFn.NEVER, null);
            double lambda = 2.5;
            ModelEnv.Step plain = env.penalised(obs, act, rows, new SplittableRandom(9), 0);
            ModelEnv.Step penalised = env.penalised(obs, act, rows, new SplittableRandom(9), lambda);
            EnsemblePrediction all = e.predict(obs, act, rows);
            for (int row = 0; row < rows; row++) {
                double worst = 0;
                for (int member = 0; member < all.members(); member++) {
                    double sq = 0;
                    for (int d = 0; d < 2; d++) {
                        sq += Math.pow(all.std(member, row, d + 1), 2);
                    }
                    worst = Math.max(worst, Math.sqrt(sq));
                }
                assertEquals(worst, penalised.uncertainty()[row], 1e-6, "u of row " + row);
                assertTrue(worst > 0);
                assertEquals(plain.rewards()[row] - lambda * penalised.uncertainty()[row], penalised.rewards()[row], 1e-5,
                        "row " + row + ": r - lambda u");
                assertEquals(plain.nextObs()[2 * row], penalised.nextObs()[2 * row], "the penalty leaves the states alone");
            }
        }
    }
}
