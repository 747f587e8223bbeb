// Experiment, see docs/bench/experiments/README.md (not part of the build).
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import dev.mbpo.nn.*;
import java.nio.FloatBuffer;
import java.util.*;

/** DJL's Adam kernel against one fused Java pass over the tensors' own memory, SAC's sizes. */
public class AdamBench {
    static final float B1 = 0.9f, B2 = 0.999f, EPS = 1e-8f;

    static void javaAdam(NDArray w, NDArray g, NDArray m, NDArray v, float lrc) {
        FloatBuffer W = w.toByteBuffer(true).asFloatBuffer();
        FloatBuffer G = g.toByteBuffer(true).asFloatBuffer();
        FloatBuffer M = m.toByteBuffer(true).asFloatBuffer();
        FloatBuffer V = v.toByteBuffer(true).asFloatBuffer();
        int n = W.capacity();
        for (int i = 0; i < n; i++) {
            float gi = G.get(i);
            float mi = M.get(i) * B1 + (1 - B1) * gi;
            float vi = V.get(i) * B2 + (1 - B2) * gi * gi;
            M.put(i, mi);
            V.put(i, vi);
            W.put(i, W.get(i) - lrc * mi / ((float) Math.sqrt(vi) + EPS));
            G.put(i, 0f);
        }
    }

    public static void main(String[] args) {
        Engines.start(new EngineOptions("cpu", 1, 1));
        int[] sizes = {134658, 67330};
        try (NDManager pm = NDManager.newBaseManager(Engines.device())) {
            List<NDArray[]> sets = new ArrayList<>();
            Random r = new Random(1);
            for (int n : sizes) {
                float[] x = new float[n];
                for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
                NDArray w = pm.create(x);
                w.setRequiresGradient(true);
                NDArray m = pm.zeros(new Shape(n));
                NDArray v = pm.zeros(new Shape(n));
                float[] c = new float[n];
                for (int i = 0; i < n; i++) c[i] = (float) (0.01 * r.nextGaussian());
                sets.add(new NDArray[] {w, m, v, pm.create(c)});
            }
            for (int round = 0; round < 5; round++) {
                for (int mode = 0; mode < 2; mode++) {
                    long[] t = new long[400];
                    for (int it = 0; it < 500; it++) {
                        // a gradient as backward leaves it (fixed random values: no denormals as Adam settles)
                        for (NDArray[] s : sets) {
                            try (Gradients.Recording rec = Gradients.record(); NDManager sm = pm.newSubManager()) {
                                NDArray sq = s[0].mul(s[3]);
                                sq.attach(sm);
                                NDArray l = sq.sum();
                                rec.backward(l);
                            }
                        }
                        long a = System.nanoTime();
                        for (NDArray[] s : sets) {
                            try (NDArray g = s[0].getGradient()) {
                                if (mode == 0) {
                                    s[0].getNDArrayInternal().adamUpdate(new NDList(s[0], g, s[1], s[2]), new NDList(s[0]),
                                            3e-4f, 3e-4f, 0f, 1f, -1f, B1, B2, EPS, true, false);
                                } else {
                                    javaAdam(s[0], g, s[1], s[2], 3e-4f);
                                }
                            }
                        }
                        long b = System.nanoTime();
                        if (it >= 100) t[it - 100] = b - a;
                    }
                    Arrays.sort(t);
                    System.out.printf("round %d %-11s median %.3f ms  p10 %.3f  p90 %.3f%n", round, mode == 0 ? "DJL kernel" : "Java fused",
                            t[200] / 1e6, t[40] / 1e6, t[360] / 1e6);
                }
            }
        }
    }
}
