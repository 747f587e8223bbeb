package dev.mbpo.train;

import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.ActorReplica;
import dev.mbpo.rl.ActorSnapshot;
import dev.mbpo.run.RunEvent;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The asynchronous loop's model thread: trains the ensemble on a snapshot of the real data,
 * measures its predictions, and branches rollouts with a replica of the latest policy into
 * the model buffer, while the learner keeps running SAC updates on the previous imagined
 * data. Gradient recording is per thread ({@code nn.Gradients}), so training the model and
 * training the policy use both cores. One job at a time; a job submitted while one runs
 * waits and is replaced by a newer one.
 */
final class ModelWorker implements AutoCloseable {
    /** What a model training needs, captured on the learner's thread when it was due. */
    record Job(long step, ReplayBuffer real, RunEvent.Episode lastEval, List<RunEvent.Episode> lastEvals, ActorSnapshot policy) {
    }

    private final ModelBranch model;
    private final ActorReplica policy;
    private final BooleanSupplier stop;
    private final Thread thread;
    private final Object lock = new Object();
    private Job pending;
    private boolean busy;
    private volatile boolean running = true;
    private volatile Throwable failure; // a RuntimeException or an Error, raised again on the learner's thread
    private volatile double busySeconds;
    private volatile int jobs;

    ModelWorker(ModelBranch model, ActorReplica policy, BooleanSupplier stop) {
        this.model = model;
        this.policy = policy;
        this.stop = () -> !running || stop.getAsBoolean();
        this.thread = new Thread(this::run, "mbpo-model");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(Job job) {
        synchronized (lock) {
            pending = job;
            lock.notifyAll();
        }
    }

    private void run() {
        Engines.prepareThread();
        while (running) {
            Job job;
            synchronized (lock) {
                while (running && pending == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!running) {
                    return;
                }
                job = pending;
                pending = null;
                busy = true;
            }
            long t0 = System.nanoTime();
            try {
                if (model.train(job.step(), job.real(), stop)) {
                    model.predictSegments(job.step(), job.lastEval());
                    model.measureHorizon(job.step(), job.lastEvals());
                    policy.load(job.policy());
                    model.rollout(job.step(), job.real(), policy);
                }
            } catch (RuntimeException | Error e) {
                failure = e; // an Error too: the learner would otherwise wait for a thread that is gone
                running = false;
            } finally {
                busySeconds += (System.nanoTime() - t0) / 1e9;
                jobs++;
                synchronized (lock) {
                    busy = false;
                    lock.notifyAll();
                }
            }
        }
    }

    /** Raises, on the caller's thread, what ended the model thread (e.g. a numerical fault), if anything did. */
    void rethrowFailure() {
        ThreadFailure.rethrow(failure);
    }

    /** Waits until no job runs or waits (or {@code giveUp} says so); true when idle. */
    boolean awaitIdle(BooleanSupplier giveUp) {
        synchronized (lock) {
            while ((busy || pending != null) && running && !giveUp.getAsBoolean()) {
                try {
                    lock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !busy && pending == null;
        }
    }

    /** Waits at most {@code millis} for the current job. */
    void awaitIdle(long millis) {
        synchronized (lock) {
            if (busy || pending != null) {
                try {
                    lock.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    double busySeconds() {
        return busySeconds;
    }

    int jobs() {
        return jobs;
    }

    @Override
    public void close() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        policy.close();
    }
}
