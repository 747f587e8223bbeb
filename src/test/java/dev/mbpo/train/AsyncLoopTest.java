package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.mbpo.TestPaths;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Box;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.ActorReplica;
import dev.mbpo.rl.ActorSnapshot;
import dev.mbpo.rl.Sac;
import dev.mbpo.run.RunEvent;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The asynchronous loop: every transition arrives once, snapshots are whole, stop acts, and it learns. */
class AsyncLoopTest {

    @Test
    void everyTransitionReachesTheLearnerOnceAndInOrderUnderStress() {
        // Slack 2 and a snapshot after every update: the collector and the learner hand over constantly.
        RunConfig c = MbpoLoopTest.tinyMbpo(5, 1200, "mbpo.loop=async", "mbpo.asyncSlack=2", "mbpo.publishEvery=1",
                "sac.updatesPerStep=1");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = new TrainingSession(c, events::add);
        assertEquals(SessionState.FINISHED, s.runBlocking(), s.endReason());
        // The learner checks every transition's number against the next one it expects (and crashes the run otherwise).
        List<RunEvent.Episode> train = events.stream().filter(e -> e instanceof RunEvent.Episode ep && ep.kind() == dev.mbpo.run.EpisodeKind.TRAIN)
                .map(e -> (RunEvent.Episode) e).toList();
        assertEquals(6, train.size(), "1,200 steps of 200-step episodes");
        assertEquals(1200, train.stream().mapToInt(RunEvent.Episode::length).sum(), "no step lost or counted twice");
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("async/updates_per_s")),
                "the three activities' rates are reported");
        long trainings = events.stream().filter(e -> e instanceof RunEvent.ModelTrained).count();
        assertTrue(trainings >= 8, "model trained on its own thread, every 100 steps from step 200: " + trainings);
    }

    @Test
    void snapshotsAreWholeAndNeverChangeAfterPublication() throws Exception {
        Engines.start(new EngineOptions("cpu", 1, 1));
        Engines.prepareThread();
        RunConfig c = MbpoLoopTest.tinyMbpo(1, 300);
        ReplayBuffer data = new ReplayBuffer(500, 3, 1);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            data.add(new float[] {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()},
                    new float[] {(float) r.nextDouble()}, -r.nextDouble(), new float[] {0, 0, 0}, false);
        }
        AtomicReference<ActorSnapshot> published = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        try (NDManager m = NDManager.newBaseManager(); Sac sac = new Sac(c.sac(), 3, Box.uniform(1, -2f, 2f), 1, m)) {
            ActorSnapshot first = sac.snapshot(1);
            float[][] firstWeights = first.copyOfWeights();
            published.set(first);
            Thread reader = new Thread(() -> {
                Engines.prepareThread();
                try (NDManager rm = NDManager.newBaseManager(); ActorReplica replica = new ActorReplica(c.sac(), 3,
                        Box.uniform(1, -2f, 2f), 9, rm)) {
                    int loads = 0;
                    while (!done.get() || loads == 0) {
                        ActorSnapshot s = published.get();
                        if (replica.load(s)) {
                            loads++;
                            double sum = 0;
                            for (float[] w : s.copyOfWeights()) {
                                for (float v : w) {
                                    sum += v;
                                }
                            }
                            assertEquals(s.checksum(), sum, 0.0, "snapshot " + s.version() + " read whole");
                            float[] a = replica.act(new float[] {1f, 0f, 0f}, true);
                            assertTrue(Float.isFinite(a[0]));
                        }
                    }
                } catch (Throwable t) {
                    readerFailure.set(t);
                }
            });
            reader.start();
            for (int v = 2; v <= 200; v++) {
                sac.update(data.sample(32, r));
                ActorSnapshot s = sac.snapshot(v);
                assertNotSame(published.get(), s);
                published.set(s);
            }
            done.set(true);
            reader.join(TimeUnit.SECONDS.toMillis(30));
            assertArrayEquals(firstWeights, first.copyOfWeights(), "a published snapshot never changes");
        }
        if (readerFailure.get() != null) {
            throw new AssertionError(readerFailure.get());
        }
    }

    @Test
    void pauseAndStopActAndTheRunReplays(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        RunConfig c = MbpoLoopTest.tinyMbpo(2, 1_000_000, "mbpo.loop=async", "run.checkpointEvery=1");
        try (dev.mbpo.run.RunRecorder rec = dev.mbpo.run.RunRecorder.create(dir, c, java.util.Map.of())) {
            java.util.concurrent.atomic.AtomicInteger modelTrainings = new java.util.concurrent.atomic.AtomicInteger();
            TrainingSession s = new TrainingSession(c, e -> {
                rec.accept(e);
                if (e instanceof RunEvent.ModelTrained) {
                    modelTrainings.incrementAndGet();
                }
            }).checkpointInto(rec.dir());
            s.start();
            // Past the second model training: the collector, the model thread and the learner all busy.
            TrainingSessionTest.waitFor(() -> modelTrainings.get() >= 2, 120);
            s.pause();
            TrainingSessionTest.waitFor(() -> s.state() == SessionState.PAUSED, 30);
            s.resume();
            s.stop();
            assertTrue(s.awaitEnd(30, TimeUnit.SECONDS), "stopped");
            assertEquals(SessionState.STOPPED, s.state(), s.endReason());
            dev.mbpo.run.RunFolder f = dev.mbpo.run.RunFolder.open(rec.dir());
            assertTrue(f.readEvents().warnings().isEmpty());
            assertTrue(!f.checkpoints().isEmpty(), "a checkpoint to resume from");
        }
    }

    @Tag("slow")
    @Test
    void asyncLearnsPendulum() {
        RunConfig c = Presets.load(TestPaths.projectDir().resolve("presets/pendulum-mbpo.json"),
                List.of("mbpo.loop=async", "run.totalSteps=3000", "run.device=cpu"));
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(c, e -> {
            events.add(e);
            if (e instanceof RunEvent.Metrics m && m.values().getOrDefault("eval/return", -1e9) >= -200) {
                session[0].stop(); // reached: no need to run the rest of the budget
            }
        });
        SessionState end = session[0].runBlocking();
        assertTrue(end == SessionState.FINISHED || end == SessionState.STOPPED, session[0].endReason());
        double best = events.stream().filter(e -> e instanceof RunEvent.Metrics m && m.values().containsKey("eval/return"))
                .mapToDouble(e -> ((RunEvent.Metrics) e).values().get("eval/return")).max().orElseThrow();
        assertTrue(best >= -200, "best evaluation return within 3,000 real steps: " + best);
    }
}
