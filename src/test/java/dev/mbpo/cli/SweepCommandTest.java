package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import dev.mbpo.sweep.SweepPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local sweep end to end (child processes), a run killed with SIGKILL and resumed, and bad input. */
class SweepCommandTest {
    @TempDir
    Path dir;

    static final String TINY = "{\"name\": \"tiny sweep\", \"algorithm\": \"mbpo\", \"env\": \"Pendulum-v1\","
            + "\"run\": {\"totalSteps\": 400, \"evalEvery\": 100, \"evalEpisodes\": 1, \"device\": \"cpu\", \"checkpointEvery\": 1},"
            + "\"sac\": {\"hidden\": [16], \"batchSize\": 32, \"updatesPerStep\": 1, \"initialRandomSteps\": 100},"
            + "\"model\": {\"members\": 3, \"elites\": 2, \"hidden\": [16], \"weightDecay\": [0.00001], \"maxEpochs\": 2},"
            + "\"rollout\": {\"batchSize\": 100, \"horizon\": 1},"
            + "\"mbpo\": {\"epochLength\": 100, \"modelTrainFreq\": 100}}";

    private Object[] mbpo(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--runs";
        all[args.length + 1] = dir.resolve("runs").toString();
        all[args.length + 2] = "--sweeps";
        all[args.length + 3] = dir.resolve("sweeps").toString();
        return MainTest.run(all);
    }

    /** A sweep subcommand: it reads the runs folder from the sweep's plan. */
    private Object[] sub(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--sweeps";
        all[args.length + 1] = dir.resolve("sweeps").toString();
        return MainTest.run(all);
    }

    /** The run id a sweep's run printed first (its log), before the driver records it in the plan. */
    static String runIdFromLog(Path sweepDir, int index) {
        try {
            for (String line : Files.readAllLines(sweepDir.resolve("logs").resolve("run-" + index + ".log"))) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^run (\\d{8}-\\d{6}-\\S+?): ").matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (java.io.IOException e) {
            return null; // not started yet
        }
        return null;
    }

    private Path preset() throws Exception {
        Path p = dir.resolve("tiny.json");
        Files.writeString(p, TINY);
        return p;
    }

    @Test
    void badInputGetsOneLineAndWritesNothing() throws Exception {
        String p = preset().toString();
        Object[] unknown = mbpo("sweep", "--preset", p, "--grid", "rollout.horizn=1,2");
        assertEquals(2, unknown[0]);
        assertTrue(((String) unknown[2]).startsWith("mbpo: run 0 (rollout.horizn=1, seed 1): "), (String) unknown[2]);
        assertTrue(((String) unknown[2]).contains("--grid rollout.horizn"), (String) unknown[2]);
        Object[] invalid = mbpo("sweep", "--preset", p, "--grid", "rollout.horizon=1,0", "--seeds", "1-2");
        assertEquals(2, invalid[0]);
        assertEquals("mbpo: run 2 (rollout.horizon=0, seed 1): --grid rollout.horizon=0: rollout.horizon is 0; allowed: an integer from 1 to 1000",
                ((String) invalid[2]).strip().replace(dir.toString() + "/", ""));
        Object[] empty = mbpo("sweep", "--preset", p);
        assertEquals("mbpo: an empty grid: give at least one --grid KEY=V1,V2 (e.g. --grid rollout.horizon=1,5)", ((String) empty[2]).strip());
        Object[] pbs = mbpo("sweep", "--preset", p, "--grid", "rollout.horizon=1,2", "--executor", "pbs");
        assertEquals("mbpo: --executor pbs; allowed: local, slurm", ((String) pbs[2]).strip());
        System.setProperty("mbpo.sbatch", "no-such-sbatch");
        try {
            Object[] slurm = mbpo("sweep", "--preset", p, "--grid", "rollout.horizon=1,2", "--executor", "slurm");
            assertEquals(2, slurm[0]);
            assertTrue(((String) slurm[2]).strip().startsWith("mbpo: --executor slurm: sbatch is not on the PATH"), (String) slurm[2]);
        } finally {
            System.clearProperty("mbpo.sbatch");
        }
        assertFalse(Files.exists(dir.resolve("sweeps")), "nothing written for refused sweeps");
        Files.createDirectories(dir.resolve("sweeps").resolve("taken"));
        Object[] taken = mbpo("sweep", "--preset", p, "--grid", "rollout.horizon=1,2", "--name", "taken");
        assertEquals(2, taken[0]);
        assertTrue(((String) taken[2]).contains("sweep taken exists"), (String) taken[2]);
        Object[] missing = sub("sweep", "status", "nope");
        assertEquals(2, missing[0]);
    }

