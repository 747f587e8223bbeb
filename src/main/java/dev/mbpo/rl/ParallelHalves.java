package dev.mbpo.rl;

import dev.mbpo.nn.Engines;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The threading of {@code sac.update = parallel}: the actor's half of an update (loss, backward
 * pass, step) runs on a helper thread, {@code sac-actor-half}, while the calling thread computes
 * the critics' half. The halves write disjoint gradients and weights; two latches order the
 * steps: the actor steps only after the critics' half has read the actor's weights (for its
 * targets), the critics step only after the actor's half has back-propagated through them.
 * The helper thread starts on first use and has its own grad mode.
 */
final class ParallelHalves implements AutoCloseable {
    /** Both halves' results, and whether each was applied. */
    record Outcome<A, C>(A actor, boolean actorApplied, C critic, boolean criticApplied) {
    }

    private ExecutorService helper;

    /**
     * Runs one update's halves.
     *
     * @param actorCompute  the actor's loss and gradient (reads the critics' weights)
     * @param actorApply    the actor's step, when it is allowed; returns whether it was applied
     * @param criticCompute the critics' loss and gradient; calls its argument once it has read the actor's weights
     * @param criticApply   the critics' step; returns whether it was applied
     */
    <A, C> Outcome<A, C> run(Supplier<A> actorCompute, Predicate<A> actorApply, Function<Runnable, C> criticCompute,
                             Predicate<C> criticApply) {
        CountDownLatch actorRead = new CountDownLatch(1); // the actor's half is done with the critics' weights
        CountDownLatch targetRead = new CountDownLatch(1); // the critics' half is done with the actor's weights
        Future<Outcome<A, C>> helperDone = helper().submit(() -> {
            A a;
            try {
                a = actorCompute.get();
            } finally {
                actorRead.countDown();
            }
            awaitLatch(targetRead);
            return new Outcome<>(a, actorApply.test(a), null, false);
        });
        C c;
        boolean criticApplied;
        Outcome<A, C> actor;
        try {
            c = criticCompute.apply(targetRead::countDown);
            awaitLatch(actorRead);
            criticApplied = criticApply.test(c);
        } finally {
            targetRead.countDown();
            actor = await(helperDone); // whatever happened here, the helper must be done before anything else touches the networks
        }
        return new Outcome<>(actor.actor(), actor.actorApplied(), c, criticApplied);
    }

    private static void awaitLatch(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the other half is using the networks: finish waiting
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the helper is using the networks
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized ExecutorService helper() {
        if (helper == null) {
            helper = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(() -> {
                    Engines.prepareThread();
                    r.run();
                }, "sac-actor-half");
                t.setDaemon(true);
                return t;
            });
        }
        return helper;
    }

    @Override
    public synchronized void close() {
        if (helper != null) {
            helper.shutdownNow();
        }
    }
}
