package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) over a fixed list of parameters, with its moment estimates held
 * here so that they can be saved and restored. On the CPU each step is one pass over each
 * parameter's memory ({@link FusedAdam}); elsewhere the engine's Adam kernel. Either way the
 * weights change in place and the gradients are zeroed. One optimiser per network: the step
 * counter is shared by all its parameters.
 */
public final class AdamOptimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;
    /** The kernel clips gradients at any value >= 0 (infinity included, a wasted pass); negative: no clipping. */
    private static final float NO_CLIP = -1f;

    private final List<NDArray> params;
    /** The store whose flat array {@link #params} holds, or null (per-tensor parameters). */
    private final FlatParameters store;
    private final float[] weightDecay;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    /** What is saved: the moments, per parameter (views of the flat moments for a {@link FlatParameters} store). */
    private final List<NDArray> state;
    private float learningRate;
    private long steps;
    /** Whether every parameter and moment can be stepped in place by {@link FusedAdam} (dense CPU arrays). */
    private boolean fused;
    /**
     * When fused: each parameter's and moment's memory, asked of the engine once (each request
     * is a few JNI calls; steps, loads and resets all write in place, so the memory stays put).
     */
    private ByteBuffer[] paramBytes;
    private ByteBuffer[] meanBytes;
    private ByteBuffer[] varianceBytes;

    /**
     * Adam over every parameter of a {@link FlatParameters} store in one step, without weight
     * decay. Its saved state lists the moments per parameter, in the store's order, as the
     * per-tensor optimiser does, so checkpoints keep their layout.
     */
    public AdamOptimizer(NDManager manager, FlatParameters store, float learningRate) {
        this.params = List.of(store.flat());
        this.store = store;
        this.learningRate = learningRate;
        this.weightDecay = new float[1];
        NDArray mean = manager.zeros(store.flat().getShape(), store.flat().getDataType());
        NDArray variance = manager.zeros(store.flat().getShape(), store.flat().getDataType());
        means.add(mean);
        variances.add(variance);
        List<NDArray> s = new ArrayList<>(store.shapedLike(mean));
        s.addAll(store.shapedLike(variance));
        this.state = List.copyOf(s);
        this.fused = fusable();
        if (fused) {
            mapMemory();
        }
    }

    /**
     * @param weightDecay per parameter L2 coefficient (added to the gradient as {@code wd * w}); null for none
     */
    public AdamOptimizer(NDManager manager, List<NDArray> params, float learningRate, float[] weightDecay) {
        this.params = List.copyOf(params);
        this.store = null;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay == null ? new float[params.size()] : weightDecay.clone();
        if (this.weightDecay.length != params.size()) {
            throw new IllegalArgumentException("weightDecay has " + this.weightDecay.length + " entries for " + params.size() + " parameters");
        }
        for (NDArray p : params) {
            if (!p.hasGradient()) {
                throw new IllegalArgumentException("a parameter of shape " + p.getShape() + " records no gradient; "
                        + "for a network's views use new AdamOptimizer(manager, net.store(), lr)");
            }
            means.add(manager.zeros(p.getShape(), p.getDataType()));
            variances.add(manager.zeros(p.getShape(), p.getDataType()));
        }
        List<NDArray> s = new ArrayList<>(means);
        s.addAll(variances);
        this.state = List.copyOf(s);
        this.fused = fusable();
        if (fused) {
            mapMemory();
        }
    }

    private void mapMemory() {
        int n = params.size();
        paramBytes = new ByteBuffer[n];
        meanBytes = new ByteBuffer[n];
        varianceBytes = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            paramBytes[i] = FusedAdam.bytes(params.get(i));
            meanBytes[i] = FusedAdam.bytes(means.get(i));
            varianceBytes[i] = FusedAdam.bytes(variances.get(i));
        }
    }

    /** Whether steps run as one pass over the parameters' memory ({@link FusedAdam}) rather than the engine's kernel. */
    public boolean fused() {
        return fused;
    }

    /**
     * Steps with the engine's kernel even where the fused pass could run: what a GPU runs, so that
     * the CPU's tests cover that path too (and for comparisons).
     */
    public void useEngineKernel() {
        fused = false;
    }

    private boolean fusable() {
        for (int i = 0; i < params.size(); i++) {
            if (!FusedAdam.writableInPlace(params.get(i)) || !FusedAdam.writableInPlace(means.get(i))
                    || !FusedAdam.writableInPlace(variances.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Applies one update from the gradients accumulated on the parameters, then zeroes them. */
    public void step() {
        steps++;
        // The kernel takes the step size with Adam's bias correction already applied.
        float correctedLr = (float) (learningRate * Math.sqrt(1.0 - Math.pow(BETA2, steps)) / (1.0 - Math.pow(BETA1, steps)));
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i);
            try (NDArray g = w.getGradient()) {
                if (fused) {
                    FusedAdam.step(paramBytes[i], FusedAdam.bytes(g), meanBytes[i], varianceBytes[i], correctedLr, weightDecay[i], BETA1, BETA2, EPS);
                    JniUtils.zeroGrad((PtNDArray) w);
                    continue;
                }
                w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(i), variances.get(i)), new NDList(w),
                        learningRate, correctedLr, weightDecay[i], 1f, NO_CLIP, BETA1, BETA2, EPS,
                        true, false);
            }
        }
        if (!fused && store != null) {
            store.forgetRecordedViews(); // the kernel wrote the flat array in place through the engine
        }
    }

    /**
     * True when every accumulated gradient is finite. A loss can be finite while its gradient
     * is not (0 x infinity inside the graph); such a step must not be applied.
     */
    public boolean gradientsFinite() {
        // One read-back for all parameters: each gradient's sum (NaN or infinite when any entry
        // is), then the largest magnitude of those sums; a flat store has just the one sum, or
        // on the CPU one vector pass over its memory.
        if (params.size() == 1) {
            try (NDArray g = params.get(0).getGradient()) {
                if (fused && Simd.ENABLED) {
                    return VectorLoops.allFinite(FusedAdam.bytes(g)); // only read: a copy would do too
                }
                try (NDArray sum = g.sum()) {
                    return Float.isFinite(sum.getFloat());
                }
            }
        }
        List<NDArray> sums = new ArrayList<>(params.size());
        try {
            for (NDArray w : params) {
                try (NDArray g = w.getGradient()) {
                    sums.add(g.sum());
                }
            }
            try (NDArray all = NDArrays.stack(new NDList(sums)); NDArray abs = all.abs(); NDArray max = abs.max()) {
                return Float.isFinite(max.getFloat());
            }
        } finally {
            sums.forEach(NDArray::close);
        }
    }

    /** {@link #gradientsFinite()}, dropping the gradients when they are not. */
    public boolean keepGradientsIfFinite() {
        if (gradientsFinite()) {
            return true;
        }
        discardGradients();
        return false;
    }

    /** Drops the accumulated gradients without a step (a skipped, non-finite update). */
    public void discardGradients() {
        for (NDArray w : params) {
            try (NDArray g = w.getGradient()) {
                g.set(new ai.djl.ndarray.index.NDIndex("..."), 0); // in place, also over NaN and infinity (0 x NaN would not clear them)
            }
        }
    }

    public float learningRate() {
        return learningRate;
    }

    public void setLearningRate(float lr) {
        this.learningRate = lr;
    }

    public long steps() {
        return steps;
    }

    /** The state to save: first and second moments of every parameter. */
    public List<NDArray> state() {
        return state;
    }

    public void setSteps(long steps) {
        this.steps = steps;
    }
}