    @Test
    void aClusterThatDoesNotAnswerGetsOneLineAndTheSweepCanBeResumed() throws Exception {
        // An sbatch that answers --version but cannot reach its controller, as on a node whose slurmctld is down.
        Path sbatch = dir.resolve("sbatch");
        Files.writeString(sbatch, "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'slurm 22.05.8'; exit 0; fi\n"
                + "echo 'sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)' >&2\nexit 1\n");
        assertTrue(sbatch.toFile().setExecutable(true));
        System.setProperty("mbpo.sbatch", sbatch.toString());
        try {
            Object[] r = mbpo("sweep", "--preset", preset().toString(), "--grid", "rollout.horizon=1,2", "--executor", "slurm",
                    "--name", "down");
            assertEquals(1, r[0]);
            String err = ((String) r[2]).strip();
            assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
            assertTrue(err.startsWith("mbpo: sweep down: sbatch failed (exit 1): sbatch: error: Batch job submission failed: "
                    + "Unable to contact slurm controller (connect failure); the plan is kept in "), err);
            assertTrue(err.endsWith("mbpo sweep resume down submits it again"), err);
            SweepPlan plan = SweepPlan.load(dir.resolve("sweeps").resolve("down"));
            assertTrue(plan.runs().stream().noneMatch(e -> e.state() == SweepPlan.State.FINISHED), "nothing ran");
        } finally {
            System.clearProperty("mbpo.sbatch");
        }
    }

    @Test
    void aLocalSweepRunsInParallelSurvivesAKilledRunAndGroupsByItsSetting() throws Exception {
        String p = preset().toString();
        AtomicReference<Object[]> first = new AtomicReference<>();
        Thread t = new Thread(() -> first.set(mbpo("sweep", "--preset", p, "--grid", "rollout.horizon=1,2", "--seeds", "1-2",
                "--parallel", "2", "--name", "s", "--steps", "6000")));
        t.start();
        Path sweepDir = dir.resolve("sweeps").resolve("s");
        // Kill run 0 with SIGKILL once it has written a checkpoint.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        boolean killed = false;
        while (!killed && System.nanoTime() < deadline && t.isAlive()) {
            Thread.sleep(100);
            if (!Files.exists(sweepDir.resolve(SweepPlan.FILE))) {
                continue;
            }
            SweepPlan.Entry e = SweepPlan.load(sweepDir).runs().get(0);
            String id = runIdFromLog(sweepDir, 0);
            if (e.state() == SweepPlan.State.RUNNING && id != null
                    && Files.isDirectory(dir.resolve("runs").resolve(id).resolve("checkpoints").resolve("epoch-0001"))) {
                killed = new ProcessBuilder("kill", "-9", Long.toString(e.pid())).start().waitFor() == 0;
            }
        }
        assertTrue(killed, "run 0 was killed after its first checkpoint");
        t.join(TimeUnit.MINUTES.toMillis(4));
        assertFalse(t.isAlive());
        assertEquals(1, first.get()[0], "a failed run: exit 1. " + first.get()[1] + first.get()[2]);
        SweepPlan plan = SweepPlan.load(sweepDir);
        assertEquals(SweepPlan.State.FAILED, plan.runs().get(0).state());
        assertTrue(plan.runs().get(0).reason().contains("SIGKILL"), plan.runs().get(0).reason());
        assertEquals(3, plan.counts().get(SweepPlan.State.FINISHED));
        Object[] status = sub("sweep", "status", "s");
        assertTrue(((String) status[1]).contains("failed") && ((String) status[1]).contains("SIGKILL"), (String) status[1]);

        Object[] resumed = sub("sweep", "resume", "s");
        assertEquals(0, resumed[0], (String) resumed[1] + resumed[2]);
        plan = SweepPlan.load(sweepDir);
        assertEquals(4, plan.counts().get(SweepPlan.State.FINISHED));
        RunFolder run0 = RunFolder.open(dir.resolve("runs").resolve(plan.runs().get(0).runId()));
        long starts = run0.readEvents().events().stream().filter(e -> e instanceof RunEvent.Started).count();
        assertEquals(2, starts, "the killed run continued from its checkpoint, in the same run folder");
        assertTrue(run0.runJson().toString().contains("\"sweep\":\"s\""), "runs are tagged with the sweep");

        Object[] compare = MainTest.run("runs", "compare", "--runs", dir.resolve("runs").toString(), "--group-by", "rollout.horizon",
                "--env", "Pendulum-v1");
        assertEquals(0, compare[0], (String) compare[2]);
        String out = (String) compare[1];
        assertTrue(out.contains("4 runs of Pendulum-v1 grouped by rollout.horizon"), out);
        assertTrue(out.contains("rollout.horizon = 1, mean return") && out.contains("rollout.horizon = 2, mean return"), out);
    }
}
