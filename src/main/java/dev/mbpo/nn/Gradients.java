package dev.mbpo.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gradient recording that several training sessions in one JVM can share: DJL's PyTorch
 * engine allows one open {@link GradientCollector} per JVM (a static flag), so every
 * recording takes one process-wide lock first. Two sessions (SAC and MBPO side by side) then
 * interleave their gradient work while everything else (environment steps, inference,
 * optimiser steps) runs in parallel.
 */
public final class Gradients {
    private static final ReentrantLock LOCK = new ReentrantLock();

    private Gradients() {
    }

    /** Starts recording; close the result (try-with-resources) to stop and release the lock. */
    public static Recording record() {
        LOCK.lock();
        try {
            return new Recording(Engine.getInstance().newGradientCollector());
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    /** An open recording: forward passes inside it are recorded for {@link #backward}. */
    public static final class Recording implements AutoCloseable {
        private final GradientCollector collector;

        private Recording(GradientCollector collector) {
            this.collector = collector;
        }

        public void backward(NDArray loss) {
            collector.backward(loss);
        }

        @Override
        public void close() {
            try {
                collector.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
