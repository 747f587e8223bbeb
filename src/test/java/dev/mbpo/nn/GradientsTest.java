package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recording is per thread: two threads training at once get exactly what each gets alone. */
class GradientsTest {

    @BeforeAll
    static void engine() {
        Engines.start();
    }

    /** 300 Adam steps of a 2 x 64 network on its own regression data; returns every final weight. */
    private static float[] train(long seed, CountDownLatch start) throws InterruptedException {
        Engines.prepareThread();
        start.countDown();
        start.await();
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(seed);
            Mlp net = Mlp.create(m, 3, List.of(64, 64), 2, Mlp.Act.RELU, true, r);
            AdamOptimizer opt = new AdamOptimizer(m, net.store(), 1e-3f);
            float[] x = new float[128 * 3];
            float[] y = new float[128 * 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < 128; i++) {
                y[2 * i] = (float) Math.sin(x[3 * i]) * x[3 * i + 1];
                y[2 * i + 1] = x[3 * i + 2] * x[3 * i + 2];
            }
            for (int step = 0; step < 300; step++) {
                try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                    NDArray loss = net.forward(s.create(x, new Shape(128, 3))).sub(s.create(y, new Shape(128, 2))).square().mean();
                    rec.backward(loss);
                }
                opt.step();
            }
            List<Float> all = new ArrayList<>();
            for (NDArray p : net.parameters()) {
                for (float v : p.toFloatArray()) {
                    all.add(v);
                }
            }
            float[] out = new float[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }
    }

    @Test
    void twoThreadsTrainingAtOnceGetTheSameWeightsAsOneAfterTheOther() throws Exception {
        float[] aAlone = train(1, new CountDownLatch(0));
        float[] bAlone = train(2, new CountDownLatch(0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(2);
                Future<float[]> a = pool.submit(() -> train(1, start));
                Future<float[]> b = pool.submit(() -> train(2, start));
                assertArrayEquals(aAlone, a.get(120, TimeUnit.SECONDS), "thread A, round " + round);
                assertArrayEquals(bAlone, b.get(120, TimeUnit.SECONDS), "thread B, round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(aAlone.length > 4000);
    }

    @Test
    void recordingIsOffOutsideTheBlockOnThisThread() {
        Engines.prepareThread();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 2f});
            w.setRequiresGradient(true);
            try (Gradients.Recording rec = Gradients.record()) {
                rec.backward(w.square().sum());
            }
            assertArrayEquals(new float[] {2f, 4f}, w.getGradient().toFloatArray());
            assertTrue(!ai.djl.pytorch.jni.JniUtils.isGradMode(), "grad mode restored when the block ends");
        }
    }
}
