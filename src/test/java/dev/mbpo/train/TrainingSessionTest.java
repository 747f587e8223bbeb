package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {

    static RunConfig tiny(long seed, int steps) {
        return Presets.parse("{\"name\": \"tiny\", \"algorithm\": \"sac\", \"env\": \"Pendulum-v1\"}", "test", List.of(
                "run.seed=" + seed, "run.totalSteps=" + steps, "run.evalEvery=200", "run.evalEpisodes=2", "run.device=cpu",
                "sac.hidden=[32,32]", "sac.batchSize=32", "sac.initialRandomSteps=100"));
    }

    private static List<RunEvent> run(RunConfig c) {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        assertEquals(SessionState.FINISHED, new TrainingSession(c, events::add).runBlocking());
        return events;
    }

    private static List<Double> evalReturns(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("eval/return"))
                .map(e -> ((RunEvent.Metrics) e).values().get("eval/return")).toList();
    }

    @Test
    void sameSeedGivesIdenticalEvaluationsAndOtherSeedsDiffer() {
        List<Double> a = evalReturns(run(tiny(4, 400)));
        List<Double> b = evalReturns(run(tiny(4, 400)));
        List<Double> c = evalReturns(run(tiny(5, 400)));
        assertEquals(2, a.size());
        assertEquals(a, b, "same seed, same config, same CPU: identical evaluations");
        assertFalse(a.equals(c), "another seed gives other returns");
    }

    @Test
    void eventsTellTheWholeStory() {
        List<RunEvent> events = run(tiny(1, 450));
        assertTrue(events.get(0) instanceof RunEvent.Started s && s.env().equals("Pendulum-v1") && s.totalSteps() == 450);
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.Ended e && e.status() == dev.mbpo.run.RunStatus.FINISHED && e.step() == 450, last.toString());
        assertEquals(3, evalReturns(events).size(), "evaluations at 200, 400 and the last step");
        List<RunEvent.Episode> evals = events.stream().filter(e -> e instanceof RunEvent.Episode ep && ep.kind() == dev.mbpo.run.EpisodeKind.EVAL)
                .map(e -> (RunEvent.Episode) e).toList();
        assertEquals(6, evals.size());
        assertEquals(201, evals.get(0).states().length, "states before each step and after the last");
        assertEquals(200, evals.get(0).actions().length);
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("train/critic_loss")));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("time/steps_per_s")));
        long trainEpisodes = events.stream().filter(e -> e instanceof RunEvent.Episode ep && ep.kind() == dev.mbpo.run.EpisodeKind.TRAIN).count();
        assertEquals(2, trainEpisodes, "two 200-step training episodes in 450 steps");
    }

    /**
     * Pause holds the trainer between steps, resume lets it go on, stop ends the run. The sink
     * runs on the trainer thread and notes the session's state at every event: the trainer only
     * reads PAUSED while it waits, so no event may ever be emitted in that state.
     */
    @Test
    void pauseHoldsTheTrainerAndResumeAndStopAct() throws Exception {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        List<SessionState> statesAtEvents = new CopyOnWriteArrayList<>();
        TrainingSession[] session = new TrainingSession[1];
        TrainingSession s = new TrainingSession(tiny(2, 1_000_000), e -> {
            events.add(e);
            statesAtEvents.add(session[0].state());
        });
        session[0] = s;
        s.start();
        waitFor(() -> events.stream().anyMatch(e -> e instanceof RunEvent.Progress), 60);
        s.pause();
        waitFor(() -> s.state() == SessionState.PAUSED, 30);
        long pausedAt = lastStep(events);
        s.resume();
        waitFor(() -> lastStep(events) > pausedAt, 30);
        s.stop();
        assertTrue(s.awaitEnd(30, TimeUnit.SECONDS), "stopped");
        assertFalse(statesAtEvents.contains(SessionState.PAUSED), "no event while paused");
        assertEquals(SessionState.STOPPED, s.state());
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.Ended e && e.status() == dev.mbpo.run.RunStatus.STOPPED, last.toString());
    }

    @Test
    void unknownEnvironmentIsAConfigError() {
        RunConfig bad = Presets.parse("{\"env\": \"Pendulum-v9\"}", "test", List.of());
        ConfigException e = assertThrows(ConfigException.class, () -> new TrainingSession(bad, ev -> { }));
        assertEquals("env", e.field());
        assertTrue(e.getMessage().contains("Pendulum-v1"), e.getMessage());
    }

    @Test
    void buffersBeyondTheHeapAreRefusedWithTheEstimate() {
        RunConfig huge = Presets.parse("{\"algorithm\": \"mbpo\", \"env\": \"Pendulum-v1\"}", "test",
                List.of("rollout.batchSize=5000000", "rollout.retainEpochs=5"));
        long heap = 2L << 30;
        ConfigException e = assertThrows(ConfigException.class,
                () -> MemoryBudget.check(huge, dev.mbpo.env.Envs.make("Pendulum-v1"), heap));
        assertEquals("rollout.batchSize", e.field());
        assertTrue(e.getMessage().startsWith("rollout.batchSize is 5000000: the replay buffers (model buffer 100000000 transitions"),
                e.getMessage());
        assertTrue(e.getMessage().contains("but the Java heap allows 2048 MiB"), e.getMessage());
        MemoryBudget.check(Presets.parse("{\"env\": \"Pendulum-v1\"}", "test", List.of()), dev.mbpo.env.Envs.make("Pendulum-v1"), heap);
        RunConfig bigReal = Presets.parse("{\"algorithm\": \"sac\", \"env\": \"Pendulum-v1\"}", "test",
                List.of("sac.bufferSize=50000000", "run.totalSteps=50000000"));
        assertEquals("sac.bufferSize", assertThrows(ConfigException.class,
                () -> MemoryBudget.check(bigReal, dev.mbpo.env.Envs.make("Pendulum-v1"), heap)).field());
    }

    private static long lastStep(List<RunEvent> events) {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).step();
    }

    static void waitFor(java.util.function.BooleanSupplier cond, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }
}
