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
 * fixes the weights whatever the engine. The parameters are views of a {@link FlatParameters}
 * array, which several networks can share (SAC's twin critics) so that their optimiser and
 * Polyak steps are one call each. Parameters live on the manager given at creation; call
 * {@link #forward} with inputs on a short-lived manager so that results land there.
 */
public final class Mlp {
    /** Hidden-layer nonlinearity. */
    public enum Act { RELU, SWISH }

    private final FlatParameters store;
    private final int first;
    private final List<NDArray> params;
    private final int[] sizes;
    private final Act act;

    private Mlp(FlatParameters store, int first, int[] sizes, Act act) {
        this.store = store;
        this.first = first;
        this.sizes = sizes;
        this.act = act;
        this.params = store.views().subList(first, first + 2 * (sizes.length - 1));
    }

    /**
     * A new network {@code in -> hidden... -> out}, PyTorch's default initialisation
     * (weights and biases uniform in ±1/sqrt(fan_in)).
     */
    public static Mlp create(NDManager manager, int in, List<Integer> hidden, int out, Act act, boolean trainable,
                             RandomGenerator random) {
        return createGroup(manager, in, hidden, out, act, trainable, List.of(random)).get(0);
    }

    /**
     * Networks of the same shape whose parameters share one flat array, one network per
     * generator, each initialised from its own generator exactly as {@link #create} would.
     */
    public static List<Mlp> createGroup(NDManager manager, int in, List<Integer> hidden, int out, Act act, boolean trainable,
                                        List<? extends RandomGenerator> randoms) {
        int[] sizes = ParamInit.sizes(in, hidden, out);
        List<Shape> shapes = new ArrayList<>();
        for (int n = 0; n < randoms.size(); n++) {
            for (int l = 0; l + 1 < sizes.length; l++) {
                shapes.add(new Shape(sizes[l + 1], sizes[l]));
                shapes.add(new Shape(sizes[l + 1]));
            }
        }
        float[] values = new float[(int) shapes.stream().mapToLong(Shape::size).sum()];
        int at = 0;
        int shape = 0;
        for (RandomGenerator random : randoms) {
            for (int l = 0; l + 1 < sizes.length; l++) {
                float bound = ParamInit.bound(sizes[l]);
                for (int k = 0; k < 2; k++) {
                    at = ParamInit.fillUniform(values, at, (int) shapes.get(shape++).size(), bound, random);
                }
            }
        }
        return group(FlatParameters.of(manager, shapes, values, trainable), sizes, act, randoms.size());
    }

    private static List<Mlp> group(FlatParameters store, int[] sizes, Act act, int count) {
        List<Mlp> nets = new ArrayList<>(count);
        int perNet = 2 * (sizes.length - 1);
        for (int n = 0; n < count; n++) {
            nets.add(new Mlp(store, n * perNet, sizes, act));
        }
        return Collections.unmodifiableList(nets);
    }

    /**
     * Copies of networks that share one store (all of its networks, in order), sharing a new
     * store with the current values: target networks whose Polyak step is one call.
     */
    public static List<Mlp> copyGroup(List<Mlp> nets, NDManager manager, boolean trainable) {
        FlatParameters store = nets.get(0).store;
        int perNet = 2 * (nets.get(0).sizes.length - 1);
        for (int n = 0; n < nets.size(); n++) {
            if (nets.get(n).store != store || nets.get(n).first != n * perNet) {
                throw new IllegalArgumentException("copyGroup takes all the networks of one store, in order");
            }
        }
        if (nets.size() * perNet != store.count()) {
            throw new IllegalArgumentException("copyGroup takes all " + store.count() / perNet + " networks of the store");
        }
        return group(store.copy(manager, trainable), nets.get(0).sizes.clone(), nets.get(0).act, nets.size());
    }

    /**
     * The forward pass. Under gradient recording (and when trainable) the parameters are views
     * that carry gradients into the store's flat array; otherwise the fixed views.
     */
    public NDArray forward(NDArray x) {
        if (!store.recording()) {
            return forward(x, params);
        }
        if (params.size() == store.count()) {
            return forward(x, store.recordedViews()); // the store's only network: its views are cut once
        }
        List<NDArray> recorded = store.recordedViews(first, first + params.size());
        try {
            return forward(x, recorded);
        } finally {
            recorded.forEach(NDArray::close); // the recorded graph keeps what it needs
        }
    }

    /**
     * Forward passes of all the networks of one store on the same input, in order. Under
     * gradient recording they all use the store's recorded views ({@link FlatParameters#recordedViews()},
     * cut once for the store's life), so the backward pass assembles one gradient for the whole
     * flat array (a pass per network that cut its own slice would pay a full-size gradient per slice).
     */
    public static List<NDArray> forwardAll(List<Mlp> group, NDArray x) {
        FlatParameters store = group.get(0).store;
        List<NDArray> out = new ArrayList<>(group.size());
        if (!store.recording()) {
            for (Mlp net : group) {
                out.add(net.forward(x, net.params));
            }
            return out;
        }
        List<NDArray> recorded = store.recordedViews();
        for (Mlp net : group) {
            if (net.store != store) {
                throw new IllegalArgumentException("forwardAll takes networks of one store");
            }
            out.add(net.forward(x, recorded.subList(net.first, net.first + net.params.size())));
        }
        return out;
    }

    /**
     * The forward pass with another set of parameters of the same shapes (e.g. detached ones).
     * Intermediate activations are closed as soon as the next layer has used them, as Python
     * frees them when their last reference goes: gradient recording keeps what it needs, and
     * the allocator reuses the freed memory while it is still in cache (an element-wise op
     * into fresh memory measured twice as slow: 13.5-15 against 7 us on 256 KiB, 2026-11-25).
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
     * The parameters without gradient, sharing their storage (they always hold the current
     * weights, in-place steps and loads included): for a loss that must not train this network
     * (SAC's actor loss).
     */
    public List<NDArray> frozen() {
        return params;
    }

    /** The flat array these parameters are views of (shared with the other networks of its group). */
    public FlatParameters store() {
        return store;
    }

    /** One view per parameter (weights [out, in] and biases [out] per layer), without gradient. */
    public List<NDArray> parameters() {
        return params;
    }

}
