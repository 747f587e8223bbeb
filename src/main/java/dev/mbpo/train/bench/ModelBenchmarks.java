package dev.mbpo.train.bench;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.data.Batch;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.model.EnsembleTrainer;
import dev.mbpo.model.ModelEnv;
import dev.mbpo.nn.Engines;
import dev.mbpo.env.TerminationFn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Dynamics-ensemble kernels: one training epoch's step, and imagined transitions per second. */
public final class ModelBenchmarks {
    private ModelBenchmarks() {
    }

    static EnsembleConfig paperSizes(int maxEpochs) {
        EnsembleConfig d = EnsembleConfig.DEFAULT;
        return new EnsembleConfig(7, 5, List.of(200, 200, 200, 200), d.lr(), d.weightDecay(), 256, 0.2, 5000, 5, 0.01,
                maxEpochs, 0, false, true);
    }

    static ReplayBuffer pendulumData(int n, SplittableRandom r) {
        ReplayBuffer b = new ReplayBuffer(n, 3, 1);
        for (int i = 0; i < n; i++) {
            double th = r.nextDouble() * 2 * Math.PI - Math.PI;
            double w = r.nextDouble() * 16 - 8;
            float u = (float) (r.nextDouble() * 4 - 2);
            double w2 = Math.max(-8, Math.min(8, w + (15 * Math.sin(th) + 3 * u) * 0.05));
            double th2 = th + w2 * 0.05;
            b.add(new float[] {(float) Math.cos(th), (float) Math.sin(th), (float) w}, new float[] {u},
                    -(th * th + 0.1 * w * w), new float[] {(float) Math.cos(th2), (float) Math.sin(th2), (float) w2}, false);
        }
        return b;
    }

