package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron on raw parameters (weights [out, in] and biases [out], as
 * PyTorch's {@code nn.Linear}), initialised from a seeded Java generator so that a seed
 * fixes the weights whatever the engine. Parameters live on the manager given at creation;
 * call {@link #forward} with inputs on a short-lived manager so that results land there.
 */
public final class Mlp {
    /** Hidden-layer nonlinearity. */
    public enum Act { RELU, SWISH }

    private final List<NDArray> params;
    private final int[] sizes;
    private final Act act;
    private List<NDArray> frozen;

    private Mlp(List<NDArray> params, int[] sizes, Act act) {
        this.params = params;
        this.sizes = sizes;
        this.act = act;
    }

    /**
     * A new network {@code in -> hidden... -> out}, PyTorch's default initialisation
     * (weights and biases uniform in ±1/sqrt(fan_in)).
     */
    public static Mlp create(NDManager manager, int in, List<Integer> hidden, int out, Act act, boolean trainable,
                             RandomGenerator random) {
        int[] sizes = ParamInit.sizes(in, hidden, out);
        List<NDArray> params = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            float bound = ParamInit.bound(sizes[l]);
            params.add(ParamInit.uniform(manager, new Shape(sizes[l + 1], sizes[l]), bound, trainable, random));
            params.add(ParamInit.uniform(manager, new Shape(sizes[l + 1]), bound, trainable, random));
        }
        return new Mlp(Collections.unmodifiableList(params), sizes, act);
    }

    /** A network of the same shape whose parameters are copies of this one's (e.g. a target network). */
    public Mlp copy(NDManager manager, boolean trainable) {
        List<NDArray> copies = new ArrayList<>();
        for (NDArray p : params) {
            NDArray c = manager.create(p.toFloatArray(), p.getShape());
            if (trainable) {
                c.setRequiresGradient(true);
            }
            copies.add(c);
        }
        return new Mlp(Collections.unmodifiableList(copies), sizes.clone(), act);
    }

    public NDArray forward(NDArray x) {
        return forward(x, params);
    }

    /**
     * The forward pass with another set of parameters of the same shapes (e.g. detached ones).
     * Intermediate activations are closed as soon as the next layer has used them, as Python
     * frees them when their last reference goes: gradient recording keeps what it needs, and
     * the allocator reuses the freed memory while it is still in cache (an element-wise op
     * into fresh memory measured twice as slow, docs/BENCHMARKS.md).
     */
    public NDArray forward(NDArray x, List<NDArray> p) {
        NDArray h = x;
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            NDArray z = Linear.linear(h, p.get(2 * l), p.get(2 * l + 1)).singletonOrThrow();
            if (h != x) {
                h.close();
            }
            if (l == layers - 1) {
                return z;
            }
            h = activate(z, act);
        }
        throw new IllegalStateException("no layers");
    }

    /** The hidden-layer nonlinearity of {@code z}; closes {@code z}. */
    static NDArray activate(NDArray z, Act act) {
        if (act == Act.RELU) {
            NDArray h = Activation.relu(z);
            z.close();
            return h;
        }
        try (NDArray s = Activation.sigmoid(z)) {
            NDArray h = z.mul(s);
            z.close();
            return h;
        }
    }

    /**
     * Views of the parameters that carry no gradient, made once and kept with the parameters:
     * they share their storage, so they always hold the current weights (in-place steps and
     * loads included). For a loss that must not train this network (SAC's actor loss).
     */
    public synchronized List<NDArray> frozen() {
        if (frozen == null) {
            List<NDArray> d = new ArrayList<>(params.size());
            for (NDArray p : params) {
                d.add(p.stopGradient());
            }
            frozen = Collections.unmodifiableList(d);
        }
        return frozen;
    }

    /** target = (1 - tau) target + tau this, in place on the target's storage. */
    public void polyakInto(Mlp target, float tau) {
        for (int i = 0; i < params.size(); i++) {
            NDArray t = target.params.get(i);
            t.muli(1f - tau);
            try (NDArray scaled = params.get(i).mul(tau)) {
                t.addi(scaled);
            }
        }
    }

    public List<NDArray> parameters() {
        return params;
    }

}
