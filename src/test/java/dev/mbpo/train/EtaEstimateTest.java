package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EtaEstimateTest {
    private static final long S = 1_000_000_000L;

    @Test
    void whileExploringThereIsNoEstimateAndAfterItTheTrainingRateCounts() {
        // 400 random steps in 1 s, then training at 10 steps/s: 2,000 steps in all.
        EtaEstimate eta = new EtaEstimate(0, 400, 2000, 0);
        for (long step = 1; step <= 400; step++) {
            eta.observe(step, step * S / 400);
            assertTrue(Double.isNaN(eta.secondsLeft(step, step * S / 400)), "no estimate while exploring (step " + step + ")");
        }
        long t = S;
        for (long step = 401; step <= 500; step++) {
            t += S / 10;
            eta.observe(step, t);
        }
        // The naive average (500 steps in 11 s) would promise 33 s; 1,500 steps at 10 steps/s are 150 s.
        assertEquals(150.0, eta.secondsLeft(500, t), 1e-6);
        assertEquals(0.0, eta.secondsLeft(2000, t + 150 * S), 0.0);
    }

    @Test
    void aResumedRunPastItsExplorationEstimatesFromItsFirstStep() {
        EtaEstimate eta = new EtaEstimate(1000, 400, 2000, 5 * S);
        eta.observe(1100, 15 * S);
        assertEquals(90.0, eta.secondsLeft(1100, 15 * S), 1e-6);
    }
}
