package dev.mbpo.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mbpo.nn.Engines;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine's practical limit: float32 matrix products (sgemm) through the same engine and
 * threads as training. Square n x n x n products; the largest size is the reference that the
 * kernels' achieved GFLOP/s are compared with, the smaller ones show what network-sized
 * products (256 or 200 wide) can reach.
 */
public final class GemmBenchmark {
    private GemmBenchmark() {
    }

    /** GFLOP/s of n x n x n products, one sample per repetition; extra holds 256-wide figures. */
    public static BenchResult run(int n, int repeat) {
        Engines.prepareThread();
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            double[] gflops = timed(m, n, repeat);
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("n", (double) n);
            extra.put("gflop_s_at_256", new BenchResult("", "", timed(m, 256, repeat * 8), Map.of()).median());
            return new BenchResult("sgemm " + n + "x" + n + "x" + n, "GFLOP/s", gflops, extra);
        }
    }

    private static double[] timed(NDManager m, int n, int repeat) {
        NDArray a = m.randomUniform(-1f, 1f, new Shape(n, n));
        NDArray b = m.randomUniform(-1f, 1f, new Shape(n, n));
        for (int i = 0; i < 3; i++) {
            a.matMul(b).close();
        }
        double[] out = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            NDArray c = a.matMul(b); // CPU kernels run synchronously: the product is done on return
            long t = System.nanoTime() - t0;
            c.close();
            out[i] = 2.0 * n * n * n / t;
        }
        return out;
    }
}
