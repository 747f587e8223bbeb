package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.ConfigException;
import dev.mbpo.run.RunEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disagreement-aware rollouts: the cut rule, the adaptive horizon, and both in a run. */
class DisagreementAwareRolloutTest {

    @Test
    void theCutRuleCutsExactlyTheBranchesAboveTheThreshold() {
        double[] d = {0.1, 0.5, 0.5000001, 0.49, 2.0, 0.0};
        assertArrayEquals(new boolean[] {true, true, false, true, false, true}, BranchCut.survivors(d, 6, 0.5),
                "at the threshold a branch goes on; above it, it ends");
        assertArrayEquals(new boolean[] {true, true, true}, BranchCut.survivors(d, 3, Double.NaN), "no threshold: no cut");
        assertArrayEquals(new boolean[] {true, false}, BranchCut.survivors(new double[] {0.2, 0.7, 9.0}, 2, 0.5),
                "only the rows stepped are judged");
    }

    @Test
    void aBranchWhoseImaginedStepIsNotFiniteEndsThereAndTheOthersGoOn() {
        float[] next = {0.1f, 0.2f, Float.NaN, 0.4f, 0.5f, 0.6f, 0.7f, Float.POSITIVE_INFINITY, 9f, 9f};
        float[] rewards = {1f, 1f, 1f, Float.NaN, 1f};
        assertArrayEquals(new boolean[] {true, false, true, false}, BranchCut.finiteRows(next, rewards, 4, 2),
                "a non-finite state coordinate or reward ends that branch only");
        assertArrayEquals(new boolean[] {true, false, true, false, true}, BranchCut.finiteRows(next, rewards, 5, 2));
        assertArrayEquals(new boolean[] {true}, BranchCut.finiteRows(next, rewards, 1, 2), "only the rows stepped are judged");
    }

    @Test
    void theScheduleCountsEpochsFromTheEndOfTheRandomStepsAsTheOriginalCodeDoes() {
        assertEquals(0, ModelBranch.scheduleEpoch(5000, 5000, 1000), "the first model training: epoch 0");
        assertEquals(0, ModelBranch.scheduleEpoch(5999, 5000, 1000));
        assertEquals(20, ModelBranch.scheduleEpoch(25_000, 5000, 1000));
        assertEquals(0, ModelBranch.scheduleEpoch(400, 5000, 1000), "never negative");
        // Hopper's schedule [20, 150, 1, 15]: k = 1 until 20 epochs after the 5,000 random steps, 15 from 150 on.
        dev.mbpo.config.RolloutConfig hopper = new dev.mbpo.config.RolloutConfig(100_000, 1, List.of(20, 150, 1, 15), 1, 25, 3,
                dev.mbpo.config.RolloutCut.NONE, 0.9, false, 0.05);
        assertEquals(1, hopper.horizonAt(ModelBranch.scheduleEpoch(25_000, 5000, 1000)));
        assertEquals(2, hopper.horizonAt(ModelBranch.scheduleEpoch(35_000, 5000, 1000)));
        assertEquals(15, hopper.horizonAt(ModelBranch.scheduleEpoch(155_000, 5000, 1000)));
    }

    @Test
    void adaptiveHorizonIsTheLargestKUnderTheTolerance() {
        double[] err = {0, 0.01, 0.03, 0.049, 0.06, 0.02};
        assertEquals(3, BranchCut.horizonWithin(err, 0.05), "stops at the first k over the tolerance");
        assertEquals(1, BranchCut.horizonWithin(err, 0.001), "at least one step");
        assertEquals(5, BranchCut.horizonWithin(new double[] {0, 0.01, 0.01, 0.01, 0.01, 0.01}, 0.05));
    }

    @Test
    void badSettingsNameTheField() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> MbpoLoopTest.tinyMbpo(1, 300, "rollout.cut=quantile", "rollout.cutThreshold=1.5"));
        assertEquals("rollout.cutThreshold", e.field());
        e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> MbpoLoopTest.tinyMbpo(1, 300, "rollout.cut=sometimes"));
        assertEquals("rollout.cut", e.field());
    }

    @Test
    void quantileCutsAreRecordedPerStepAndAdaptiveHorizonFollowsTheMeasuredError() {
        List<RunEvent> events = MbpoLoopTest.run(MbpoLoopTest.tinyMbpo(3, 500, "rollout.schedule=null", "rollout.horizon=5",
                "rollout.cut=quantile", "rollout.cutThreshold=0.5", "rollout.adaptiveHorizon=true", "rollout.errorTolerance=0.02"));
        List<RunEvent.Rollout> rollouts = events.stream().filter(e -> e instanceof RunEvent.Rollout).map(e -> (RunEvent.Rollout) e).toList();
        List<RunEvent.Horizon> horizons = events.stream().filter(e -> e instanceof RunEvent.Horizon).map(e -> (RunEvent.Horizon) e).toList();
        assertEquals(3, rollouts.size());
        assertEquals(3, horizons.size(), "the open-loop error is measured after every training");
        for (int i = 0; i < rollouts.size(); i++) {
            RunEvent.Rollout r = rollouts.get(i);
            assertEquals(BranchCut.horizonWithin(horizons.get(i).errorMean(), 0.02), r.horizon(), "k from the measured error");
            assertTrue(r.cutThreshold() > 0, "a threshold from held-out disagreement");
            assertEquals(r.horizon(), r.cut().length);
            long stepped = Arrays.stream(r.alive()).sum();
            long cut = Arrays.stream(r.cut()).sum();
            assertEquals(stepped - cut, r.imagined(), "every stepped branch is either kept or cut");
            // Branches start from real states: at the median of held-out disagreement, about half are cut at step 1.
            double first = r.cut()[0] / (double) r.alive()[0];
            assertTrue(first > 0.2 && first < 0.8, "fraction cut at step 1: " + first);
            for (int t = 1; t < r.horizon(); t++) {
                assertEquals(r.alive()[t - 1] - r.cut()[t - 1], r.alive()[t], "cut branches do not go on (Pendulum never terminates)");
            }
        }
    }
}
