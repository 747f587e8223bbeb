// Experiment, see docs/bench/experiments/README.md (not part of the build).
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import dev.mbpo.nn.*;
import java.util.*;

public class FlatBench {
    public static void main(String[] args) {
        Engines.start(new EngineOptions("cpu", 1, 1));
        int B = 256, in = 4, h = 256;
        try (NDManager pm = NDManager.newBaseManager(Engines.device())) {
            Mlp c1 = Mlp.create(pm, in, List.of(h, h), 1, Mlp.Act.RELU, true, new SplittableRandom(1));
            Mlp c2 = Mlp.create(pm, in, List.of(h, h), 1, Mlp.Act.RELU, true, new SplittableRandom(2));
            Mlp t1 = c1.copy(pm, false), t2 = c2.copy(pm, false);
            List<NDArray> sep = new ArrayList<>(c1.parameters()); sep.addAll(c2.parameters());
            AdamOptimizer so = new AdamOptimizer(pm, sep, 3e-4f, null);
            // flat copy of both critics
            List<Shape> shapes = new ArrayList<>(); List<Float> all = new ArrayList<>();
            long[] cuts = new long[sep.size() - 1]; long off = 0;
            for (int i = 0; i < sep.size(); i++) { shapes.add(sep.get(i).getShape()); off += sep.get(i).getShape().size(); if (i < cuts.length) cuts[i] = off; }
            float[] fv = new float[(int) off]; int k = 0; for (NDArray p : sep) for (float f : p.toFloatArray()) fv[k++] = f;
            NDArray flat = pm.create(fv); flat.setRequiresGradient(true);
            NDArray tflat = pm.create(fv);
            AdamOptimizer fo = new AdamOptimizer(pm, List.of(flat), 3e-4f, null);
            Mlp fc1 = c1, fc2 = c2; // same shapes; forward(x, p) with views
            float[] xs = new float[B * in]; Random r = new Random(1); for (int i = 0; i < xs.length; i++) xs[i] = (float) r.nextGaussian();
            for (int round = 0; round < 5; round++) {
                for (int mode = 0; mode < 2; mode++) {
                    long[] t = new long[300];
                    for (int it = 0; it < 350; it++) {
                        long a = System.nanoTime();
                        try (NDManager m = pm.newSubManager()) {
                            NDArray x = m.create(xs, new Shape(B, in));
                            try (Gradients.Recording g = Gradients.record()) {
                                NDArray loss;
                                List<NDArray> views = null;
                                if (mode == 0) {
                                    loss = c1.forward(x).square().mean().add(c2.forward(x).square().mean());
                                } else {
                                    NDList parts = flat.split(cuts);
                                    views = new ArrayList<>();
                                    for (int i = 0; i < parts.size(); i++) { views.add(parts.get(i).reshape(shapes.get(i))); parts.get(i).close(); }
                                    loss = fc1.forward(x, views.subList(0, 6)).square().mean().add(fc2.forward(x, views.subList(6, 12)).square().mean());
                                }
                                loss.getFloat();
                                g.backward(loss);
                                if (views != null) views.forEach(NDArray::close);
                            }
                            if (mode == 0) {
                                if (so.gradientsFinite()) so.step();
                                c1.polyakInto(t1, 0.005f); c2.polyakInto(t2, 0.005f);
                            } else {
                                if (fo.gradientsFinite()) fo.step();
                                tflat.muli(0.995f);
                                try (NDArray s = flat.mul(0.005f)) { tflat.addi(s); }
                            }
                        }
                        if (it >= 50) t[it - 50] = System.nanoTime() - a;
                    }
                    Arrays.sort(t);
                    System.out.printf("round %d %s median %.3f ms%n", round, mode == 0 ? "separate" : "flat    ", t[150] / 1e6);
                }
            }
        }
    }
}
