// Experiment, see docs/bench/experiments/README.md (not part of the build).
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import dev.mbpo.nn.*;
import java.util.*;

public class PartsBench {
    public static void main(String[] args) {
        Engines.start(new EngineOptions("cpu", 1, 1));
        int B = 256, in = 4, h = 256;
        try (NDManager pm = NDManager.newBaseManager(Engines.device())) {
            Mlp c1 = Mlp.create(pm, in, List.of(h, h), 1, Mlp.Act.RELU, true, new SplittableRandom(1));
            Mlp c2 = Mlp.create(pm, in, List.of(h, h), 1, Mlp.Act.RELU, true, new SplittableRandom(2));
            Mlp t1 = c1.copy(pm, false), t2 = c2.copy(pm, false);
            List<NDArray> sep = new ArrayList<>(c1.parameters()); sep.addAll(c2.parameters());
            AdamOptimizer so = new AdamOptimizer(pm, sep, 3e-4f, null);
            float[] xs = new float[B * in]; Random r = new Random(1); for (int i = 0; i < xs.length; i++) xs[i] = (float) r.nextGaussian();
            for (int round = 0; round < 3; round++) {
                long[] tf = new long[300], tb = new long[300], tfin = new long[300], tst = new long[300], tp = new long[300];
                for (int it = 0; it < 350; it++) {
                    try (NDManager m = pm.newSubManager()) {
                        NDArray x = m.create(xs, new Shape(B, in));
                        long a = System.nanoTime();
                        try (Gradients.Recording g = Gradients.record()) {
                            NDArray loss = c1.forward(x).square().mean().add(c2.forward(x).square().mean());
                            loss.getFloat();
                            long b = System.nanoTime();
                            g.backward(loss);
                            long c = System.nanoTime();
                            boolean ok = so.gradientsFinite();
                            long d = System.nanoTime();
                            so.step();
                            long e = System.nanoTime();
                            c1.polyakInto(t1, 0.005f); c2.polyakInto(t2, 0.005f);
                            long f = System.nanoTime();
                            if (it >= 50) { int k = it - 50; tf[k] = b - a; tb[k] = c - b; tfin[k] = d - c; tst[k] = e - d; tp[k] = f - e; }
                        }
                    }
                }
                for (long[] t : List.of(tf, tb, tfin, tst, tp)) Arrays.sort(t);
                System.out.printf("forward+loss %.3f  backward %.3f  finite %.3f  adam %.3f  polyak %.3f ms%n", tf[150] / 1e6, tb[150] / 1e6, tfin[150] / 1e6, tst[150] / 1e6, tp[150] / 1e6);
            }
        }
    }
}
