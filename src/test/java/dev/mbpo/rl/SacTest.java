package dev.mbpo.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.Choice;
import dev.mbpo.config.SacConfig;
import dev.mbpo.config.UpdateOrder;
import dev.mbpo.data.Batch;
import dev.mbpo.env.Box;
import dev.mbpo.nn.Engines;
import dev.mbpo.nn.ForcedCollection;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class SacTest {
    private static final Box UNIT = Box.uniform(1, -1f, 1f);

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    private static SacConfig config(boolean autoAlpha, double alpha) {
        return config(autoAlpha, alpha, "sequential");
    }

    private static SacConfig config(boolean autoAlpha, double alpha, String update) {
        return config(autoAlpha, alpha, Choice.parse(UpdateOrder.class, "sac.update", update));
    }

    private static SacConfig config(boolean autoAlpha, double alpha, UpdateOrder update) {
        return new SacConfig(List.of(64, 64), 1e-3, 1e-3, 1e-3, 0.99, 0.005, 128, null, alpha, autoAlpha, 1, 0, 1000, update);
    }

    /** One state, episodes of one step (terminated): Q(s, a) = r(a) = -(a - 0.5)^2 exactly. */
    private static Batch banditBatch(int n, SplittableRandom rnd) {
        Batch b = Batch.allocate(n, 1, 1);
        for (int i = 0; i < n; i++) {
            float a = (float) (rnd.nextDouble() * 2 - 1);
            b.actions()[i] = a;
            b.rewards()[i] = -(a - 0.5f) * (a - 0.5f);
            b.terminated()[i] = 1f;
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "simultaneous", "parallel"})
    void criticFitsAnalyticQAndActorMovesToTheBestAction(String update) {
        try (NDManager m = NDManager.newBaseManager(); Sac sac = new Sac(config(false, 0.01, update), 1, UNIT, 3, m)) {
            SplittableRandom rnd = new SplittableRandom(5);
            float before = sac.act(new float[] {0f}, true)[0];
            for (int i = 0; i < 1500; i++) {
                SacStats s = sac.update(banditBatch(128, rnd));
                assertTrue(s.finite(), "finite statistics at update " + i);
            }
            float[] actions = {-0.9f, -0.5f, 0f, 0.5f, 0.9f};
            float[] q = sac.q(new float[5], actions, 5);
            for (int i = 0; i < actions.length; i++) {
                double expected = -(actions[i] - 0.5) * (actions[i] - 0.5);
                assertEquals(expected, q[i], 0.05, "Q at a=" + actions[i]);
            }
            float after = sac.act(new float[] {0f}, true)[0];
            assertEquals(0.5, after, 0.1, "greedy action near argmax Q (was " + before + ")");
            assertTrue(Math.abs(after - 0.5) < Math.abs(before - 0.5), "moved toward the better action");
        }
    }

    @Test
    void temperatureFallsWhenEntropyIsAboveTarget() {
        try (NDManager m = NDManager.newBaseManager(); Sac sac = new Sac(config(true, 1.0), 1, UNIT, 4, m)) {
            SplittableRandom rnd = new SplittableRandom(6);
            SacStats s = null;
            for (int i = 0; i < 300; i++) {
                s = sac.update(banditBatch(128, rnd));
            }
            assertTrue(s.alpha() < 1.0, "alpha fell from 1.0 to " + s.alpha());
        }
    }

    @Test
    void sameSeedSameUpdatesAndSaveLoadRestoresEverything(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager();
             Sac a = new Sac(config(true, 1.0), 1, Box.uniform(1, -2f, 2f), 9, m);
             Sac b = new Sac(config(true, 1.0), 1, Box.uniform(1, -2f, 2f), 9, m);
             Sac c = new Sac(config(true, 1.0), 1, Box.uniform(1, -2f, 2f), 99, m)) {
            SplittableRandom r1 = new SplittableRandom(1);
            SplittableRandom r2 = new SplittableRandom(1);
            for (int i = 0; i < 20; i++) {
                assertEquals(a.update(banditBatch(64, r1)), b.update(banditBatch(64, r2)), "update " + i);
            }
            float[] act = a.act(new float[] {0.3f}, true);
            assertTrue(act[0] >= -2f && act[0] <= 2f, "scaled to the action space");
            a.save(dir);
            c.load(dir);
            assertArrayEquals(act, c.act(new float[] {0.3f}, true));
            assertEquals(a.alpha(), c.alpha());
            assertEquals(a.updates(), c.updates());
            // The optimiser state came along too: the next update is identical (noise streams differ, so use alpha fixed... compare Q instead).
            assertArrayEquals(a.q(new float[] {0.1f, 0.2f}, new float[] {1f, -1f}, 2), c.q(new float[] {0.1f, 0.2f}, new float[] {1f, -1f}, 2));
        }
    }

    /**
     * A GPU steps with the engine's Adam kernel, which writes the weights in place through the
     * engine; the CPU's fused pass does not. Both must run update after update and agree: the
     * first GPU run after the recorded views were cut once failed at the second update.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sequential", "simultaneous", "parallel"})
    void theEnginesAdamKernelAsOnAGpuRunsAndAgreesWithTheFusedStep(String update) {
        try (NDManager m = NDManager.newBaseManager();
             Sac fused = new Sac(config(true, 1.0, update), 1, UNIT, 21, m);
             Sac kernel = new Sac(config(true, 1.0, update), 1, UNIT, 21, m)) {
            kernel.useEngineKernels();
            SplittableRandom r1 = new SplittableRandom(6);
            SplittableRandom r2 = new SplittableRandom(6);
            for (int i = 0; i < 30; i++) {
                SacStats a = fused.update(banditBatch(64, r1));
                SacStats b = kernel.update(banditBatch(64, r2));
                assertTrue(b.finite(), "update " + i);
                assertEquals(a.criticLoss(), b.criticLoss(), 1e-3 * Math.max(1, Math.abs(a.criticLoss())), "critic loss, update " + i);
            }
            float[] probe = {-0.5f, 0f, 0.5f};
            assertArrayEquals(fused.q(new float[3], probe, 3), kernel.q(new float[3], probe, 3), 1e-3f, "critics after 30 updates");
        }
    }

    /** Loading into a policy that has already updated (its recorded views cut) must leave it able to update. */
    @Test
    void aPolicyThatLoadsAfterUpdatingKeepsUpdating(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager();
             Sac a = new Sac(config(true, 1.0), 1, Box.uniform(1, -2f, 2f), 9, m);
             Sac b = new Sac(config(true, 1.0), 1, Box.uniform(1, -2f, 2f), 10, m)) {
            SplittableRandom r = new SplittableRandom(2);
            for (int i = 0; i < 3; i++) {
                a.update(banditBatch(64, r));
                b.update(banditBatch(64, r));
            }
            a.save(dir);
            b.load(dir);
            assertArrayEquals(a.q(new float[] {0.1f}, new float[] {1f}, 1), b.q(new float[] {0.1f}, new float[] {1f}, 1));
            for (int i = 0; i < 3; i++) {
                assertTrue(b.update(banditBatch(64, r)).finite(), "update " + i + " after the load");
            }
        }
    }

    /**
     * DJL's products with a Java number keep that number in a buffer the garbage collector may
     * free before the backward pass reads it (nn.Scalars): a collection forced between every
     * forward and backward pass must change nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sequential", "simultaneous", "parallel"})
    void aGarbageCollectionBetweenForwardAndBackwardPassesChangesNothing(String update) {
        try (NDManager m = NDManager.newBaseManager();
             Sac quiet = new Sac(config(true, 1.0, update), 1, UNIT, 31, m);
             Sac collected = new Sac(config(true, 1.0, update), 1, UNIT, 31, m)) {
            collected.beforeBackward = ForcedCollection::run;
            SplittableRandom r1 = new SplittableRandom(4);
            SplittableRandom r2 = new SplittableRandom(4);
            for (int i = 0; i < 6; i++) {
                assertEquals(quiet.update(banditBatch(64, r1)), collected.update(banditBatch(64, r2)), "update " + i);
                ActorSnapshot a = quiet.snapshot(i);
                ActorSnapshot b = collected.snapshot(i);
                for (int w = 0; w < a.size(); w++) {
                    assertArrayEquals(a.weight(w), b.weight(w), "actor weights " + w + " after update " + i);
                }
            }
            float[] probe = {-0.5f, 0f, 0.5f};
            assertArrayEquals(quiet.q(new float[3], probe, 3), collected.q(new float[3], probe, 3), "critics");
        }
    }

    @Test
    void theParallelUpdateGivesExactlyTheSimultaneousOnesNumbers() {
        try (NDManager m = NDManager.newBaseManager();
             Sac one = new Sac(config(true, 1.0, "simultaneous"), 1, UNIT, 21, m);
             Sac two = new Sac(config(true, 1.0, "parallel"), 1, UNIT, 21, m);
             Sac seq = new Sac(config(true, 1.0, "sequential"), 1, UNIT, 21, m)) {
            SplittableRandom r1 = new SplittableRandom(2);
            SplittableRandom r2 = new SplittableRandom(2);
            SplittableRandom r3 = new SplittableRandom(2);
            SacStats last = null;
            SacStats lastSeq = null;
            for (int i = 0; i < 200; i++) {
                last = one.update(banditBatch(128, r1));
                assertEquals(last, two.update(banditBatch(128, r2)), "update " + i + " on two threads");
                lastSeq = seq.update(banditBatch(128, r3));
            }
            float[] probe = {-0.5f, 0f, 0.5f};
            assertArrayEquals(one.q(new float[3], probe, 3), two.q(new float[3], probe, 3));
            assertArrayEquals(one.act(new float[] {0f}, true), two.act(new float[] {0f}, true));
            assertTrue(last.finite());
            // A different order of steps is a different algorithm: the numbers must differ from the sequential one.
            assertTrue(last.actorLoss() != lastSeq.actorLoss(), "simultaneous and sequential updates differ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simultaneous", "parallel"})
    void aNonFiniteRewardSkipsTheCriticsStepInTheSimultaneousOrders(String update) {
        try (NDManager m = NDManager.newBaseManager(); Sac sac = new Sac(config(true, 1.0, update), 1, UNIT, 23, m)) {
            SplittableRandom rnd = new SplittableRandom(3);
            for (int i = 0; i < 5; i++) {
                sac.update(banditBatch(64, rnd));
            }
            float[] probe = {-0.5f, 0.5f};
            float[] qBefore = sac.q(new float[2], probe, 2);
            long updatesBefore = sac.updates();
            Batch bad = banditBatch(64, rnd);
            bad.rewards()[7] = Float.NaN;
            SacStats s = sac.update(bad);
            assertTrue(Double.isNaN(s.criticLoss()), "the critics' loss is reported");
            assertTrue(Double.isFinite(s.actorLoss()), "the actor's loss does not read rewards: " + s.actorLoss());
            assertArrayEquals(qBefore, sac.q(new float[2], probe, 2), "critics unchanged");
            assertEquals(updatesBefore, sac.updates(), "not counted as an update");
            assertTrue(sac.update(banditBatch(64, rnd)).finite(), "the next good batch trains normally");
        }
    }

    /**
     * A gradient that is not finite under a finite loss is recomputed once from the same inputs:
     * the fault's note tells a damaged result (finite the second time) from numbers that overflow
     * (not finite again). Either way the actor's step is skipped and its weights stay as they were.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sequential", "simultaneous", "parallel"})
    void aNonFiniteActorGradientIsRecomputedOnceAndTheNoteSaysWhatThatShowed(String update) {
        try (NDManager m = NDManager.newBaseManager(); Sac sac = new Sac(config(true, 1.0, update), 1, UNIT, 29, m)) {
            SplittableRandom rnd = new SplittableRandom(5);
            for (int i = 0; i < 5; i++) {
                sac.update(banditBatch(64, rnd));
            }
            float[] state = new float[1];
            float[] before = sac.act(state, true);
            sac.corruptActorPasses = 1;
            SacStats once = sac.update(banditBatch(64, rnd));
            assertTrue(Double.isNaN(once.actorLoss()) && Double.isFinite(once.criticLoss()), once.toString());
            assertTrue(once.note().contains("the actor's gradient was not finite") && once.note().contains("it was finite (so the first"),
                    once.note());
            assertArrayEquals(before, sac.act(state, true), "the actor did not step");
            sac.corruptActorPasses = 2;
            SacStats twice = sac.update(banditBatch(64, rnd));
            assertTrue(twice.note().contains("not finite again"), twice.note());
            assertArrayEquals(before, sac.act(state, true), "the actor did not step");
            assertEquals(0, sac.corruptActorPasses);
            SacStats good = sac.update(banditBatch(64, rnd));
            assertTrue(good.finite() && good.note() == null, good.toString());
        }
    }
}
