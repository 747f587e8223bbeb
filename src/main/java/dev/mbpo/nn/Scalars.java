package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * An array times a Java number, safe under gradient recording.
 *
 * <p>DJL's {@code x.mul(Number)} (and {@code div}, {@code pow}, {@code maximum}, {@code minimum}
 * and the other operations that take a {@code Number}) wraps the number in a 0-d tensor whose
 * memory is a Java direct buffer ({@code torch::from_blob}, no copy) and closes that tensor right
 * after the operation. Autograd keeps the tensor for the backward pass (d(x v)/dx = v), but
 * once it is closed its buffer belongs to the garbage collector: a collection between the
 * forward and the backward pass frees it, and the backward pass reads freed memory. Forced
 * collections turned 200 of 200 such gradients into garbage or NaN (docs/RELIABILITY.md). Here
 * the number lives in memory PyTorch allocates ({@code NDManager.full}), which the recorded graph
 * keeps alive by reference count, so closing the handle is safe.
 *
 * <p>Addition and subtraction of a number are safe with DJL's own methods (their backward pass
 * keeps no operand); every product, quotient, power, maximum or minimum with a number in code
 * that may run under {@link Gradients#record()} goes through this class, or uses a
 * {@link #constant} made once (which also saves creating the number's tensor on every pass).
 */
public final class Scalars {
    private Scalars() {
    }

    /**
     * A 0-d array holding {@code v} in PyTorch's memory, to use as a constant operand again and
     * again (never write to it; threads may share it).
     */
    public static NDArray constant(NDManager manager, float v) {
        return manager.full(new Shape(), v);
    }

    /** {@code x * v}, on {@code x}'s manager. */
    public static NDArray mul(NDArray x, float v) {
        try (NDArray s = constant(x.getManager(), v)) {
            return x.mul(s);
        }
    }
}
