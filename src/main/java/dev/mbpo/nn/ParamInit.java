package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.random.RandomGenerator;

/** Layer sizes and PyTorch-style initial weights from a seeded Java generator. */
final class ParamInit {
    private ParamInit() {
    }

    /** [in, hidden..., out]. */
    static int[] sizes(int in, List<Integer> hidden, int out) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = in;
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(i);
        }
        sizes[sizes.length - 1] = out;
        return sizes;
    }

    /** PyTorch's nn.Linear default: uniform in ±1/sqrt(fan_in). */
    static float bound(int fanIn) {
        return (float) (1.0 / Math.sqrt(fanIn));
    }

    /** Fills {@code count} entries of {@code v} from {@code at} as {@link #uniform} draws them; returns the next index. */
    static int fillUniform(float[] v, int at, int count, float bound, RandomGenerator random) {
        for (int i = at; i < at + count; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return at + count;
    }

    static NDArray uniform(NDManager m, Shape shape, float bound, boolean trainable, RandomGenerator random) {
        float[] v = new float[(int) shape.size()];
        fillUniform(v, 0, v.length, bound, random);
        NDArray a = m.create(v, shape);
        if (trainable) {
            a.setRequiresGradient(true);
        }
        return a;
    }
}
