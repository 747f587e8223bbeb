package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An ensemble of equally shaped MLPs held as one batched network: layer l has weights
 * [members, in, out] and biases [members, 1, out], and a forward pass is one batched
 * matrix product per layer over inputs [members, rows, in] (mbrl-lib's ensemble layer).
 * Hidden layers use swish (SiLU). Each member's initial weights come from its own
 * seeded stream (PyTorch's default ±1/sqrt(fan_in) uniform).
 */
public final class EnsembleMlp {
    private final List<NDArray> params;
    private final int members;
    private final int[] sizes;

    private EnsembleMlp(List<NDArray> params, int members, int[] sizes) {
        this.params = params;
        this.members = members;
        this.sizes = sizes;
    }

    public static EnsembleMlp create(NDManager manager, int members, int in, List<Integer> hidden, int out,
                                     RandomGenerator random) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = in;
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(i);
        }
        sizes[sizes.length - 1] = out;
        List<NDArray> params = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            int fanIn = sizes[l];
            int fanOut = sizes[l + 1];
            float bound = (float) (1.0 / Math.sqrt(fanIn));
            params.add(uniform(manager, new Shape(members, fanIn, fanOut), bound, random));
            params.add(uniform(manager, new Shape(members, 1, fanOut), bound, random));
        }
        return new EnsembleMlp(Collections.unmodifiableList(params), members, sizes);
    }

    private static NDArray uniform(NDManager m, Shape shape, float bound, RandomGenerator random) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        NDArray a = m.create(v, shape);
        a.setRequiresGradient(true);
        return a;
    }

    /** Outputs [members, rows, out] for inputs [members, rows, in]. */
    public NDArray forward(NDArray x) {
        NDArray h = x;
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            NDArray z = h.matMul(params.get(2 * l)).add(params.get(2 * l + 1));
            if (l == layers - 1) {
                return z;
            }
            h = z.mul(Activation.sigmoid(z));
        }
        throw new IllegalStateException("no layers");
    }

    /** Weight tensors only (for weight decay), layer by layer. */
    public List<NDArray> weights() {
        List<NDArray> w = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            w.add(params.get(2 * l));
        }
        return w;
    }

    public List<NDArray> parameters() {
        return params;
    }

    public int members() {
        return members;
    }

    public int layers() {
        return sizes.length - 1;
    }

    /** Multiply-adds of one forward pass of one member for one row. */
    public long macsPerRow() {
        long macs = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            macs += (long) sizes[l] * sizes[l + 1];
        }
        return macs;
    }
}
