// Experiment, see docs/bench/experiments/README.md (not part of the build). Run ensemble_warm_peer.py first.
import ai.djl.ndarray.NDManager;
import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.config.Presets;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.train.bench.LoopBenchmarks;
import java.nio.file.*;
import java.util.*;

/**
 * The workbench's ensemble with the loop benchmark's peer settings, warm-started as in the loop,
 * trained on the peer's data as it grows (400, 600, ..., 1,600 transitions), three seeds.
 */
public class EnsembleWarm {
    public static void main(String[] args) throws Exception {
        Engines.start(new EngineOptions("cpu", 1, 1));
        Engines.prepareThread();
        EnsembleConfig config = Presets.load(Path.of("presets/pendulum-mbpo.json"), LoopBenchmarks.PEER_SETTINGS).model();
        System.out.println("model settings: " + config);
        List<double[]> rows = new ArrayList<>(); // obs (3), action, reward, next obs (3)
        for (String l : Files.readAllLines(Path.of("target/ensemble-warm-data.csv"))) {
            rows.add(Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray());
        }
        for (int seed = 1; seed <= 3; seed++) {
            try (NDManager m = NDManager.newBaseManager(Engines.device());
                 DynamicsEnsemble e = new DynamicsEnsemble(config, 3, 1, seed, m)) {
                SplittableRandom random = new SplittableRandom(seed);
                List<Integer> epochs = new ArrayList<>();
                for (int n = 400; n <= rows.size(); n += 200) {
                    ReplayBuffer b = new ReplayBuffer(n, 3, 1);
                    for (double[] v : rows.subList(0, n)) {
                        b.add(new float[] {(float) v[0], (float) v[1], (float) v[2]}, new float[] {(float) v[3]}, v[4],
                                new float[] {(float) v[5], (float) v[6], (float) v[7]}, false);
                    }
                    epochs.add(e.train(b.all(), random, ep -> { }, () -> false).epochs().size());
                }
                System.out.printf("workbench seed %d: epochs per training %s, mean %.1f%n", seed, epochs,
                        epochs.stream().mapToInt(Integer::intValue).average().orElse(0));
            }
        }
    }
}
