package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
        int[] sizes = ParamInit.sizes(in, hidden, out);
        List<NDArray> params = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            float bound = ParamInit.bound(sizes[l]);
            params.add(ParamInit.uniform(manager, new Shape(members, sizes[l], sizes[l + 1]), bound, true, random));
            params.add(ParamInit.uniform(manager, new Shape(members, 1, sizes[l + 1]), bound, true, random));
        }
        return new EnsembleMlp(Collections.unmodifiableList(params), members, sizes);
    }

    /** Outputs [members, rows, out] for inputs [members, rows, in]. */
    public NDArray forward(NDArray x) {
        return forward(x, -1);
    }

    /**
     * Outputs [rows, out] of one member for its inputs [rows, in]: the same arithmetic as that
     * member's slice of {@link #forward(NDArray)}, without computing the others. Results land on
     * {@code x}'s manager.
     */
    public NDArray forwardMember(NDArray x, int member) {
        return forward(x, member);
    }

    /** Every member when {@code member} is negative, else that member only (through views of its weights). */
    private NDArray forward(NDArray x, int member) {
        NDArray h = x;
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            NDArray w = member < 0 ? params.get(2 * l) : params.get(2 * l).get(member);
            NDArray b = member < 0 ? params.get(2 * l + 1) : params.get(2 * l + 1).get(member);
            NDArray z;
            try {
                z = affine(h, w, b);
            } finally {
                if (member >= 0) {
                    w.close();
                    b.close();
                }
            }
            if (h != x) {
                h.close(); // as Mlp: intermediates go as soon as they are used
            }
            if (l == layers - 1) {
                return z;
            }
            h = Mlp.activate(z, Mlp.Act.SWISH);
        }
        throw new IllegalStateException("no layers");
    }

    /**
     * h W + b, the bias added in place to the product (one array, one pass fewer than a new sum):
     * allowed under gradient recording because the product's backward pass needs only h and W.
     */
    private static NDArray affine(NDArray h, NDArray w, NDArray b) {
        return h.matMul(w).addi(b);
    }

    /**
     * A copy of some members as an ensemble of their own (member i of the result is
     * {@code members[i]} here), on {@code manager}, without gradients: what a planner that
     * samples only the elites runs, one batched pass for all of them.
     */
    public EnsembleMlp subset(int[] members, NDManager manager) {
        List<NDArray> copies = new ArrayList<>(params.size());
        try (NDManager scratch = manager.newSubManager()) {
            NDArray index = scratch.create(members);
            for (NDArray p : params) {
                try (NDArray picked = p.get(index)) { // lands on p's manager: closed here, not left there
                    NDArray copy = picked.duplicate();
                    copy.attach(manager);
                    copies.add(copy);
                }
            }
        }
        return new EnsembleMlp(Collections.unmodifiableList(copies), members.length, sizes);
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

}
