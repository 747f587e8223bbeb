package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient recording per thread. DJL's {@code PtGradientCollector} is a thin wrapper: it turns
 * on PyTorch's grad mode for the calling thread and calls the autograd engine's backward, but
 * it also keeps a JVM-wide flag that allows only one open collector at a time, which would
 * serialise two training sessions (SAC and MBPO side by side) or a model trainer and a policy
 * learner. PyTorch's grad mode is thread-local and its autograd engine runs independent graphs
 * from several threads safely, so this class does the same two calls without the flag:
 * each thread records and back-propagates its own graphs, in parallel with the others.
 * {@code GradientsTest} checks that two threads training at once get exactly the gradients they
 * get one after the other.
 */
public final class Gradients {
    private Gradients() {
    }

    /** Starts recording on this thread; close the result (try-with-resources) to stop. */
    public static Recording record() {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        return new Recording(previous);
    }

    /** An open recording: forward passes inside it on this thread are recorded for {@link #backward}. */
    public static final class Recording implements AutoCloseable {
        private final boolean previous;

        private Recording(boolean previous) {
            this.previous = previous;
        }

        /** Accumulates d(loss)/d(parameter) into every parameter that requires a gradient. */
        public void backward(NDArray loss) {
            try (NDArray ones = loss.onesLike()) {
                JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
            }
        }

        @Override
        public void close() {
            if (!previous) {
                JniUtils.setGradMode(false);
            }
        }
    }
}
