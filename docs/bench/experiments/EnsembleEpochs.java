// Experiment, see docs/bench/experiments/README.md (not part of the build). Run ensemble_epochs_peer.py first.
import ai.djl.ndarray.NDManager;
import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.model.TrainingSummary;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import java.nio.file.*;
import java.util.*;

/** The workbench trains its ensemble (the default model settings, as the peer's) on the peer's data, three seeds. */
public class EnsembleEpochs {
    public static void main(String[] args) throws Exception {
        Engines.start(new EngineOptions("cpu", 1, 1));
        Engines.prepareThread();
        List<String> lines = Files.readAllLines(Path.of("target/ensemble-epochs-data.csv"));
        ReplayBuffer b = new ReplayBuffer(lines.size(), 3, 1);
        for (String l : lines) {
            double[] v = Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray();
            b.add(new float[] {(float) v[0], (float) v[1], (float) v[2]}, new float[] {(float) v[3]}, v[4],
                    new float[] {(float) v[5], (float) v[6], (float) v[7]}, false);
        }
        for (int seed = 1; seed <= 3; seed++) {
            try (NDManager m = NDManager.newBaseManager(Engines.device());
                 DynamicsEnsemble e = new DynamicsEnsemble(EnsembleConfig.DEFAULT, 3, 1, seed, m)) {
                long t = System.nanoTime();
                TrainingSummary s = e.train(b.all(), new SplittableRandom(seed), ep -> { }, () -> false);
                System.out.printf("workbench seed %d: %d epochs, %.1f s, holdout mse %s%n", seed, s.epochs().size(), (System.nanoTime() - t) / 1e9,
                        Arrays.toString(Arrays.stream(s.holdoutMse()).map(x -> Math.round(x * 1e5) / 1e5).toArray()));
            }
        }
    }
}
