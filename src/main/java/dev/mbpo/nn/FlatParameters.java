package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters of one or more networks held in one contiguous array, so that an optimiser
 * step, a gradient check or a Polyak step is one call for all of them instead of one per
 * tensor (SAC's twin critics: twelve tensors; measured in docs/BENCHMARKS.md). Each parameter
 * is also a fixed view of that array with its own shape ({@link #views()}): no gradient flows
 * through those, and they always hold the current values (for inference, saving, loading and
 * snapshots). Under gradient recording, {@link #recordedViews} cuts views that carry their
 * gradients into the flat array's one gradient.
 */
public final class FlatParameters {
    private final NDArray flat;
    private final List<Shape> shapes;
    private final long[] cuts;
    private final List<NDArray> views;
    private final boolean trainable;
    /** Whether {@link #flat}'s memory can be written through a buffer; null until first asked. */
    private Boolean inPlace;
    /** {@link #flat}'s memory when {@link #inPlace}: asked of the engine once (steps and loads write in place). */
    private ByteBuffer memory;
    /** The views for recorded passes, cut on first use ({@link #recordedViews()}). */
    private List<NDArray> recorded;

    private FlatParameters(NDArray flat, List<Shape> shapes, boolean trainable) {
        this.flat = flat;
        this.shapes = List.copyOf(shapes);
        this.trainable = trainable;
        this.cuts = new long[shapes.size() - 1];
        long at = 0;
        for (int i = 0; i < cuts.length; i++) {
            at += shapes.get(i).size();
            cuts[i] = at;
        }
        try (NDArray detached = flat.stopGradient()) {
            this.views = Collections.unmodifiableList(shapedLike(detached)); // they keep the shared storage alive
        }
    }

    /**
     * @param values every parameter's values, in order, concatenated
     * @param trainable whether the flat array records gradients
     */
    public static FlatParameters of(NDManager manager, List<Shape> shapes, float[] values, boolean trainable) {
        long total = shapes.stream().mapToLong(Shape::size).sum();
        if (total != values.length) {
            throw new IllegalArgumentException(values.length + " values for parameters of " + total + " entries");
        }
        NDArray flat = manager.create(values);
        if (trainable) {
            flat.setRequiresGradient(true);
        }
        return new FlatParameters(flat, shapes, trainable);
    }

    /** A copy with the same shapes and current values (e.g. target networks). */
    public FlatParameters copy(NDManager manager, boolean trainableCopy) {
        return of(manager, shapes, flat.toFloatArray(), trainableCopy);
    }

    /**
     * Views of {@code flatLike}, an array of this store's size (its flat array, a detached copy
     * of it, an optimiser's moments), cut and shaped as the parameters.
     */
    public List<NDArray> shapedLike(NDArray flatLike) {
        return cut(flatLike, 0, shapes.size());
    }

    /** {@code source} holds parameters {@code from} to {@code to} back to back: one reshaped view each. */
    private List<NDArray> cut(NDArray source, int from, int to) {
        long start = from == 0 ? 0 : cuts[from - 1];
        long[] local = new long[to - from - 1];
        for (int i = 0; i < local.length; i++) {
            local[i] = cuts[from + i] - start;
        }
        NDList parts = local.length == 0 ? new NDList(source.reshape(source.getShape())) : source.split(local);
        List<NDArray> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            out.add(parts.get(i).reshape(shapes.get(from + i)));
            parts.get(i).close();
        }
        return out;
    }

    /** The one array that optimisers step and whose gradient they read. */
    public NDArray flat() {
        return flat;
    }

    /** One view per parameter, in order, without gradient; they share the flat array's storage. */
    public List<NDArray> views() {
        return views;
    }

    /**
     * Views whose gradients accumulate into the flat array's, for forward passes under gradient
     * recording: cut once, on the first call (which must record), and reused by every later pass.
     * Their graph nodes (a split and a reshape per parameter) keep no tensors, only sizes, so each
     * backward pass can run through them again; recutting them for every pass cost 0.1-0.3 ms
     * per pass of SAC's critics (measured 2026-11-26). Do not close them: they live until
     * {@link #forgetRecordedViews()}.
     *
     * <p>They are the outputs of one split, and PyTorch refuses such views once their base has
     * been written in place through the engine (it bumps the version the views were cut at): so
     * every such write must be followed by {@link #forgetRecordedViews()}. Writes through
     * {@link java.nio.ByteBuffer}s (the CPU's Adam and Polyak steps) do not count.
     */
    public synchronized List<NDArray> recordedViews() {
        if (recorded == null) {
            if (!JniUtils.isGradMode()) {
                throw new IllegalStateException("recorded views are cut under gradient recording");
            }
            recorded = Collections.unmodifiableList(shapedLike(flat));
        }
        return recorded;
    }

    /**
     * Drops the recorded views, to be cut again on the next recorded pass: call after writing the
     * flat array in place through the engine (the engine's Adam kernel, a checkpoint loaded
     * through {@link #views()}, an engine Polyak step).
     */
    public synchronized void forgetRecordedViews() {
        if (recorded != null) {
            recorded.forEach(NDArray::close); // the graphs that used them have run their backward passes
            recorded = null;
        }
    }

    /**
     * Views as {@link #recordedViews()} for parameters {@code from} (inclusive) to {@code to}
     * (exclusive) only, cut anew from that range for one pass; close them after it (the recorded
     * graph keeps what it needs).
     */
    public List<NDArray> recordedViews(int from, int to) {
        long start = from == 0 ? 0 : cuts[from - 1];
        long end = to == shapes.size() ? size() : cuts[to - 1];
        try (NDArray range = flat.get(new NDIndex(start + ":" + end))) {
            return cut(range, from, to);
        }
    }

    /** True when gradients should reach this array now: it is trainable and this thread records. */
    public boolean recording() {
        return trainable && JniUtils.isGradMode();
    }

    public List<Shape> shapes() {
        return shapes;
    }

    /** Number of parameters (tensors). */
    public int count() {
        return shapes.size();
    }

    /** Total number of values. */
    public long size() {
        return flat.getShape().size();
    }

    /**
     * target = (1 - tau) target + tau this, in place on the target's storage: one vector pass
     * over both arrays' memory where {@link Simd} allows and the target's memory can be written in
     * place, else three engine operations for all parameters; the same numbers either way.
     */
    public void polyakInto(FlatParameters target, float tau) {
        if (target.size() != size()) {
            throw new IllegalArgumentException("Polyak step between " + size() + " and " + target.size() + " values");
        }
        float keep = 1f - tau;
        if (Simd.ENABLED && target.inPlace()) {
            ByteBuffer t = target.memory;
            ByteBuffer s = inPlace() ? memory : FusedAdam.bytes(flat);
            for (int i = VectorLoops.polyak(t, s, keep, tau), n = (int) size(); i < n; i++) {
                int at = i * Float.BYTES;
                t.putFloat(at, t.getFloat(at) * keep + s.getFloat(at) * tau);
            }
            return;
        }
        target.flat.muli(keep);
        try (NDArray scaled = flat.mul(tau)) {
            target.flat.addi(scaled);
        }
        target.forgetRecordedViews();
    }

    /** Whether the flat array's memory can be written through a buffer (checked once: a dense CPU array). */
    private boolean inPlace() {
        if (inPlace == null) {
            inPlace = FusedAdam.writableInPlace(flat);
            memory = inPlace ? FusedAdam.bytes(flat) : null;
        }
        return inPlace;
    }
}
