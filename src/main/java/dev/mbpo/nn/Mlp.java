package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
            params.add(uniform(manager, new Shape(fanOut, fanIn), bound, trainable, random));
            params.add(uniform(manager, new Shape(fanOut), bound, trainable, random));
        }
        return new Mlp(Collections.unmodifiableList(params), sizes, act);
    }

    private static NDArray uniform(NDManager m, Shape shape, float bound, boolean trainable, RandomGenerator random) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        NDArray a = m.create(v, shape);
        if (trainable) {
            a.setRequiresGradient(true);
        }
        return a;
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

    /** The forward pass with another set of parameters of the same shapes (e.g. detached ones). */
    public NDArray forward(NDArray x, List<NDArray> p) {
        NDArray h = x;
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            NDList z = Linear.linear(h, p.get(2 * l), p.get(2 * l + 1));
            NDArray out = z.singletonOrThrow();
            if (l == layers - 1) {
                return out;
            }
            h = act == Act.RELU ? Activation.relu(out) : out.mul(Activation.sigmoid(out));
        }
        throw new IllegalStateException("no layers");
    }

    /** Views of the parameters that carry no gradient, attached to {@code scratch} (closed with it). */
    public List<NDArray> detached(NDManager scratch) {
        List<NDArray> d = new ArrayList<>(params.size());
        for (NDArray p : params) {
            NDArray s = p.stopGradient();
            s.attach(scratch);
            d.add(s);
        }
        return d;
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

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Multiply-adds of one forward pass for one row (for FLOP counts). */
    public long macsPerRow() {
        long macs = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            macs += (long) sizes[l] * sizes[l + 1];
        }
        return macs;
    }
}
