// Experiment, see docs/bench/experiments/README.md (not part of the build).
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.mbpo.nn.*;
import java.util.*;

public class TwinBench {
    static NDArray u(NDManager m, Shape s, float bound, Random r) {
        float[] v = new float[(int) s.size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        NDArray a = m.create(v, s); a.setRequiresGradient(true); return a;
    }
    public static void main(String[] args) {
        Engines.start(new EngineOptions("cpu", 1, 1));
        int B = 256, in = 4, h = 256;
        Random r = new Random(1);
        try (NDManager pm = NDManager.newBaseManager(Engines.device())) {
            Mlp c1 = Mlp.create(pm, in, List.of(h, h), 1, Mlp.Act.RELU, true, new SplittableRandom(1));
            Mlp c2 = Mlp.create(pm, in, List.of(h, h), 1, Mlp.Act.RELU, true, new SplittableRandom(2));
            List<NDArray> sep = new ArrayList<>(c1.parameters()); sep.addAll(c2.parameters());
            AdamOptimizer so = new AdamOptimizer(pm, sep, 3e-4f, null);
            int[] sz = {in, h, h, 1};
            List<NDArray> tw = new ArrayList<>();
            for (int l = 0; l < 3; l++) { tw.add(u(pm, new Shape(2, sz[l], sz[l + 1]), 0.1f, r)); tw.add(u(pm, new Shape(2, 1, sz[l + 1]), 0.1f, r)); }
            AdamOptimizer to = new AdamOptimizer(pm, tw, 3e-4f, null);
            float[] xs = new float[B * in]; for (int i = 0; i < xs.length; i++) xs[i] = (float) r.nextGaussian();
            float[] ys = new float[B]; for (int i = 0; i < ys.length; i++) ys[i] = (float) r.nextGaussian();
            for (int round = 0; round < 5; round++) {
                for (int mode = 0; mode < 2; mode++) {
                    long[] t = new long[300];
                    for (int it = 0; it < 350; it++) {
                        long t0 = System.nanoTime();
                        try (NDManager m = pm.newSubManager()) {
                            NDArray x = m.create(xs, new Shape(B, in));
                            NDArray y = m.create(ys, new Shape(B));
                            try (Gradients.Recording g = Gradients.record()) {
                                NDArray loss;
                                if (mode == 0) {
                                    NDArray q1 = c1.forward(x).squeeze(1), q2 = c2.forward(x).squeeze(1);
                                    loss = q1.sub(y).square().mean().add(q2.sub(y).square().mean());
                                } else {
                                    NDArray hh = x.expandDims(0);
                                    for (int l = 0; l < 3; l++) {
                                        NDArray z = hh.matMul(tw.get(2 * l)).addi(tw.get(2 * l + 1));
                                        hh = l < 2 ? Activation.relu(z) : z;
                                    }
                                    NDArray q = hh.squeeze(2); // [2, B]
                                    loss = q.sub(y).square().mean().mul(2);
                                }
                                loss.getFloat();
                                g.backward(loss);
                            }
                            AdamOptimizer o = mode == 0 ? so : to;
                            if (o.gradientsFinite()) o.step();
                        }
                        if (it >= 50) t[it - 50] = System.nanoTime() - t0;
                    }
                    Arrays.sort(t);
                    System.out.printf("round %d %s median %.3f ms%n", round, mode == 0 ? "two Mlp  " : "batched 2", t[150] / 1e6);
                }
            }
        }
    }
}
