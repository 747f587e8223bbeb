package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vector loops give bitwise the scalar code's numbers; the tests run with the vector module. */
class VectorLoopsTest {
    /** Not a multiple of any vector length: the scalar tail runs too. */
    private static final int N = 1000 + 7;

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    @Test
    void theTestsRunWithTheVectorModule() {
        assertTrue(Simd.ENABLED, "surefire passes --add-modules jdk.incubator.vector, so the vector loops are what runs here");
    }

    @Test
    void adamGivesTheScalarLoopsNumbersBitForBit() {
        SplittableRandom r = new SplittableRandom(11);
        float[] w0 = gaussian(r, 1f);
        ByteBuffer[] vec = {buffer(w0), buffer(new float[N]), buffer(new float[N]), buffer(new float[N])};
        ByteBuffer[] sca = {buffer(w0), buffer(new float[N]), buffer(new float[N]), buffer(new float[N])};
        for (int step = 1; step <= 60; step++) {
            float[] g = new float[N];
            for (int i = 0; i < N; i++) {
                // zeros (dead units), gradients too small to square, and ordinary ones
                double kind = r.nextDouble();
                g[i] = kind < 0.2 ? 0f : kind < 0.4 ? (float) (r.nextGaussian() * 1e-25) : (float) (r.nextGaussian() * Math.pow(10, -8 * r.nextDouble()));
            }
            put(vec[1], g);
            put(sca[1], g);
            float lr = 1e-3f / step;
            FusedAdam.step(vec[0], vec[1], vec[2], vec[3], lr, 1e-4f, 0.9f, 0.999f, 1e-8f);
            FusedAdam.scalarStep(sca[0].asFloatBuffer(), sca[1].asFloatBuffer(), sca[2].asFloatBuffer(), sca[3].asFloatBuffer(), 0,
                    lr, 1e-4f, 0.9f, 0.999f, 1e-8f);
        }
        for (int k : new int[] {0, 2, 3}) {
            assertArrayEquals(floats(sca[k]), floats(vec[k]), "buffer " + k + " (weights, first and second moments)");
        }
        assertTrue(floats(vec[0])[5] != w0[5], "the weights moved");
    }

    @Test
    void aGradientTooSmallToSquareLeavesTheSecondMomentAlone() {
        float[] g = new float[N];
        g[3] = 1e-20f;
        g[N - 1] = 1e-20f; // in the scalar tail
        ByteBuffer w = buffer(new float[N]);
        ByteBuffer m = buffer(new float[N]);
        ByteBuffer v = buffer(new float[N]);
        FusedAdam.step(w, buffer(g), m, v, 1e-3f, 0f, 0.9f, 0.999f, 1e-8f);
        for (int i : new int[] {3, N - 1}) {
            assertEquals(0f, floats(v)[i], "second moment " + i);
            assertEquals((1f - 0.9f) * 1e-20f, floats(m)[i], "first moment " + i + " still takes the gradient");
        }
    }

    @Test
    void polyakGivesTheEnginesNumbersBitForBit() {
        SplittableRandom r = new SplittableRandom(5);
        float[] source = gaussian(r, 1f);
        float[] target = gaussian(r, 1f);
        try (NDManager m = NDManager.newBaseManager()) {
            FlatParameters s = FlatParameters.of(m, List.of(new Shape(N)), source, true);
            FlatParameters t = FlatParameters.of(m, List.of(new Shape(N)), target, false);
            NDArray expected = m.create(target).mul(1f - 0.005f).add(m.create(source).mul(0.005f)); // the engine path's operations
            s.polyakInto(t, 0.005f);
            assertArrayEquals(expected.toFloatArray(), t.flat().toFloatArray());
            s.polyakInto(t, 0.005f);
            assertArrayEquals(expected.mul(1f - 0.005f).add(m.create(source).mul(0.005f)).toFloatArray(), t.flat().toFloatArray(),
                    "the second step lands in the same memory");
        }
    }

    @Test
    void allFiniteSeesEveryNonFiniteValueWhereverItIs() {
        float[] x = gaussian(new SplittableRandom(2), Float.MAX_VALUE / 8);
        assertTrue(VectorLoops.allFinite(buffer(x)), "large finite values whose sum overflows are finite");
        for (int at : new int[] {0, 17, N - 8, N - 1}) {
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                float[] y = x.clone();
                y[at] = bad;
                assertFalse(VectorLoops.allFinite(buffer(y)), bad + " at " + at);
            }
        }
    }

    @Test
    void aFlatStoresGradientCheckUsesTheVectorPass() {
        try (NDManager m = NDManager.newBaseManager()) {
            FlatParameters store = FlatParameters.of(m, List.of(new Shape(N)), new float[N], true);
            AdamOptimizer opt = new AdamOptimizer(m, store, 1e-3f);
            assertTrue(opt.fused());
            float[] slope = new float[N];
            slope[N - 20] = Float.POSITIVE_INFINITY;
            try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                NDArray loss = store.flat().mul(s.create(slope)).sum();
                rec.backward(loss);
            }
            assertFalse(opt.gradientsFinite());
            opt.discardGradients();
            assertTrue(opt.gradientsFinite());
        }
    }

    private static float[] gaussian(SplittableRandom r, float scale) {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) r.nextGaussian() * scale;
        }
        return x;
    }

    private static ByteBuffer buffer(float[] values) {
        ByteBuffer b = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder());
        put(b, values);
        return b;
    }

    private static void put(ByteBuffer b, float[] values) {
        b.asFloatBuffer().put(values);
    }

    private static float[] floats(ByteBuffer b) {
        float[] x = new float[b.capacity() / Float.BYTES];
        b.asFloatBuffer().get(x);
        return x;
    }
}
