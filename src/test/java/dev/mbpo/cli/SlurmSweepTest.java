package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import dev.mbpo.sweep.SweepPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real one-node Slurm cluster (Debian's slurm-wlm and munge, started as root by
 * src/test/slurm/start-slurm.sh): 2 settings x 2 seeds finish as a job array, one task cancelled
 * with scancel is reported failed, and resume completes it. Skipped, saying why, where Slurm is
 * not installed or the tests do not run as root.
 */
class SlurmSweepTest {
    static final Path STATE = Path.of("/tmp/mbpo-slurm-test");
    static boolean started;

    @TempDir
    Path dir;

    @BeforeAll
    static void cluster() throws Exception {
        Path script = TestPaths.projectDir().resolve("src/test/slurm/start-slurm.sh");
        boolean tools = Files.isExecutable(Path.of("/usr/sbin/slurmctld")) && Files.isExecutable(Path.of("/usr/bin/sbatch"))
                && Files.isExecutable(Path.of("/usr/sbin/munged"));
        Assumptions.assumeTrue(tools, "Slurm test skipped: slurm-wlm and munge are not installed (apt-get install slurm-wlm munge)");
        Process p = new ProcessBuilder("bash", script.toString(), STATE.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean ok = p.waitFor(90, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(ok, "Slurm test skipped: the one-node cluster did not start: " + out.strip());
        started = !out.contains("already running");
    }

    @AfterAll
    static void stop() throws Exception {
        if (started) {
            new ProcessBuilder("bash", TestPaths.projectDir().resolve("src/test/slurm/stop-slurm.sh").toString(), STATE.toString())
                    .start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Object[] sweep(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--sweeps";
        all[args.length + 1] = dir.resolve("sweeps").toString();
        return MainTest.run(all);
    }

    @Test
    void aJobArrayFinishesACancelledTaskIsReportedAndResumeCompletesIt() throws Exception {
        Path preset = dir.resolve("tiny.json");
        Files.writeString(preset, SweepCommandTest.TINY);
        AtomicReference<Object[]> first = new AtomicReference<>();
        Thread t = new Thread(() -> first.set(sweep("sweep", "--preset", preset.toString(), "--grid", "rollout.horizon=1,2",
                "--seeds", "1-2", "--parallel", "2", "--name", "s", "--steps", "6000", "--executor", "slurm", "--mem", "1G",
                "--time", "00:20:00", "--runs", dir.resolve("runs").toString())));
        t.start();
        Path sweepDir = dir.resolve("sweeps").resolve("s");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        boolean cancelled = false;
        while (!cancelled && System.nanoTime() < deadline && t.isAlive()) {
            Thread.sleep(250);
            if (!Files.exists(sweepDir.resolve(SweepPlan.FILE))) {
                continue;
            }
            SweepPlan.Entry e = SweepPlan.load(sweepDir).runs().get(1);
            String id = SweepCommandTest.runIdFromLog(sweepDir, 1);
            if (e.state() == SweepPlan.State.RUNNING && id != null && SweepPlan.slurmJobOf(e) != null
                    && Files.isDirectory(dir.resolve("runs").resolve(id).resolve("checkpoints").resolve("epoch-0001"))) {
                String job = SweepPlan.slurmJobOf(e);
                cancelled = new ProcessBuilder("scancel", job + "_1").start().waitFor() == 0;
            }
        }
        assertTrue(cancelled, "task 1 cancelled with scancel after its first checkpoint");
        t.join(TimeUnit.MINUTES.toMillis(5));
        assertFalse(t.isAlive());
        assertTrue(Files.readString(sweepDir.resolve("job.sbatch")).contains("#SBATCH --array=0,1,2,3%2"));
        SweepPlan plan = SweepPlan.load(sweepDir);
        assertEquals(SweepPlan.State.FAILED, plan.runs().get(1).state(), String.valueOf(first.get()[1]));
        assertTrue(plan.runs().get(1).reason().contains("without an exit status"), plan.runs().get(1).reason());
        assertEquals(3, plan.counts().get(SweepPlan.State.FINISHED));

        Object[] resumed = sweep("sweep", "resume", "s");
        assertEquals(0, resumed[0], (String) resumed[1] + resumed[2]);
        plan = SweepPlan.load(sweepDir);
        assertEquals(4, plan.counts().get(SweepPlan.State.FINISHED));
        RunFolder run1 = RunFolder.open(dir.resolve("runs").resolve(plan.runs().get(1).runId()));
        assertEquals(2, run1.readEvents().events().stream().filter(e -> e instanceof RunEvent.Started).count(),
                "the cancelled run continued from its checkpoint");
    }
}
