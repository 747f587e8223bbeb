// Experiment, see docs/bench/experiments/README.md (not part of the build). In package dev.mbpo.nn
// to reach FusedAdam; compile and run with --add-modules jdk.incubator.vector.
package dev.mbpo.nn;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import java.nio.*;
import java.util.*;
import jdk.incubator.vector.*;

/**
 * Adam's step on SAC's parameter counts (both critics 134,658 values, the actor 67,330) as the
 * scalar loop (FusedAdam.scalarStep) against the vector loop (FusedAdam.step with nn.VectorLoops),
 * on direct buffers, after checking that both give the same bits. -Dspan=D spreads the gradients'
 * magnitudes over 1e-2 to 1e-(2+D): 6 (default) keeps them ordinary, 30 makes many too small to square.
 */
public class AdamVecBench {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final ByteOrder LE = ByteOrder.nativeOrder();
    static void vstep(ByteBuffer w, ByteBuffer g, ByteBuffer m, ByteBuffer v, float lr, float wd, float b1, float b2, float eps) {
        FusedAdam.step(w, g, m, v, lr, wd, b1, b2, eps);
    }
    static void sstep(ByteBuffer w, ByteBuffer g, ByteBuffer m, ByteBuffer v, float lr, float wd, float b1, float b2, float eps) {
        FusedAdam.scalarStep(w.asFloatBuffer(), g.asFloatBuffer(), m.asFloatBuffer(), v.asFloatBuffer(), 0, lr, wd, b1, b2, eps);
    }
    public static void main(String[] args) {
        System.out.println("species " + S);
        int[] sizes = {134658, 67330};
        Random r = new Random(1);
        List<ByteBuffer[]> sets = new ArrayList<>();
        for (int n : sizes) {
            ByteBuffer[] s = new ByteBuffer[5];
            for (int k = 0; k < 5; k++) s[k] = ByteBuffer.allocateDirect(n * 4).order(LE);
            for (int i = 0; i < n; i++) {
                s[0].putFloat(i * 4, (float) r.nextGaussian() * 0.05f);
                // 30% exact zeros (dead units), the rest spread over magnitudes
                float gv = r.nextDouble() < 0.3 ? 0f : (float) (r.nextGaussian() * Math.pow(10, -2 - Double.parseDouble(System.getProperty("span","6")) * r.nextDouble()));
                s[4].putFloat(i * 4, gv);
            }
            sets.add(s);
        }
        // identical results check
        for (ByteBuffer[] s : sets) {
            int n = s[0].capacity() / 4;
            ByteBuffer[] c = new ByteBuffer[4];
            for (int k = 0; k < 4; k++) { c[k] = ByteBuffer.allocateDirect(n * 4).order(LE); }
            ByteBuffer[] d = new ByteBuffer[4];
            for (int k = 0; k < 4; k++) { d[k] = ByteBuffer.allocateDirect(n * 4).order(LE); }
            for (int i = 0; i < n; i++) { c[0].putFloat(i*4, s[0].getFloat(i*4)); d[0].putFloat(i*4, s[0].getFloat(i*4)); c[1].putFloat(i*4, s[4].getFloat(i*4)); d[1].putFloat(i*4, s[4].getFloat(i*4)); }
            for (int it = 0; it < 300; it++) {
                sstep(c[0], c[1], c[2], c[3], 3e-4f, 0f, .9f, .999f, 1e-8f);
                vstep(d[0], d[1], d[2], d[3], 3e-4f, 0f, .9f, .999f, 1e-8f);
            }
            for (int k = 0; k < 4; k++) if (!c[k].equals(d[k])) System.out.println("MISMATCH buffer " + k);
        }
        for (int round = 0; round < 5; round++) {
            for (int mode = 0; mode < 2; mode++) {
                long[] t = new long[1000];
                for (int it = 0; it < 1500; it++) {
                    for (ByteBuffer[] s : sets) { s[1].clear(); s[1].put(s[4].duplicate().clear()); s[1].clear(); }
                    long a = System.nanoTime();
                    for (ByteBuffer[] s : sets) {
                        if (mode == 0) sstep(s[0], s[1], s[2], s[3], 3e-4f, 0f, .9f, .999f, 1e-8f);
                        else vstep(s[0], s[1], s[2], s[3], 3e-4f, 0f, .9f, .999f, 1e-8f);
                    }
                    long b = System.nanoTime();
                    if (it >= 500) t[it - 500] = b - a;
                }
                Arrays.sort(t);
                System.out.printf("round %d %-7s median %.3f ms p10 %.3f p90 %.3f%n", round, mode == 0 ? "scalar" : "vector", t[500]/1e6, t[100]/1e6, t[900]/1e6);
            }
        }
    }
}
