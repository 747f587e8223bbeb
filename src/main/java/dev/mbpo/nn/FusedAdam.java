package dev.mbpo.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Adam's step as one pass over a parameter's own CPU memory. The engine's kernel (DJL's
 * {@code adamUpdate}) makes about eleven passes and five temporary arrays for the same step
 * (a gradient copy, the weight decay, two per moment, five for the update); this loop reads the
 * weight, gradient and moments once and writes them once, a vector register at a time where
 * {@link Simd} allows. Measured on SAC's 256x256 critics and actor, in isolation: 0.67-0.93 ms
 * per update for the engine's kernel, about 1.0 for the scalar loop, 0.13-0.15 for the vector
 * loop; inside running updates 0.77 (scalar) against 0.33 ms (vector) (2026-11-26, 2-core Intel
 * Xeon; docs/BENCHMARKS.md, "Choices these figures decided").
 *
 * <p>Subnormal numbers are kept out of the arithmetic: on x86 each operation that reads or makes
 * one takes a microcode assist of about a hundred cycles, and one element at a time that made
 * the step up to seven times slower after a few hundred SAC updates (3 against 21 ns per value;
 * the engine's vectorised kernel pays an assist per vector and suffered less). A weight whose
 * gradient stays zero (one into a dead ReLU unit) decays its first moment geometrically, so
 * moments below the smallest normal float become zero (the step they would make is below
 * 1e-30: it divides by sqrt(v) + 1e-8), and the step size multiplies last, since lr times a
 * tiny moment is subnormal where the moment over sqrt(v) + eps is not. Likewise a gradient
 * smaller than 2^-58 (3.5e-18) adds nothing to the second moment: its square times (1 - b2) would
 * be subnormal, and a second moment that small is far below eps^2 = 1e-16, so it cannot change
 * the step. Gradients that small are common in a running SAC update; the vector loop paid 0.65
 * against 0.14 ms per step for them before this rule (AdamVecBench).
 *
 * <p>The arrays are reached through direct buffers that alias their memory, so this only runs
 * where that is true: dense, contiguous float32 arrays on the CPU ({@link #writableInPlace});
 * elsewhere (a GPU) the optimiser keeps the engine's kernel.
 */
final class FusedAdam {
    /** Below this magnitude a gradient's square is left out of the second moment (see the class comment). */
    static final float TINY_GRADIENT = 0x1p-58f;

    private FusedAdam() {
    }

    /**
     * m = b1 m + (1 - b1) g', v = b2 v + (1 - b2) g'^2, w -= lr m / (sqrt(v) + eps), with
     * g' = g + weightDecay w and {@code lr} the bias-corrected step size; subnormal moments
     * become zero and g'^2 counts as zero when |g'| < {@link #TINY_GRADIENT}. {@code g} is only
     * read. {@link VectorLoops#adam} does the leading values where {@link Simd} allows, with the
     * same results as the scalar loop, which does the rest.
     */
    static void step(ByteBuffer w, ByteBuffer g, ByteBuffer m, ByteBuffer v,
                     float lr, float weightDecay, float beta1, float beta2, float eps) {
        int done = Simd.ENABLED ? VectorLoops.adam(w, g, m, v, lr, weightDecay, beta1, beta2, eps) : 0;
        scalarStep(w.asFloatBuffer(), g.asFloatBuffer(), m.asFloatBuffer(), v.asFloatBuffer(), done,
                lr, weightDecay, beta1, beta2, eps);
    }

    /** {@link #step} one value at a time, from value {@code from} on. */
    static void scalarStep(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v, int from,
                           float lr, float weightDecay, float beta1, float beta2, float eps) {
        int n = w.capacity();
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        for (int i = from; i < n; i++) {
            float wi = w.get(i);
            float gi = g.get(i) + weightDecay * wi;
            float mi = beta1 * m.get(i) + c1 * gi;
            float gv = Math.abs(gi) < TINY_GRADIENT ? 0f : gi; // its square would be subnormal
            float vi = beta2 * v.get(i) + c2 * gv * gv;
            // Subnormal moments are set to zero (see the class comment).
            if (Math.abs(mi) < Float.MIN_NORMAL) {
                mi = 0f;
            }
            if (vi < Float.MIN_NORMAL) {
                vi = 0f;
            }
            m.put(i, mi);
            v.put(i, vi);
            w.put(i, wi - mi / ((float) Math.sqrt(vi) + eps) * lr); // lr last: lr * m can be subnormal
        }
    }

    /**
     * The array's memory, aliased where the engine allows it (a dense contiguous CPU
     * array: the parameters and moments, checked by {@link #writableInPlace}, and their gradients,
     * which PyTorch lays out like their parameters).
     */
    static ByteBuffer bytes(NDArray x) {
        return x.toByteBuffer(true);
    }

    /**
     * True when writes through {@link #bytes} land in {@code x} itself: checked by writing one
     * value through the buffer and reading it back through the engine, then restoring it.
     */
    static boolean writableInPlace(NDArray x) {
        if (!Device.Type.CPU.equals(x.getDevice().getDeviceType()) || x.getDataType() != DataType.FLOAT32 || x.size() == 0) {
            return false;
        }
        ByteBuffer bytes = x.toByteBuffer(true);
        if (!bytes.isDirect()) {
            return false;
        }
        FloatBuffer f = bytes.asFloatBuffer();
        if (f.capacity() != x.size()) {
            return false;
        }
        float old = f.get(0);
        float probe = old == 1f ? 2f : 1f;
        f.put(0, probe);
        try (NDArray flat = x.reshape(-1); NDArray first = flat.get(new NDIndex("0"))) {
            return first.getFloat() == probe;
        } finally {
            f.put(0, old);
        }
    }
}
