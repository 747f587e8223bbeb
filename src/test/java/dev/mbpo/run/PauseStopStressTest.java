package dev.mbpo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause, Resume and Stop pressed 1,000 times at random moments on recorded runs: every stop
 * ends its run within seconds (no deadlock, also while paused), and every run folder opens,
 * replays and ends with "stopped" and a checkpoint.
 */
class PauseStopStressTest {
    static final int PRESSES = 1000;

    @Test
    void thousandRandomPressesNeverDeadlockOrLoseARun(@TempDir Path dir) throws Exception {
        RunConfig c = Presets.parse(RunFolderTest.TINY.replace("\"totalSteps\": 300", "\"totalSteps\": 1000000"), "tiny", List.of());
        SplittableRandom random = new SplittableRandom(7);
        int presses = 0;
        int runs = 0;
        while (presses < PRESSES) {
            Path runDir;
            TrainingSession session;
            try (RunRecorder rec = RunRecorder.create(dir.resolve("runs"), c, Map.of("machine", "test"))) {
                runDir = rec.dir();
                session = new TrainingSession(c, rec).checkpointInto(rec.dir());
                session.start();
                while (true) {
                    // Random moments: from at once to a few milliseconds, sometimes long enough for steps to pass.
                    LockSupport.parkNanos(random.nextInt(4) == 0 ? random.nextLong(20_000_000L) : random.nextLong(2_000_000L));
                    presses++;
                    int action = random.nextInt(20);
                    if (action == 0 || presses >= PRESSES) {
                        session.stop();
                        break;
                    }
                    if (action % 2 == 0) {
                        session.pause();
                    } else {
                        session.resume();
                    }
                }
                assertTrue(session.awaitEnd(20, TimeUnit.SECONDS), "run " + runs + " ended within 20 s of Stop (press " + presses + ")");
            }
            assertEquals(SessionState.STOPPED, session.state(), session.endReason());
            RunFolder f = RunFolder.open(runDir);
            assertEquals(dev.mbpo.run.RunStatus.STOPPED, f.status(), runDir.toString());
            RunFolder.Events ev = f.readEvents();
            assertTrue(ev.warnings().isEmpty(), ev.warnings().toString());
            assertTrue(ev.events().get(0) instanceof RunEvent.Started);
            RunEvent last = ev.events().get(ev.events().size() - 1);
            assertTrue(last instanceof RunEvent.Ended e && e.status() == dev.mbpo.run.RunStatus.STOPPED, "last event: " + last);
            assertFalse(f.checkpoints().isEmpty(), "a stopped run keeps a checkpoint to resume from");
            runs++;
        }
        assertTrue(runs >= 20, "presses spread over many runs: " + runs);
    }
}
