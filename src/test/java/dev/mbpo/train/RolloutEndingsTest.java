package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.run.RunEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rollout reports how often its first imagined step ended a branch, beside how often real steps end episodes. */
class RolloutEndingsTest {

    private static List<Map<String, Double>> rolloutMetrics(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("rollout/horizon"))
                .map(e -> ((RunEvent.Metrics) e).values()).toList();
    }

    @Test
    void aTaskThatEndsEpisodesShowsEndingsInBothTheRealStartsAndTheImaginedFirstSteps() {
        // A random cart-pole falls within tens of steps, so real endings are frequent; the termination
        // function on the model's predicted states must end some first steps from the states just before a fall.
        List<Map<String, Double>> rollouts = rolloutMetrics(MbpoLoopTest.run(MbpoLoopTest.tinyMbpo(1, 400,
                "env=ContinuousCartPole-v0", "rollout.batchSize=2000")));
        assertEquals(2, rollouts.size());
        for (Map<String, Double> m : rollouts) {
            double real = m.get("rollout/ended_real");
            double imagined = m.get("rollout/ended_first_step");
            assertTrue(real > 0.01 && real < 0.5, "real endings among the starts: " + real);
            assertTrue(imagined > 0 && imagined <= 1, "imagined first steps ended: " + imagined);
        }
    }

    @Test
    void aTaskWithoutEndingsReportsNone() {
        for (Map<String, Double> m : rolloutMetrics(MbpoLoopTest.run(MbpoLoopTest.tinyMbpo(1, 300)))) {
            assertEquals(0.0, m.get("rollout/ended_real"));
            assertEquals(0.0, m.get("rollout/ended_first_step"));
        }
    }
}
