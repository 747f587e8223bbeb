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
 * weight, gradient and moments once and writes them once. Measured on SAC's 256x256 critics
 * and actor: 0.37 against 0.67-0.93 ms per update (docs/BENCHMARKS.md, AdamBench).
 *
 * <p>Subnormal numbers are kept out of the arithmetic: on x86 each operation that reads or makes
 * one takes a microcode assist of about a hundred cycles, and one element at a time that made
 * the step up to seven times slower after a few hundred SAC updates (3 against 21 ns per value;
 * the engine's vectorised kernel pays an assist per vector and suffered less). A weight whose
 * gradient stays zero (one into a dead ReLU unit) decays its first moment geometrically, so
 * moments below the smallest normal float become zero (the step they would make is below
 * 1e-30: it divides by sqrt(v) + 1e-8), and the step size multiplies last, since lr times a
 * tiny moment is subnormal where the moment over sqrt(v) + eps is not.
 *
 * <p>The arrays are reached through direct buffers that alias their memory, so this only runs
 * where that is true: dense, contiguous float32 arrays on the CPU ({@link #writableInPlace});
 * elsewhere (a GPU) the optimiser keeps the engine's kernel.
 */
final class FusedAdam {
    private FusedAdam() {
    }

    /**
     * m = b1 m + (1 - b1) g', v = b2 v + (1 - b2) g'^2, w -= lr m / (sqrt(v) + eps), with
     * g' = g + weightDecay w and {@code lr} the bias-corrected step size; subnormal moments
     * become zero. {@code g} is only read.
     */
    static void step(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v,
                     float lr, float weightDecay, float beta1, float beta2, float eps) {
        int n = w.capacity();
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        for (int i = 0; i < n; i++) {
            float wi = w.get(i);
            float gi = g.get(i) + weightDecay * wi;
            float mi = beta1 * m.get(i) + c1 * gi;
            float vi = beta2 * v.get(i) + c2 * gi * gi;
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
     * The array's memory as floats, aliased where the engine allows it (a dense contiguous CPU
     * array: the parameters and moments, checked by {@link #writableInPlace}, and their gradients,
     * which PyTorch lays out like their parameters).
     */
    static FloatBuffer floats(NDArray x) {
        return x.toByteBuffer(true).asFloatBuffer();
    }

    /**
     * True when writes through {@link #floats} land in {@code x} itself: checked by writing one
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