    /**
     * Milliseconds per ensemble minibatch step (7 x 4 x 200 swish, 256 rows per member),
     * from the wall time of whole training epochs on 12,800 transitions (40 steps per epoch
     * plus one holdout evaluation of 2,560 rows).
     */
    public static BenchResult trainStep(int repeat) {
        Engines.prepareThread();
        SplittableRandom r = new SplittableRandom(3);
        Batch data = pendulumData(12_800, r).all();
        try (NDManager m = NDManager.newBaseManager(Engines.device());
             DynamicsEnsemble e = new DynamicsEnsemble(paperSizes(1), 3, 1, 1, m)) {
            new EnsembleTrainer(e).train(data, r, ep -> { }, () -> false); // warm-up
            double[] ms = new double[repeat];
            int steps = (int) Math.ceil(12_800 * 0.8 / 256);
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                new EnsembleTrainer(e).train(data, r, ep -> { }, () -> false);
                ms[i] = (System.nanoTime() - t0) / 1e6 / steps;
            }
            Map<String, Double> extra = new LinkedHashMap<>();
            // forward + backward ~ 3x the forward's 2 * MACs per row.
            extra.put("approx_gflop_per_step", 3 * 2.0 * 7 * 256 * (4 * 200 + 3 * 200 * 200 + 200 * 8) / 1e9);
            return new BenchResult("ensemble-train-step 7x4x200 b256", "ms", ms, extra);
        }
    }

    /**
     * Batched ensemble layer against separate networks: milliseconds of one forward and
     * backward pass of 7 members x 4 x 200 (swish), 256 rows each, both ways. Returns the
     * batched timings with the separate ones in {@code extra}.
     */
    public static BenchResult layout(int repeat) {
        Engines.prepareThread();
        SplittableRandom r = new SplittableRandom(5);
        int members = 7;
        int rows = 256;
        List<Integer> hidden = List.of(200, 200, 200, 200);
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            dev.mbpo.nn.EnsembleMlp batched = dev.mbpo.nn.EnsembleMlp.create(m, members, 4, hidden, 8, r);
            List<dev.mbpo.nn.Mlp> separate = new java.util.ArrayList<>();
            for (int i = 0; i < members; i++) {
                separate.add(dev.mbpo.nn.Mlp.create(m, 4, hidden, 8, dev.mbpo.nn.Mlp.Act.SWISH, true, r));
            }
            float[] x = new float[members * rows * 4];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            double[] batchedMs = new double[repeat];
            double[] separateMs = new double[repeat];
            for (int i = -5; i < repeat; i++) {
                long t0 = System.nanoTime();
                try (NDManager s = m.newSubManager();
                     dev.mbpo.nn.Gradients.Recording gc = dev.mbpo.nn.Gradients.record()) {
                    gc.backward(batched.forward(s.create(x, new ai.djl.ndarray.types.Shape(members, rows, 4))).square().mean());
                }
                long t1 = System.nanoTime();
                try (NDManager s = m.newSubManager();
                     dev.mbpo.nn.Gradients.Recording gc = dev.mbpo.nn.Gradients.record()) {
                    ai.djl.ndarray.NDArray loss = null;
                    for (int k = 0; k < members; k++) {
                        ai.djl.ndarray.NDArray in = s.create(java.util.Arrays.copyOfRange(x, k * rows * 4, (k + 1) * rows * 4),
                                new ai.djl.ndarray.types.Shape(rows, 4));
                        ai.djl.ndarray.NDArray l = separate.get(k).forward(in).square().mean();
                        loss = loss == null ? l : loss.add(l);
                    }
                    gc.backward(loss);
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    batchedMs[i] = (t1 - t0) / 1e6;
                    separateMs[i] = (t2 - t1) / 1e6;
                }
            }
            Map<String, Double> extra = new LinkedHashMap<>();
            BenchResult sep = new BenchResult("separate", "ms", separateMs, Map.of());
            extra.put("separate_networks_ms_median", sep.median());
            extra.put("separate_over_batched", sep.median() / new BenchResult("b", "ms", batchedMs, Map.of()).median());
            return new BenchResult("ensemble fwd+bwd batched [7,in,out]", "ms", batchedMs, extra);
        }
    }

    /**
     * Imagined transitions per second: 10,000 states, each stepped through one elite drawn for
     * it, with the disagreement of a sample of rows across all 7 members (the rollout's default);
     * also the rate when every row's disagreement is measured (7 members for every row, the
     * work of a rollout that computes the whole ensemble, as branch cuts need).
     */
    public static BenchResult rollout(int repeat) {
        Engines.prepareThread();
        SplittableRandom r = new SplittableRandom(4);
        ReplayBuffer data = pendulumData(10_000, r);
        Batch b = data.all();
        try (NDManager m = NDManager.newBaseManager(Engines.device());
             DynamicsEnsemble e = new DynamicsEnsemble(paperSizes(1), 3, 1, 1, m)) {
            ModelEnv env = new ModelEnv(e, TerminationFn.NEVER, null);
            env.step(b.obs(), b.actions(), b.size(), r);
            env.step(b.obs(), b.actions(), b.size(), r, true);
            double[] rate = new double[repeat];
            double[] everyRowRate = new double[repeat];
            double[] predictMs = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                e.predict(b.obs(), b.actions(), b.size());
                long t1 = System.nanoTime();
                env.step(b.obs(), b.actions(), b.size(), r);
                long t2 = System.nanoTime();
                env.step(b.obs(), b.actions(), b.size(), r, true);
                long t3 = System.nanoTime();
                predictMs[i] = (t1 - t0) / 1e6;
                rate[i] = b.size() / ((t2 - t1) / 1e9);
                everyRowRate[i] = b.size() / ((t3 - t2) / 1e9);
            }
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("predict_all_members_ms_median", new BenchResult("", "", predictMs, Map.of()).median());
            extra.put("every_row_disagreement_per_s_median", new BenchResult("", "", everyRowRate, Map.of()).median());
            // Forward FLOPs (2 x MACs) per member and state; per transition: its own member plus
            // all 7 for the sampled share of rows whose disagreement is measured.
            double perMember = 2.0 * (4 * 200 + 3 * 200 * 200 + 200 * 8);
            double measuredShare = Math.min(ModelEnv.DISAGREEMENT_ROWS, b.size()) / (double) b.size();
            extra.put("approx_gflop_per_transition", perMember * (1 + 7 * measuredShare) / 1e9);
            return new BenchResult("imagined transitions/s (10k x 7)", "1/s", rate, extra);
        }
    }
}
