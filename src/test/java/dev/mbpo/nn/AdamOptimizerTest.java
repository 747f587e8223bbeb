package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    /** Reference Adam in doubles on f(w) = sum (w - 3)^2, compared step by step. */
    @Test
    void matchesTextbookAdam() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -2f});
            w.setRequiresGradient(true);
            AdamOptimizer opt = new AdamOptimizer(m, List.of(w), 0.1f, null);
            double[] ref = {1, -2};
            double[] mm = new double[2];
            double[] vv = new double[2];
            for (int t = 1; t <= 20; t++) {
                try (NDManager s = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = w.sub(3f).square().sum();
                    gc.backward(loss);
                }
                opt.step();
                for (int i = 0; i < 2; i++) {
                    double g = 2 * (ref[i] - 3);
                    mm[i] = 0.9 * mm[i] + 0.1 * g;
                    vv[i] = 0.999 * vv[i] + 0.001 * g * g;
                    double mh = mm[i] / (1 - Math.pow(0.9, t));
                    double vh = vv[i] / (1 - Math.pow(0.999, t));
                    ref[i] -= 0.1 * mh / (Math.sqrt(vh) + 1e-8);
                }
                float[] got = w.toFloatArray();
                for (int i = 0; i < 2; i++) {
                    assertEquals(ref[i], got[i], 1e-4, "step " + t + " coordinate " + i);
                }
            }
        }
    }

    /** The one-pass step on the CPU and the engine's Adam kernel take the same steps (to float rounding), weight decay included. */
    @Test
    void theFusedStepMatchesTheEngineKernel() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(3);
            float[] init = new float[300];
            float[] target = new float[300];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) r.nextGaussian();
                target[i] = (float) r.nextGaussian();
            }
            NDArray a = m.create(init, new Shape(20, 15));
            NDArray b = m.create(init, new Shape(20, 15));
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            NDArray t = m.create(target, new Shape(20, 15));
            AdamOptimizer fused = new AdamOptimizer(m, List.of(a), 1e-2f, new float[] {1e-3f});
            AdamOptimizer kernel = new AdamOptimizer(m, List.of(b), 1e-2f, new float[] {1e-3f});
            kernel.useEngineKernel();
            assertTrue(fused.fused(), "a dense CPU array takes the one-pass step");
            for (int step = 0; step < 200; step++) {
                for (NDArray w : List.of(a, b)) {
                    try (NDManager s = m.newSubManager(); Gradients.Recording gc = Gradients.record()) {
                        NDArray d = w.sub(t);
                        d.attach(s);
                        NDArray loss = d.square().sum();
                        gc.backward(loss);
                    }
                }
                fused.step();
                kernel.step();
                assertEquals(0f, a.getGradient().abs().max().getFloat(), "the gradient is zeroed after the step");
            }
            float[] x = a.toFloatArray();
            float[] y = b.toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(y[i], x[i], 1e-5 * Math.max(1, Math.abs(y[i])), "coordinate " + i);
            }
            assertTrue(Math.abs(x[0] - init[0]) > 0.1, "the weights moved");
        }
    }

    /** A weight whose gradient stays zero decays its moments to zero, never into slow subnormal numbers. */
    @Test
    void momentsThatDecayPastTheSmallestNormalFloatBecomeZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 1f});
            w.setRequiresGradient(true);
            NDArray once = m.create(new float[] {1e-3f, 1e-3f});
            NDArray always = m.create(new float[] {1e-3f, 0f});
            AdamOptimizer opt = new AdamOptimizer(m, List.of(w), 1e-3f, null);
            assertTrue(opt.fused());
            // 800 steps after the last gradient of 1e-3, plain arithmetic leaves the first moment
            // at 1e-4 x 0.9^800 = 1.8e-41, a subnormal number.
            for (int step = 0; step <= 800; step++) {
                try (NDManager s = m.newSubManager(); Gradients.Recording gc = Gradients.record()) {
                    NDArray loss = w.mul(step == 0 ? once : always).sum();
                    loss.attach(s);
                    gc.backward(loss);
                }
                opt.step();
            }
            float[] mean = opt.state().get(0).toFloatArray();
            assertEquals(0f, mean[1], "the first moment of the weight without gradient");
            assertTrue(Math.abs(mean[0]) >= Float.MIN_NORMAL, "the other one is still an ordinary number: " + mean[0]);
        }
    }

    @Test
    void aFiniteLossWithAnInfiniteGradientIsSeenAndDiscarded() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {0f, 4f});
            w.setRequiresGradient(true);
            NDArray v = m.create(new float[] {0f, 1f, 4f, 9f}, new Shape(2, 2)); // a matrix, as network weights are
            v.setRequiresGradient(true);
            AdamOptimizer opt = new AdamOptimizer(m, List.of(w, v), 0.1f, null);
            try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                NDArray loss = w.sqrt().sum().add(v.sqrt().sum()); // finite; d/dx sqrt(0) is infinite
                assertTrue(Float.isFinite(loss.getFloat()));
                rec.backward(loss);
            }
            assertTrue(!opt.gradientsFinite(), "the infinite gradient is seen");
            opt.discardGradients();
            assertTrue(opt.gradientsFinite(), "and dropped");
            assertEquals(0f, w.getGradient().toFloatArray()[0]);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[4], v.getGradient().toFloatArray());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0f, 4f}, w.toFloatArray(), "no step was taken");
        }
    }

    @Test
    void mlpFitsASmoothFunction() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(1);
            Mlp net = Mlp.create(m, 1, List.of(32, 32), 1, Mlp.Act.RELU, true, r);
            AdamOptimizer opt = new AdamOptimizer(m, net.store(), 3e-3f);
            float last = Float.NaN;
            for (int i = 0; i < 1000; i++) {
                try (NDManager s = m.newSubManager()) {
                    float[] x = new float[64];
                    float[] y = new float[64];
                    for (int k = 0; k < 64; k++) {
                        x[k] = (float) (r.nextDouble() * 2 - 1);
                        y[k] = x[k] * x[k];
                    }
                    NDArray xs = s.create(x, new Shape(64, 1));
                    NDArray ys = s.create(y, new Shape(64, 1));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = net.forward(xs).sub(ys).square().mean();
                        gc.backward(loss);
                        last = loss.getFloat();
                    }
                    opt.step();
                }
            }
            assertTrue(last < 1e-3, "MSE " + last);
        }
    }
}
