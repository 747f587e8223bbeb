package dev.mbpo.train.bench;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.SacConfig;
import dev.mbpo.config.UpdateOrder;
import dev.mbpo.data.Batch;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Box;
import dev.mbpo.nn.Engines;
import dev.mbpo.nn.ProcessMemory;
import dev.mbpo.rl.Sac;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** SAC kernels: update time, and native memory over many updates. */
public final class SacBenchmarks {
    private SacBenchmarks() {
    }

    private static ReplayBuffer pendulumLikeBuffer(int n, SplittableRandom r) {
        ReplayBuffer b = new ReplayBuffer(n, 3, 1);
        for (int i = 0; i < n; i++) {
            float[] o = {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
            float[] o2 = {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
            b.add(o, new float[] {(float) (r.nextDouble() * 4 - 2)}, -r.nextDouble() * 10, o2, false);
        }
        return b;
    }

    /** Updates before the timed ones: the JIT compiler settles within a few hundred (docs/BENCHMARKS.md). The peer warms up as many. */
    public static final int WARMUP_UPDATES = 300;

    private static SacConfig sizes(List<Integer> hidden, int batch, UpdateOrder update) {
        SacConfig d = SacConfig.DEFAULT;
        return new SacConfig(hidden, d.actorLr(), d.criticLr(), d.alphaLr(), d.gamma(), d.tau(), batch, null,
                d.initialAlpha(), true, 1, 0, 100_000, update);
    }

    /** Milliseconds per SAC update, sequential order (Pendulum sizes: 3-d observations, 1-d actions). */
    public static BenchResult update(String name, List<Integer> hidden, int batch, int warmup, int repeat) {
        return update(name, hidden, batch, warmup, repeat, UpdateOrder.SEQUENTIAL);
    }

    /** Milliseconds per SAC update in the given {@code sac.update} order. */
    public static BenchResult update(String name, List<Integer> hidden, int batch, int warmup, int repeat, UpdateOrder order) {
        Engines.prepareThread();
        SplittableRandom r = new SplittableRandom(1);
        ReplayBuffer buffer = pendulumLikeBuffer(10_000, r);
        try (NDManager m = NDManager.newBaseManager(Engines.device());
             Sac sac = new Sac(sizes(hidden, batch, order), 3, Box.uniform(1, -2f, 2f), 1, m)) {
            for (int i = 0; i < warmup; i++) {
                sac.update(buffer.sample(batch, r));
            }
            double[] ms = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                Batch b = buffer.sample(batch, r);
                long t0 = System.nanoTime();
                sac.update(b);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("approx_gflop_per_update", approxFlops(hidden, batch) / 1e9);
            return new BenchResult(name, "ms", ms, extra);
        }
    }

    /** FLOPs of one update: critic fwd+bwd x2, target fwd x2 + actor fwd, actor fwd+bwd + critic fwd+bwd(input) x2. */
    static double approxFlops(List<Integer> hidden, int batch) {
        double criticMacs = macs(4, hidden, 1);
        double actorMacs = macs(3, hidden, 2);
        double forwards = 2 * criticMacs * 3 // critics: forward + backward (2x)
                + 2 * criticMacs + actorMacs // target computation
                + actorMacs * 3 + 2 * criticMacs * 3; // actor loss through frozen critics
        return 2.0 * forwards * batch;
    }

    private static double macs(int in, List<Integer> hidden, int out) {
        double m = 0;
        int prev = in;
        for (int h : hidden) {
            m += (double) prev * h;
            prev = h;
        }
        return m + prev * out;
    }

    /**
     * Resident memory and live tensor counts at checkpoints over {@code total} updates
     * (256x256, batch 256). The JVM heap should be capped (-Xmx) so that heap growth does
     * not hide or mimic native growth.
     */
    public static BenchResult memory(int total, int every, Consumer<String> log) {
        Engines.prepareThread();
        SplittableRandom r = new SplittableRandom(2);
        ReplayBuffer buffer = pendulumLikeBuffer(10_000, r);
        Map<String, Double> extra = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager(Engines.device());
             Sac sac = new Sac(sizes(List.of(256, 256), 256, UpdateOrder.SEQUENTIAL), 3, Box.uniform(1, -2f, 2f), 1, m)) {
            for (int i = 1; i <= total; i++) {
                sac.update(buffer.sample(256, r));
                if (i % every == 0) {
                    double rssMb = ProcessMemory.residentBytes() / (1024.0 * 1024.0);
                    int live = ProcessMemory.liveArrays(m);
                    extra.put("rss_mb_at_" + i, rssMb);
                    extra.put("live_arrays_at_" + i, (double) live);
                    log.accept(String.format("updates %7d  RSS %8.1f MiB  live NDArrays %d", i, rssMb, live));
                }
            }
        }
        return new BenchResult("sac-memory", "MiB", new double[0], extra);
    }
}
