package dev.mbpo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonRowTest {

    private static RunEvent eval(long step, double ret, double actMs) {
        return new RunEvent.Metrics(step, Map.of(RunEvent.EVAL_RETURN, ret, "eval/act_ms", actMs));
    }

    private static RunEvent progress(long step, double elapsed) {
        return new RunEvent.Progress(step, 1000, 1, elapsed, 0);
    }

    @Test
    void measuresStepsAndWallTimeToTheThresholdAndTheMedianCostOfAnAction() {
        RunConfig mpc = Presets.parse("{\"algorithm\": \"mpc\", \"mpc\": {\"horizon\": 20, \"particles\": 5}}", "t", List.of());
        List<RunEvent> events = List.of(progress(100, 10), eval(200, -900, 150), progress(200, 30), progress(300, 45),
                eval(400, -190, 170), progress(400, 70), eval(600, -150, 160), progress(600, 100));
        ComparisonRow r = ComparisonRow.of("run-a", mpc, events, -200);
        assertEquals(400, r.realStepsTo());
        assertEquals(70, r.wallSecondsTo(), 1e-9, "the first progress report at or after step 400");
        assertEquals(160, r.actMillis(), 1e-9, "median of 150, 170, 160");
        assertEquals(-150, r.bestReturn(), 1e-9);
        assertEquals("online, 600 real steps", r.interaction());
        assertEquals("replans every step over H = 20, 5 particles on 5 elites", r.modelError());
        ComparisonRow never = ComparisonRow.of("run-a", mpc, events, -100);
        assertEquals(-1, never.realStepsTo());
        assertEquals(Double.NaN, never.wallSecondsTo());
    }

    @Test
    void anOfflineRunCountsItsDatasetAsItsRealSteps() {
        RunConfig off = Presets.parse("{\"algorithm\": \"offline\", \"offline\": {\"penalty\": 0.5}, \"rollout\": {\"horizon\": 5}}",
                "t", List.of());
        List<RunEvent> events = List.of(new RunEvent.Metrics(0, Map.of(ComparisonRow.DATASET_SIZE, 5000.0)),
                eval(250, -700, 0.2), progress(250, 20), eval(500, -250, 0.3), progress(500, 40));
        ComparisonRow r = ComparisonRow.of("run-b", off, events, -300);
        assertEquals(5000, r.realStepsTo());
        assertEquals(5000, r.realSteps());
        assertEquals(40, r.wallSecondsTo(), 1e-9);
        assertEquals("none: a fixed dataset of 5000 transitions", r.interaction());
        assertEquals("uncertainty penalty lambda = 0.5, k = 5", r.modelError());
        assertEquals("no model", ComparisonRow.of("c", Presets.parse("{\"algorithm\": \"sac\"}", "t", List.of()), events, 0).modelError());
    }
}
