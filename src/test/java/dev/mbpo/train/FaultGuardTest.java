package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.env.Box;
import dev.mbpo.nn.Engines;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.rl.Sac;
import dev.mbpo.rl.SacStats;
import dev.mbpo.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every SAC update's statistics are checked: non-finite losses and a diverging critic are caught at once. */
class FaultGuardTest {
    private static RunConfig config(String onFault) {
        return Presets.parse("{\"env\": \"Pendulum-v1\"}", "test", List.of("run.onFault=" + onFault, "sac.gamma=0.99"));
    }

    private static SacStats ok(double meanQ) {
        return new SacStats(1.0, -2.0, 0.2, 1.0, meanQ);
    }

    @Test
    void aDivergingCriticStopsTheRunWithinOneUpdate() {
        List<RunEvent> events = new ArrayList<>();
        FaultGuard g = new FaultGuard(config("recover"), 1, events::add);
        g.observeReward(-16.27); // Pendulum's worst step
        double limit = g.criticLimit(0.2);
        assertEquals(10 * (16.27 + 0.2 * 10 + 1) / 0.01, limit, 1e-6);
        assertTrue(g.check(ok(-1600), 5, 0, null), "a sound Pendulum critic (returns down to about -1,600)");
        NumericalFault f = assertThrows(NumericalFault.class, () -> g.check(ok(-3e6), 5, 7, null));
        assertTrue(f.getMessage().startsWith("critic diverged at SAC update 8 of step 5: mean Q -3.000e+06, beyond 1.927e+04"), f.getMessage());
        RunEvent.Fault e = (RunEvent.Fault) events.get(0);
        assertEquals("critic_divergence", e.kind());
        assertEquals(5, e.step());
    }

    @Test
    void recoverSkipsAtMostThreeBatchesAnEpochAndHalvesTheLearningRates() {
        Engines.start(new EngineOptions("cpu", 1, 1));
        List<RunEvent> events = new ArrayList<>();
        RunConfig c = config("recover");
        FaultGuard g = new FaultGuard(c, 1, events::add);
        SacStats nan = new SacStats(Double.NaN, Double.NaN, 0.2, Double.NaN, Double.NaN);
        try (NDManager m = NDManager.newBaseManager(); Sac sac = new Sac(c.sac(), 3, Box.uniform(1, -2f, 2f), 1, m)) {
            for (int i = 0; i < FaultGuard.RECOVERIES_PER_EPOCH; i++) {
                assertFalse(g.check(nan, 10 + i, 0, sac), "skipped, not counted");
            }
            assertEquals(3, events.size());
            assertEquals(c.sac().criticLr() / 8, sac.criticLearningRate(), 1e-9, "halved three times");
            assertTrue(((RunEvent.Fault) events.get(2)).detail().contains("recovered: the batch was skipped and the SAC learning "
                    + "rates halved (recovery 3 of 3 this epoch)"), events.get(2).toString());
            NumericalFault f = assertThrows(NumericalFault.class, () -> g.check(nan, 13, 0, sac));
            assertTrue(f.getMessage().contains("more than 3 faults this epoch"), f.getMessage());
            g.newEpoch();
            assertFalse(g.check(nan, 1000, 0, sac), "a new epoch allows recovering again");
            assertEquals(4, g.recoveries());
        }
    }

    @Test
    void stopModeStopsAtTheFirstNonFiniteLoss() {
        List<RunEvent> events = new ArrayList<>();
        FaultGuard g = new FaultGuard(config("stop"), 1, events::add);
        SacStats nan = new SacStats(Double.NaN, Double.NaN, 0.2, Double.NaN, Double.NaN);
        assertThrows(NumericalFault.class, () -> g.check(nan, 3, 0, null));
        assertEquals("sac_update", ((RunEvent.Fault) events.get(0)).kind());
    }
}
