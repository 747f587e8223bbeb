package dev.mbpo.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loops over float32 CPU memory, a whole vector register at a time (16 floats with AVX-512),
 * through the JDK's vector module ({@code jdk.incubator.vector}, an incubator module in Java 17
 * that {@code ./mbpo}, the build and the tests add with {@code --add-modules}). Only
 * {@link Simd} decides whether to call these, so without the module this class is never loaded.
 *
 * <p>Each loop does the scalar loop's arithmetic operation for operation and in the same order
 * (no fused multiply-add), so the results are bitwise those of the scalar code (VectorLoopsTest).
 * Each returns how many leading values it did; the caller finishes the few left with scalar code.
 */
final class VectorLoops {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorLoops() {
    }

    /** Adam's step as {@link FusedAdam#step} describes it, over the first values of the buffers. */
    static int adam(ByteBuffer w, ByteBuffer g, ByteBuffer m, ByteBuffer v,
                    float lr, float weightDecay, float beta1, float beta2, float eps) {
        int n = w.capacity() / Float.BYTES;
        int bound = SPECIES.loopBound(n);
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        ByteOrder ow = w.order();
        ByteOrder og = g.order();
        ByteOrder om = m.order();
        ByteOrder ov = v.order();
        for (int i = 0; i < bound; i += SPECIES.length()) {
            int at = i * Float.BYTES;
            FloatVector wi = FloatVector.fromByteBuffer(SPECIES, w, at, ow);
            FloatVector gi = FloatVector.fromByteBuffer(SPECIES, g, at, og);
            if (weightDecay != 0f) {
                gi = gi.add(wi.mul(weightDecay));
            }
            FloatVector mi = FloatVector.fromByteBuffer(SPECIES, m, at, om).mul(beta1).add(gi.mul(c1));
            FloatVector gv = gi.blend(0f, gi.abs().lt(FusedAdam.TINY_GRADIENT)); // its square would be subnormal
            FloatVector vi = FloatVector.fromByteBuffer(SPECIES, v, at, ov).mul(beta2).add(gv.mul(c2).mul(gv));
            mi = mi.blend(0f, mi.abs().lt(Float.MIN_NORMAL)); // subnormal moments become zero (FusedAdam)
            vi = vi.blend(0f, vi.lt(Float.MIN_NORMAL));
            mi.intoByteBuffer(m, at, om);
            vi.intoByteBuffer(v, at, ov);
            wi.sub(mi.div(vi.sqrt().add(eps)).mul(lr)).intoByteBuffer(w, at, ow);
        }
        return bound;
    }

    /** target = target * keep + source * tau over the first values; target is written in place. */
    static int polyak(ByteBuffer target, ByteBuffer source, float keep, float tau) {
        int n = target.capacity() / Float.BYTES;
        int bound = SPECIES.loopBound(n);
        ByteOrder ot = target.order();
        ByteOrder os = source.order();
        for (int i = 0; i < bound; i += SPECIES.length()) {
            int at = i * Float.BYTES;
            FloatVector t = FloatVector.fromByteBuffer(SPECIES, target, at, ot);
            FloatVector s = FloatVector.fromByteBuffer(SPECIES, source, at, os);
            t.mul(keep).add(s.mul(tau)).intoByteBuffer(target, at, ot);
        }
        return bound;
    }

    /**
     * Whether the first values are all finite: x * 0 is 0 for a finite x and NaN for infinity
     * or NaN, so the accumulated sum stays 0 exactly when every value is finite.
     */
    static boolean allFinite(ByteBuffer x) {
        int n = x.capacity() / Float.BYTES;
        int bound = SPECIES.loopBound(n);
        ByteOrder o = x.order();
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            acc = acc.add(FloatVector.fromByteBuffer(SPECIES, x, i * Float.BYTES, o).mul(0f));
        }
        if (acc.reduceLanes(VectorOperators.ADD) != 0f) {
            return false;
        }
        for (int i = bound; i < n; i++) {
            if (!Float.isFinite(x.getFloat(i * Float.BYTES))) {
                return false;
            }
        }
        return true;
    }
}
