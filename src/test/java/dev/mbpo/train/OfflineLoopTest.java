package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Box;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.env.RewardFn;
import dev.mbpo.env.StepResult;
import dev.mbpo.env.TerminationFn;
import dev.mbpo.nn.Engines;
import dev.mbpo.run.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineLoopTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    /** {@code n} transitions of uniformly random actions on {@code envId}, episodes back to back. */
    static ReplayBuffer randomTransitions(String envId, int n, long seed) {
        try (Env env = Envs.make(envId)) {
            SplittableRandom r = new SplittableRandom(seed);
            Box a = env.actionSpace();
            ReplayBuffer b = new ReplayBuffer(n, env.observationSpace().dim(), a.dim());
            float[] obs = env.reset(seed);
            for (int i = 0; i < n; i++) {
                float[] act = new float[a.dim()];
                for (int d = 0; d < act.length; d++) {
                    act[d] = (float) r.nextDouble(a.low(d), a.high(d));
                }
                StepResult s = env.step(act);
                b.add(obs, act, s.reward(), s.observation(), s.terminated());
                obs = s.done() ? env.reset() : s.observation();
            }
            return b;
        }
    }

    Path dataset(String envId, int n) throws Exception {
        Path dir = tmp.resolve(envId + "-" + n);
        ObjectNode provenance = new ObjectMapper().createObjectNode().put("policy", "random").put("seed", 5);
        OfflineDataset.write(dir, randomTransitions(envId, n, 5), envId, provenance);
        return dir;
    }

    static RunConfig tinyOffline(Path dataset, String... more) {
        List<String> o = new ArrayList<>(List.of("run.totalSteps=60", "run.evalEvery=30", "run.evalEpisodes=1", "run.device=cpu",
                "sac.hidden=[16,16]", "sac.batchSize=32", "sac.updatesPerStep=1", "model.members=3", "model.elites=2",
                "model.hidden=[16,16]", "model.weightDecay=[1e-5]", "model.maxEpochs=3", "rollout.batchSize=50",
                "rollout.horizon=2", "mbpo.epochLength=20", "mbpo.modelTrainFreq=20", "offline.penalty=1.5",
                "offline.dataset=" + dataset));
        o.addAll(List.of(more));
        return Presets.parse("{\"algorithm\": \"offline\", \"env\": \"Pendulum-v1\"}", "test", o);
    }

    /** Counts the steps of the environments a loop makes: the first is the training one, the second evaluation's. */
    static final class Counting implements Env {
        final Env inner;
        final AtomicInteger steps = new AtomicInteger();

        Counting(Env inner) {
            this.inner = inner;
        }

        @Override public String id() { return inner.id(); }
        @Override public Box observationSpace() { return inner.observationSpace(); }
        @Override public Box actionSpace() { return inner.actionSpace(); }
        @Override public int maxEpisodeSteps() { return inner.maxEpisodeSteps(); }
        @Override public float[] reset(long seed) { return inner.reset(seed); }
        @Override public float[] reset() { return inner.reset(); }
        @Override public StepResult step(float[] action) {
            steps.incrementAndGet();
            return inner.step(action);
        }
        @Override public int elapsedSteps() { return inner.elapsedSteps(); }
        @Override public double[] state() { return inner.state(); }
        @Override public String[] observationLabels() { return inner.observationLabels(); }
        @Override public String[] stateLabels() { return inner.stateLabels(); }
        @Override public void setState(double[] state) { inner.setState(state); }
        @Override public float[] observation() { return inner.observation(); }
        @Override public TerminationFn terminationFn() { return inner.terminationFn(); }
        @Override public Optional<RewardFn> rewardFn() { return inner.rewardFn(); }
        @Override public void close() { inner.close(); }
    }

    @Test
    void learnsFromTheDatasetWithoutOneEnvironmentStepOutsideEvaluation() throws Exception {
        RunConfig c = tinyOffline(dataset("Pendulum-v1", 400), "offline.datasetSize=300");
        List<Counting> made = new ArrayList<>();
        List<RunEvent> events = new ArrayList<>();
        try (OfflineLoop loop = new OfflineLoop(c, events::add, Clock.SYSTEM, () -> false)) {
            loop.makeEnvsWith(id -> {
                Counting e = new Counting(Envs.make(id));
                made.add(e);
                return e;
            });
            loop.begin(null);
            while (loop.stepOnce()) {
                // runs to the end
            }
            assertEquals(300, loop.parts().real.size(), "the first 300 of the dataset's 400 transitions");
            assertEquals(60, loop.step());
        }
        assertEquals(2, made.size());
        assertEquals(0, made.get(0).steps.get(), "the training environment never steps");
        assertEquals(2 * 200, made.get(1).steps.get(), "evaluation: 2 evaluations of one 200-step episode");
        assertEquals(1, events.stream().filter(e -> e instanceof RunEvent.ModelTrained).count(), "the model is trained once");
        List<RunEvent.Rollout> rollouts = events.stream().filter(e -> e instanceof RunEvent.Rollout).map(e -> (RunEvent.Rollout) e).toList();
        assertEquals(List.of(0L, 20L, 40L), rollouts.stream().map(RunEvent::step).toList(), "rollouts every modelTrainFreq steps");
        RunEvent.Metrics m = events.stream().filter(e -> e instanceof RunEvent.Metrics mm && mm.values().containsKey("offline/penalty"))
                .map(e -> (RunEvent.Metrics) e).findFirst().orElseThrow();
        double u = m.values().get("offline/uncertainty");
        assertTrue(u > 0, "u " + u);
        assertEquals(1.5 * u, m.values().get("offline/penalty"), 1e-9);
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Metrics mm && mm.values().containsKey("eval/q_start")
                && mm.values().containsKey("eval/discounted_return")), "evaluation reports the critic's Q against the return");
    }

    @Test
    void aDatasetRoundTripsWithItsProvenance() throws Exception {
        Path dir = dataset("Pendulum-v1", 250);
        OfflineDataset d = OfflineDataset.read(dir);
        assertEquals("Pendulum-v1", d.env());
        ReplayBuffer original = randomTransitions("Pendulum-v1", 250, 5);
        assertEquals(250, d.transitions().size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(original.all().obs(), d.transitions().all().obs());
        org.junit.jupiter.api.Assertions.assertArrayEquals(original.all().rewards(), d.transitions().all().rewards());
        var meta = new ObjectMapper().readTree(dir.resolve(OfflineDataset.META).toFile());
        assertEquals("random", meta.path("provenance").path("policy").asText());
        assertEquals(250, meta.path("transitions").asInt());
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
    }

    @Test
    void badDatasetsGetOneLineEach() throws Exception {
        RunConfig noDataset = Presets.parse("{\"algorithm\": \"offline\"}", "p.json", List.of());
        ConfigException empty = assertThrows(ConfigException.class, () -> OfflineDataset.resolveIn(noDataset, tmp));
        assertEquals("offline.dataset is empty; allowed: a run id from the runs folder (its real transitions), a run folder, "
                + "or a dataset folder made by mbpo dataset collect; e.g. --set offline.dataset=RUN_ID", empty.getMessage());
        assertThrows(ConfigException.class, () -> TrainingSession.validate(noDataset), "validation alone refuses it too");
        RunConfig missing = tinyOffline(Path.of("no-such-run"));
        ConfigException notFound = assertThrows(ConfigException.class, () -> OfflineDataset.resolveIn(missing, tmp));
        assertEquals("offline.dataset: no run or dataset 'no-such-run' in " + tmp
                + " (mbpo runs list shows the runs; a folder path works too)", notFound.getMessage());
        Path car = dataset("MountainCarContinuous-v0", 50);
        ConfigException task = assertThrows(ConfigException.class, () -> TrainingSession.validate(tinyOffline(car)));
        assertEquals("offline.dataset: " + car.getFileName() + " holds MountainCarContinuous-v0 transitions; this run is on Pendulum-v1",
                task.getMessage());
        Path pend = dataset("Pendulum-v1", 50);
        ConfigException size = assertThrows(ConfigException.class,
                () -> TrainingSession.validate(tinyOffline(pend, "offline.datasetSize=80")));
        assertEquals("offline.datasetSize is 80; allowed: 0 (all) to 50, the transitions " + pend.getFileName() + " holds",
                size.getMessage());
        Path wrongWidth = tmp.resolve("wrong-width");
        OfflineDataset.write(wrongWidth, randomTransitions("MountainCarContinuous-v0", 20, 1), "Pendulum-v1",
                new ObjectMapper().createObjectNode());
        ConfigException width = assertThrows(ConfigException.class, () -> TrainingSession.validate(tinyOffline(wrongWidth)));
        assertEquals("offline.dataset: wrong-width holds observations of 2 and actions of 1 values; Pendulum-v1 has 3 and 1",
                width.getMessage());
        ConfigException resolved = assertThrows(ConfigException.class, () -> tinyOffline(pend, "offline.penalty=-1"));
        assertTrue(resolved.getMessage().contains("offline.penalty is -1.0"), resolved.getMessage());
    }
}
