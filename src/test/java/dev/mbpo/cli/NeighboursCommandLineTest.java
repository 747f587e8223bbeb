package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of MBPO's neighbours: datasets, offline and MPC runs, and the comparison table. */
class NeighboursCommandLineTest {
    @TempDir
    Path runs;

    private Object[] mbpo(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--runs";
        all[args.length + 1] = runs.toString();
        return MainTest.run(all);
    }

    private String onlyRunId() throws Exception {
        try (var s = Files.list(runs)) {
            return s.filter(p -> !Files.exists(p.resolve("dataset.json"))).map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("-mpc-") || n.contains("-offline-")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void aCollectedDatasetFeedsAnOfflineRunAndBadInputGetsOneLine() throws Exception {
        Object[] c = mbpo("dataset", "collect", "--policy", "random", "--env", "Pendulum-v1", "--episodes", "2", "--name", "rnd");
        assertEquals(0, c[0], (String) c[2]);
        assertTrue(((String) c[1]).contains("dataset rnd: 400 transitions of Pendulum-v1 in 2 episodes"), (String) c[1]);
        assertTrue(Files.exists(runs.resolve("rnd").resolve("dataset.json")));

        Object[] again = mbpo("dataset", "collect", "--policy", "random", "--env", "Pendulum-v1", "--episodes", "2", "--name", "rnd");
        assertEquals(2, again[0]);
        assertEquals(1, ((String) again[2]).strip().lines().count(), (String) again[2]);
        assertTrue(((String) again[2]).contains("exists; choose another --name"), (String) again[2]);
        Object[] noEnv = mbpo("dataset", "collect", "--policy", "random", "--episodes", "2");
        assertEquals(2, noEnv[0]);
        assertEquals("mbpo: --policy random needs --env ID (mbpo envs lists them)", ((String) noEnv[2]).strip());

        Object[] list = mbpo("dataset", "list");
        assertTrue(((String) list[1]).contains("rnd") && ((String) list[1]).contains("400"), (String) list[1]);
        Object[] runsList = mbpo("runs", "list");
        assertFalse(((String) runsList[1]).contains("rnd"), "a dataset is not a run: " + runsList[1]);

        String[] tiny = {"--set", "run.evalEvery=20", "--set", "run.evalEpisodes=1", "--set", "sac.hidden=[16,16]",
            "--set", "sac.updatesPerStep=1", "--set", "model.hidden=[16,16]", "--set", "model.weightDecay=[1e-5]", "--set", "model.maxEpochs=2",
            "--set", "rollout.batchSize=100", "--set", "offline.datasetSize=300"};
        Object[] missing = mbpo(concat(new String[] {"train", "--preset", "presets/pendulum-offline.json", "--steps", "40", "--quiet"}, tiny));
        assertEquals(2, missing[0]);
        assertTrue(((String) missing[2]).strip().startsWith("mbpo: offline.dataset is empty;"), (String) missing[2]);
        Object[] offline = mbpo(concat(new String[] {"train", "--preset", "presets/pendulum-offline.json", "--steps", "40", "--quiet",
            "--set", "offline.dataset=rnd"}, tiny));
        assertEquals(0, offline[0], (String) offline[2]);
        String id = onlyRunId();
        String json = Files.readString(runs.resolve(id).resolve("run.json"));
        assertTrue(json.contains(runs.resolve("rnd").toAbsolutePath().toString()), "the run records the dataset it read");
    }

    @Test
    void anMpcRunPlansRecordsItsPlanningTimeAndHasNoPolicyToReplay() throws Exception {
        Object[] r = mbpo("train", "--preset", "presets/pendulum-mpc.json", "--steps", "60", "--quiet", "--set", "mpc.randomSteps=40",
                "--set", "mpc.trainEvery=20", "--set", "mpc.population=20", "--set", "mpc.elites=4", "--set", "mpc.horizon=5",
                "--set", "mpc.iterations=2", "--set", "run.evalEvery=60", "--set", "run.evalEpisodes=1",
                "--set", "model.hidden=[16,16]", "--set", "model.weightDecay=[1e-5]", "--set", "model.maxEpochs=2");
        assertEquals(0, r[0], (String) r[2]);
        String id = onlyRunId();
        String events = Files.readString(runs.resolve(id).resolve("events.jsonl"));
        assertTrue(events.contains("\"mpc/plan_ms\""), "planning time per action");
        assertTrue(events.contains("\"eval/act_ms\""), "acting time in evaluation");
        assertTrue(events.contains("\"type\":\"plan\""), "plans recorded for the phase portrait");
        var folder = dev.mbpo.run.RunFolder.open(runs.resolve(id));
        var plan = folder.readEvents().events().stream().filter(e -> e instanceof dev.mbpo.run.RunEvent.Plan)
                .map(e -> (dev.mbpo.run.RunEvent.Plan) e).findFirst().orElseThrow();
        assertEquals(5, plan.actions().length, "H actions");
        assertEquals(6, plan.paths()[0].length, "H + 1 states per elite");
        assertEquals(folder.config().model().elites(), plan.paths().length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(plan.start(), plan.paths()[0][0]);
        Object[] eval = mbpo("eval", id);
        assertEquals(2, eval[0]);
        assertTrue(((String) eval[2]).contains("plans every action and saves no policy"), (String) eval[2]);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
