package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunRecorder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN in training is caught within one update: a fault event, status crashed, the folder still replays. */
class NumericalFaultTest {

    @Test
    void nanInABatchStopsTheRunCleanlyAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws Exception {
        RunConfig c = Presets.parse("{\"name\": \"nan\", \"algorithm\": \"sac\", \"env\": \"Pendulum-v1\"}", "test", List.of(
                "run.totalSteps=1000", "run.evalEvery=100", "run.evalEpisodes=1", "run.device=cpu", "run.checkpointEvery=1",
                "run.keepCheckpoints=0", "sac.hidden=[16]", "sac.batchSize=32", "sac.initialRandomSteps=50"));
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        Path runDir;
        TrainingSession s;
        try (RunRecorder rec = RunRecorder.create(dir, c, Map.of())) {
            s = new TrainingSession(c, e -> {
                events.add(e);
                rec.accept(e);
            }).checkpointInto(rec.dir()).injectNaNRewardsWhen(step -> step == 250);
            assertEquals(SessionState.CRASHED, s.runBlocking());
            runDir = rec.dir();
        }
        assertTrue(s.endReason().startsWith("NumericalFault: SAC update 1 of step 250 gave"), s.endReason());
        assertTrue(s.endReason().contains("NaN"), s.endReason());
        RunEvent.Fault fault = (RunEvent.Fault) events.stream().filter(e -> e instanceof RunEvent.Fault).findFirst().orElseThrow();
        assertEquals(250, fault.step());
        assertEquals("sac_update", fault.kind());
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.Ended e && e.status() == dev.mbpo.run.RunStatus.CRASHED, last.toString());
        assertTrue(events.stream().noneMatch(e -> e instanceof RunEvent.Metrics m && m.step() > 250), "nothing learned after the fault");

        RunFolder f = RunFolder.open(runDir);
        assertEquals(dev.mbpo.run.RunStatus.CRASHED, f.status());
        RunFolder.Events replay = f.readEvents();
        assertTrue(replay.warnings().isEmpty(), replay.warnings().toString());
        assertTrue(replay.events().stream().anyMatch(e -> e instanceof RunEvent.Fault), "the fault is in the record");
        assertEquals(List.of("epoch-0001", "epoch-0002"), f.checkpoints().stream().map(p -> p.getFileName().toString()).toList(),
                "checkpoints before the fault are kept; none is written after it");
        try (CheckpointPolicy policy = CheckpointPolicy.load(c, f.checkpoints().get(1))) {
            float[] a = policy.act(new float[] {1f, 0f, 0f});
            assertTrue(Float.isFinite(a[0]), "the last good checkpoint is sound");
        }
    }

    @Test
    void recoverModeSkipsTheBadBatchAndTheRunFinishes(@TempDir Path dir) throws Exception {
        RunConfig c = Presets.parse("{\"name\": \"nan\", \"algorithm\": \"sac\", \"env\": \"Pendulum-v1\"}", "test", List.of(
                "run.totalSteps=400", "run.evalEvery=100", "run.evalEpisodes=1", "run.device=cpu", "run.onFault=recover",
                "sac.hidden=[16]", "sac.batchSize=32", "sac.initialRandomSteps=50"));
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = new TrainingSession(c, events::add).injectNaNRewardsWhen(step -> step == 250);
        assertEquals(SessionState.FINISHED, s.runBlocking(), s.endReason());
        List<RunEvent.Fault> faults = events.stream().filter(e -> e instanceof RunEvent.Fault).map(e -> (RunEvent.Fault) e).toList();
        assertEquals(1, faults.size(), "one bad batch, one recovery: " + faults);
        assertEquals(250, faults.get(0).step());
        assertTrue(faults.get(0).detail().contains("recovered: the batch was skipped"), faults.get(0).detail());
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Metrics m && m.step() == 400
                && Double.isFinite(m.values().getOrDefault("eval/return", Double.NaN))), "learning went on to the end, finite");
    }
}
