package dev.mbpo.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void theInterquartileMeanCutsAQuarterFromEachEnd() {
        assertEquals(3.0, SeedStatistics.iqm(new double[] {1, 2, 3, 4, 100}), 1e-12, "n = 5: cut 1 each end, mean of 2, 3, 4");
        assertEquals(2.5, SeedStatistics.iqm(new double[] {4, 1, 3, 2}), 1e-12, "n = 4: mean of 2 and 3");
        assertEquals(4.75, SeedStatistics.iqm(new double[] {5, 1, 9, 3, 7, 2, 8, 4}), 1e-12, "n = 8: mean of 3, 4, 5, 7");
        assertEquals(7.0, SeedStatistics.iqm(new double[] {7, 7, 7}), 1e-12, "n = 3: nothing cut");
    }

    @Test
    void theExactBootstrapIntervalMatchesTheHandCount() {
        // {0, 3}: resample means 0, 1.5, 1.5, 3. 2.5th percentile at position 0.075: 0.1125;
        // 97.5th at 2.925: 1.5 + 0.925 * 1.5 = 2.8875.
        assertArrayEquals(new double[] {0.1125, 2.8875},
                SeedStatistics.bootstrap(new double[] {0, 3}, SeedStatistics.Statistic.MEAN, 0.95, 1), 1e-12);
        // {1, 2, 3}: sums of three draws 3..9 with counts 1, 3, 6, 7, 6, 3, 1 (27 resamples). Position 0.65
        // lies between 1 and 4/3: 1.21667; position 25.35 between 8/3 and 3: 2.78333.
        double[] ci = SeedStatistics.bootstrap(new double[] {1, 2, 3}, SeedStatistics.Statistic.MEAN, 0.95, 1);
        assertEquals(1 + 0.65 / 3, ci[0], 1e-12);
        assertEquals(8.0 / 3 + 0.35 / 3, ci[1], 1e-12);
        assertArrayEquals(new double[] {5, 5}, SeedStatistics.bootstrap(new double[] {5}, SeedStatistics.Statistic.IQM, 0.95, 1));
    }

    @Test
    void theSampledBootstrapIsSeededAndCoversTheMean() {
        double[] x = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * i;
        }
        double[] a = SeedStatistics.bootstrap(x, SeedStatistics.Statistic.MEAN, 0.95, 7);
        double[] b = SeedStatistics.bootstrap(x, SeedStatistics.Statistic.MEAN, 0.95, 7);
        assertArrayEquals(a, b, "same seed, same interval");
        double m = SeedStatistics.mean(x);
        assertTrue(a[0] < m && m < a[1], java.util.Arrays.toString(a) + " around " + m);
    }

    @Test
    void runsGroupBySettingWithBandsIqmAndStepsToTheThreshold() {
        RunConfig k1 = Presets.parse("{\"rollout\": {\"horizon\": 1}}", "t", List.of());
        RunConfig k5 = Presets.parse("{\"rollout\": {\"horizon\": 5}}", "t", List.of());
        List<GroupedRuns.Member> runs = List.of(
                new GroupedRuns.Member("a", k5, summary(-900, -300, -150)),
                new GroupedRuns.Member("b", k1, summary(-1000, -600, -400)),
                new GroupedRuns.Member("c", k1, summary(-1100, -250, -180)),
                new GroupedRuns.Member("d", k5, summary(-800, -190, -140)));
        List<GroupedRuns.Group> g = GroupedRuns.group(runs, "rollout.horizon", -200, 3);
        assertEquals(List.of("1", "5"), g.stream().map(GroupedRuns.Group::value).toList());
        GroupedRuns.Group one = g.get(0);
        assertEquals(List.of("b", "c"), one.runs());
        assertEquals(3, one.curve().size());
        // Step 200: mean of -600 and -250; the exact bootstrap of two gives means -600, -425, -425, -250, so the
        // interval is -600 + 0.075 * 175 and -425 + 0.925 * 175.
        assertArrayEquals(new double[] {200, -425, -586.875, -263.125}, one.curve().get(1), 1e-9);
        assertEquals(-290, one.finalIqm(), 1e-9);
        assertEquals(1, one.notReached());
        assertEquals(300, one.stepsToMedian(), 1e-9);
        GroupedRuns.Group five = g.get(1);
        assertEquals(200, five.stepsToMin(), 1e-9);
        assertEquals(300, five.stepsToMax(), 1e-9);
        assertEquals(250, five.stepsToMedian(), 1e-9);
        assertEquals("[20,150,1,15]", GroupedRuns.valueOf(Presets.parse("{\"rollout\": {\"schedule\": [20, 150, 1, 15]}}", "t",
                List.of()), "rollout.schedule"));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GroupedRuns.valueOf(k1, "rollout.horizn"));
        assertEquals("--group-by rollout.horizn: no such setting (mbpo keys lists them)", bad.getMessage());
    }

    /** Evaluations at steps 100, 200, 300. */
    private static RunSummary summary(double r1, double r2, double r3) {
        return new RunSummary(300, r3, Math.max(r1, Math.max(r2, r3)),
                List.of(new double[] {100, r1}, new double[] {200, r2}, new double[] {300, r3}), 10);
    }
}
