package dev.mbpo.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.MpcConfig;
import dev.mbpo.env.Box;
import dev.mbpo.env.TerminationFn;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CemPlannerTest {

    /**
     * A perfect deterministic model of x' = x + u with reward -(x^2 + u^2) on the state before the
     * step; every "member" is the same system, except that member j adds {@code drift * j} (zero here).
     */
    static ParticleModel scalarSystem(int members, double drift, List<int[]> blockLog) {
        return new ParticleModel() {
            @Override
            public int obsDim() {
                return 1;
            }

            @Override
            public int actDim() {
                return 1;
            }

            @Override
            public int members() {
                return members;
            }

            @Override
            public Stepper begin() {
                return new Stepper() {
                    @Override
                    public void step(float[] obs, float[] actions, int rowsPer, float[] nextObs, float[] rewards) {
                        for (int r = 0; r < obs.length; r++) {
                            int member = r / rowsPer;
                            nextObs[r] = obs[r] + actions[r] + (float) (drift * (member + 1));
                            rewards[r] = drift != 0 ? nextObs[r] : -(obs[r] * obs[r] + actions[r] * actions[r]);
                        }
                        if (blockLog != null) {
                            blockLog.add(new int[] {rowsPer, obs.length});
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** Finite-horizon LQ by the Riccati recursion: p_H = 0, p_t = 1 + p_{t+1} / (1 + p_{t+1}); u_0 = -p_1 / (1 + p_1) x_0. */
    static double optimalFirstGain(int horizon) {
        double p = 0;
        for (int t = horizon - 1; t >= 1; t--) {
            p = 1 + p / (1 + p);
        }
        return p / (1 + p);
    }

    @Test
    void findsTheKnownOptimumOfALinearQuadraticProblemThroughAPerfectModel() {
        int horizon = 8;
        MpcConfig c = new MpcConfig(horizon, 500, 50, 12, 1, 0.1, 1, 1);
        CemPlanner planner = new CemPlanner(c, Box.uniform(1, -2, 2), scalarSystem(1, 0, null), TerminationFn.NEVER,
                new SplittableRandom(3));
        double gain = optimalFirstGain(horizon);
        for (float x0 : new float[] {1f, -0.6f, 1.5f}) {
            planner.reset();
            float u = planner.act(new float[] {x0})[0];
            assertEquals(-gain * x0, u, 0.05, "first action from x0 = " + x0 + " (LQ optimum " + (-gain * x0) + ")");
        }
        assertEquals(0.618, optimalFirstGain(20), 1e-3, "the gain converges to 1/golden ratio");
        assertTrue(planner.lastPlanNanos() > 0);
    }

    @Test
    void eachParticleKeepsOneMemberForTheWholePlanAndPaddingIsNotScored() {
        // Member j adds j + 1 a step and the reward is the new state: from 0 over 3 steps a particle on
        // member 0 earns 1 + 2 + 3 = 6, one on member 1 earns 2 + 4 + 6 = 12.
        List<int[]> log = new ArrayList<>();
        ParticleModel model = scalarSystem(2, 1, log);
        float[][] zeroActions = {new float[3], new float[3]};
        CemPlanner four = new CemPlanner(new MpcConfig(3, 2, 1, 1, 4, 0.1, 1, 1), Box.uniform(1, -1, 1), model,
                TerminationFn.NEVER, new SplittableRandom(1));
        try (ParticleModel.Stepper s = model.begin()) {
            double[] scores = four.score(new float[] {0f}, zeroActions, s);
            assertEquals(9.0, scores[0], 1e-9, "two particles on each member: (6 + 6 + 12 + 12) / 4");
            assertEquals(9.0, scores[1], 1e-9);
        }
        assertEquals(3, log.size(), "one model call per planned step for all candidates and particles");
        assertEquals(2 * 2 * 2, log.get(0)[1], "rows: 2 members x 2 candidates x 2 particles each");
        CemPlanner three = new CemPlanner(new MpcConfig(3, 2, 1, 1, 3, 0.1, 1, 1), Box.uniform(1, -1, 1), model,
                TerminationFn.NEVER, new SplittableRandom(1));
        try (ParticleModel.Stepper s = model.begin()) {
            double[] scores = three.score(new float[] {0f}, zeroActions, s);
            assertEquals(8.0, scores[0], 1e-9, "particles 0 and 2 on member 0, particle 1 on member 1: (6 + 6 + 12) / 3");
        }
    }

    @Test
    void aTerminatedParticleEarnsNothingAfterItsLastStep() {
        // x' = x + u, reward 1 a step; the episode ends once x > 1. With u = 0.5 from 0: 0.5, 1.0, 1.5 (ends): 3 rewards.
        ParticleModel alive = new ParticleModel() {
            @Override
            public int obsDim() {
                return 1;
            }

            @Override
            public int actDim() {
                return 1;
            }

            @Override
            public int members() {
                return 1;
            }

            @Override
            public Stepper begin() {
                return new Stepper() {
                    @Override
                    public void step(float[] obs, float[] actions, int rowsPer, float[] nextObs, float[] rewards) {
                        for (int r = 0; r < obs.length; r++) {
                            nextObs[r] = obs[r] + actions[r];
                            rewards[r] = 1;
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        TerminationFn beyondOne = TerminationFn.ofNext((next, off, dim) -> next[off] > 1);
        CemPlanner p = new CemPlanner(new MpcConfig(6, 2, 1, 1, 1, 0.1, 1, 1), Box.uniform(1, -1, 1), alive, beyondOne,
                new SplittableRandom(1));
        float[][] candidates = {{0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, {0f, 0f, 0f, 0f, 0f, 0f}};
        try (ParticleModel.Stepper s = alive.begin()) {
            double[] scores = p.score(new float[] {0f}, candidates, s);
            assertEquals(3.0, scores[0], 1e-9);
            assertEquals(6.0, scores[1], 1e-9);
        }
        // And the planner prefers staying alive: its first action keeps x at or below 1.
        CemPlanner planner = new CemPlanner(new MpcConfig(6, 100, 10, 4, 1, 0.1, 1, 1), Box.uniform(1, -1, 1), alive,
                beyondOne, new SplittableRandom(2));
        float x = 0.9f;
        for (int t = 0; t < 10; t++) {
            x += planner.act(new float[] {x})[0];
            assertTrue(x <= 1f, "step " + t + ": x = " + x);
        }
    }

    @Test
    void actionsStayWithinTheBoundsAndTheWarmStartShiftsByOneStep() {
        CemPlanner planner = new CemPlanner(new MpcConfig(5, 100, 10, 3, 1, 0.1, 1, 1), Box.uniform(1, -0.3f, 0.3f),
                scalarSystem(1, 0, null), TerminationFn.NEVER, new SplittableRandom(5));
        float[] a = planner.act(new float[] {3f});
        assertTrue(a[0] >= -0.3f && a[0] <= 0.3f, "action " + a[0]);
        assertTrue(a[0] < -0.2f, "far from the origin the best action pushes back at nearly full force: " + a[0]);
        float[] plan = planner.lastPlan();
        assertEquals(5, plan.length);
        assertEquals(plan[0], a[0], 1e-6);
    }
}
