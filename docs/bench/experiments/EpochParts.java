// Experiment, see docs/bench/experiments/README.md (not part of the build).
import dev.mbpo.nn.*;
import dev.mbpo.model.*;
import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.data.*;
import ai.djl.ndarray.*;
import java.util.*;

public class EpochParts {
    public static void main(String[] args) {
        Engines.start(new EngineOptions("cpu", 1, 1));
        SplittableRandom r = new SplittableRandom(3);
        ReplayBuffer b = new ReplayBuffer(12800, 3, 1);
        for (int i = 0; i < 12800; i++) {
            double th = r.nextDouble() * 2 * Math.PI - Math.PI, w = r.nextDouble() * 16 - 8; float u = (float) (r.nextDouble() * 4 - 2);
            double w2 = Math.max(-8, Math.min(8, w + (15 * Math.sin(th) + 3 * u) * 0.05)), th2 = th + w2 * 0.05;
            b.add(new float[] {(float) Math.cos(th), (float) Math.sin(th), (float) w}, new float[] {u}, -(th * th + 0.1 * w * w),
                    new float[] {(float) Math.cos(th2), (float) Math.sin(th2), (float) w2}, false);
        }
        Batch data = b.all();
        EnsembleConfig d = EnsembleConfig.DEFAULT;
        EnsembleConfig c = new EnsembleConfig(7, 5, List.of(200, 200, 200, 200), d.lr(), d.weightDecay(), 256, 0.2, 5000, 5, 0.01, 4, 0, false, true);
        try (NDManager m = NDManager.newBaseManager(Engines.device()); DynamicsEnsemble e = new DynamicsEnsemble(c, 3, 1, 1, m)) {
            for (int round = 0; round < 4; round++) {
                List<Long> marks = new ArrayList<>();
                long t0 = System.nanoTime();
                e.train(data, r, ep -> marks.add(System.nanoTime()), () -> false);
                long t1 = System.nanoTime();
                System.out.printf("first epoch incl. setup %.0f ms; epochs %.0f %.0f %.0f ms; after last epoch %.0f ms%n",
                        (marks.get(0) - t0) / 1e6, (marks.get(1) - marks.get(0)) / 1e6, (marks.get(2) - marks.get(1)) / 1e6,
                        (marks.get(3) - marks.get(2)) / 1e6, (t1 - marks.get(3)) / 1e6);
            }
        }
    }
}
