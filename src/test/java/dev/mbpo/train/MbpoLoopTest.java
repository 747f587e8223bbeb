package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MbpoLoopTest {

    static RunConfig tinyMbpo(long seed, int steps, String... more) {
        List<String> o = new java.util.ArrayList<>(List.of("run.seed=" + seed, "run.totalSteps=" + steps, "run.evalEvery=100",
                "run.evalEpisodes=1", "run.device=cpu", "sac.hidden=[32,32]", "sac.batchSize=32", "sac.updatesPerStep=2",
                "sac.initialRandomSteps=200", "model.members=3", "model.elites=2", "model.hidden=[32,32]",
                "model.weightDecay=[1e-5]", "model.maxEpochs=5", "rollout.batchSize=300",
                "rollout.schedule=[0,2,1,3]", "rollout.predictionHorizon=10", "rollout.predictionSegments=2",
                "mbpo.epochLength=100", "mbpo.modelTrainFreq=100"));
        o.addAll(List.of(more));
        return Presets.parse("{\"name\": \"tiny mbpo\", \"algorithm\": \"mbpo\", \"env\": \"Pendulum-v1\"}", "test", o);
    }

    static List<RunEvent> run(RunConfig c) {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        assertEquals(SessionState.FINISHED, new TrainingSession(c, events::add).runBlocking());
        return events;
    }

    @Test
    void followsAlgorithmTwoAndReportsEverythingTheViewsPlot() {
        List<RunEvent> events = run(tinyMbpo(1, 500));
        List<RunEvent.ModelTrained> trainings = events.stream().filter(e -> e instanceof RunEvent.ModelTrained)
                .map(e -> (RunEvent.ModelTrained) e).toList();
        assertEquals(List.of(200L, 300L, 400L), trainings.stream().map(RunEvent::step).toList(),
                "trained after the random steps, then every modelTrainFreq");
        assertEquals(2, trainings.get(0).elites().length);
        assertEquals(5, trainings.get(0).trainLoss().length, "max epochs");
        List<RunEvent.Rollout> rollouts = events.stream().filter(e -> e instanceof RunEvent.Rollout)
                .map(e -> (RunEvent.Rollout) e).toList();
        // Schedule [0, 2, 1, 3] by epochs of 100 steps counted from the end of the 200 random steps:
        // steps 200, 300, 400 are epochs 0, 1, 2 -> k = 1, 2, 3.
        assertEquals(List.of(1, 2, 3), rollouts.stream().map(RunEvent.Rollout::horizon).toList());
        RunEvent.Rollout r2 = rollouts.get(2);
        assertEquals(300, r2.alive()[0]);
        assertEquals(3, r2.disagreementMean().length);
        assertTrue(r2.disagreementP10()[0] <= r2.disagreementP50()[0] && r2.disagreementP50()[0] <= r2.disagreementP90()[0]);
        // Buffer capacity = retainEpochs * k * M * E / freq: 1 * 2 * 300 * 1 = 600 at k = 2, 900 at k = 3;
        // rebuilt (keeping the newest data) when k changes.
        assertEquals(600, rollouts.get(1).bufferCapacity());
        assertEquals(900, r2.bufferCapacity());
        assertEquals(List.of(300L, 600L, 900L), rollouts.stream().map(RunEvent.Rollout::imagined).toList(),
                "Pendulum never terminates: all branches run k steps");
        assertEquals(900, r2.bufferSize(), "full after the third rollouts");
        List<RunEvent.Predictions> preds = events.stream().filter(e -> e instanceof RunEvent.Predictions)
                .map(e -> (RunEvent.Predictions) e).toList();
        assertEquals(3, preds.size());
        RunEvent.Segment seg = preds.get(0).segments().get(0);
        assertEquals(11, seg.real().length);
        assertEquals(3, seg.means().length);
        assertEquals(11, seg.error().length);
        assertEquals("cos theta", preds.get(0).observationLabels()[0]);
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("model/holdout_mse")));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("time/model_train_s")));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Phase p && p.phase() == dev.mbpo.run.LoopPhase.ROLLOUT));
    }

    @Test
    void sameSeedSameFirstEpoch() {
        List<Double> a = evals(run(tinyMbpo(3, 300)));
        List<Double> b = evals(run(tinyMbpo(3, 300)));
        assertEquals(3, a.size());
        assertEquals(a, b);
    }

    static List<Double> evals(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("eval/return"))
                .map(e -> ((RunEvent.Metrics) e).values().get("eval/return")).toList();
    }
}
