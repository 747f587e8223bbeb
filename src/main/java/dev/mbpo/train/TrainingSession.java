package dev.mbpo.train;

import dev.mbpo.config.ConfigException;
import dev.mbpo.config.RunConfig;
import dev.mbpo.env.Envs;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunStatus;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training run on one background thread, which owns all of the run's native
 * memory, and reports everything as {@link RunEvent}s to a sink called on that thread.
 * Commands ({@link #pause()}, {@link #resume()}, {@link #stop()}) may come from any thread
 * and take effect between real steps (a step's SAC updates take well under a second).
 */
public final class TrainingSession {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private final RunConfig config;
    private final Consumer<RunEvent> sink;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile SessionState state = SessionState.NEW;
    private boolean pauseRequested;
    private boolean stopRequested;
    private Thread thread;
    private String endReason = "";
    private Checkpoints checkpoints;
    private java.nio.file.Path resumeFrom;
    private java.util.function.LongPredicate faultInjection;

    /**
     * @throws ConfigException when the configuration names an unknown environment
     */
    public TrainingSession(RunConfig config, Consumer<RunEvent> sink) {
        this(config, sink, Clock.SYSTEM);
    }

    TrainingSession(RunConfig config, Consumer<RunEvent> sink, Clock clock) {
        validate(config);
        this.config = config;
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Writes checkpoints into {@code runDir/checkpoints/} every {@code run.checkpointEvery}
     * epochs and at the end. Call before starting.
     */
    public TrainingSession checkpointInto(java.nio.file.Path runDir) {
        this.checkpoints = new Checkpoints(runDir, config.run().keepCheckpoints());
        return this;
    }

    /** Continues from a checkpoint folder (written by a run with the same configuration). Call before starting. */
    public TrainingSession resumeFrom(java.nio.file.Path checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /**
     * Checks what the config records cannot: the environment exists, and the buffers fit in
     * this JVM's heap. Call before creating a run folder, so that a refused run leaves nothing.
     *
     * @throws ConfigException naming the field
     */
    public static void validate(RunConfig config) {
        dev.mbpo.env.Env env;
        try {
            env = Envs.make(config.env());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException("env", "env: " + e.getMessage());
        }
        try (env) {
            if (config.algorithm().learnsModel() && config.model().analyticReward() && env.rewardFn().isEmpty()) {
                throw dev.mbpo.config.Check.fail("model.analyticReward", true, "false for " + config.env()
                        + ", whose reward has no closed form here: the ensemble learns it");
            }
            MemoryBudget.check(config, env, Runtime.getRuntime().maxMemory());
            if (config.algorithm() == dev.mbpo.config.Algorithm.OFFLINE) {
                OfflineDataset.load(config, env.observationSpace().dim(), env.actionSpace().dim());
            }
        }
    }

    /** Starts the trainer thread. */
    public void start() {
        synchronized (lock) {
            if (state != SessionState.NEW) {
                throw new IllegalStateException("session already started (" + state + ")");
            }
            state = SessionState.RUNNING;
            thread = new Thread(this::run, "mbpo-trainer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Runs the whole session on the calling thread (the command line does this); returns the final state. */
    public SessionState runBlocking() {
        synchronized (lock) {
            if (state != SessionState.NEW) {
                throw new IllegalStateException("session already started (" + state + ")");
            }
            state = SessionState.RUNNING;
            thread = Thread.currentThread();
        }
        run();
        return state;
    }

    private void run() {
        long step = 0;
        try (TrainingLoop loop = newLoop()) {
            Engines.start(new EngineOptions(config.run().device(), config.run().threads(), 1));
            Engines.prepareThread();
            loop.begin(resumeFrom);
            long started = clock.nanos();
            long startStep = loop.step();
            long lastProgress = started;
            EtaEstimate eta = new EtaEstimate(startStep, config.randomSteps(), loop.totalSteps(), started);
            while (true) {
                if (awaitIfPausedAndCheckStop()) {
                    checkpoint(loop, true);
                    finish(SessionState.STOPPED, loop.step(), "stopped by the user");
                    return;
                }
                boolean more = loop.stepOnce();
                step = loop.step();
                checkpoint(loop, !more);
                long now = clock.nanos();
                eta.observe(step, now);
                if (now - lastProgress >= PROGRESS_EVERY_NANOS || !more) {
                    lastProgress = now;
                    sink.accept(progress(step, startStep, loop.totalSteps(), started, now, eta));
                }
                if (!more) {
                    break;
                }
            }
            finish(SessionState.FINISHED, step, "");
        } catch (java.io.IOException e) {
            LOG.error("Run could not start at step {}", step, e);
            finish(SessionState.CRASHED, step, e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            // Writing the run failed (e.g. a full disk): the message says where and why.
            LOG.error("Run stopped at step {}: {}", step, e.getMessage());
            finish(SessionState.CRASHED, step, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("Run crashed at step {}", step, e);
            finish(SessionState.CRASHED, step, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The paper's synchronous loop, or the asynchronous one for MBPO with mbpo.loop = async. */
    private TrainingLoop newLoop() {
        if (config.algorithm() == dev.mbpo.config.Algorithm.MBPO && config.mbpo().async()) {
            return new AsyncMbpoLoop(config, sink, clock, this::stopRequested);
        }
        if (config.algorithm() == dev.mbpo.config.Algorithm.MPC) {
            return new MpcLoop(config, sink, clock, this::stopRequested);
        }
        if (config.algorithm() == dev.mbpo.config.Algorithm.OFFLINE) {
            return new OfflineLoop(config, sink, clock, this::stopRequested);
        }
        MbpoLoop loop = new MbpoLoop(config, sink, clock, this::stopRequested);
        loop.poisonBatchesWhen(faultInjection);
        return loop;
    }

    /** Tests only: feed NaN rewards into SAC batches at the steps this accepts. */
    TrainingSession injectNaNRewardsWhen(java.util.function.LongPredicate when) {
        this.faultInjection = when;
        return this;
    }

    /** Writes a checkpoint at epoch boundaries (every run.checkpointEvery epochs) and at the end. */
    private void checkpoint(TrainingLoop loop, boolean last) {
        if (checkpoints == null) {
            return;
        }
        long step = loop.step();
        long epochSteps = loop.epochSteps();
        int every = config.run().checkpointEvery();
        boolean boundary = every > 0 && step > 0 && step % epochSteps == 0 && (step / epochSteps) % every == 0;
        if (!boundary && !last) {
            return;
        }
        sink.accept(new RunEvent.Phase(step, LoopPhase.CHECKPOINT));
        try {
            checkpoints.write((step + epochSteps - 1) / epochSteps, loop::saveCheckpoint);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("checkpoint at step " + step + " failed: " + e.getMessage(), e);
        }
    }

    private RunEvent.Progress progress(long step, long startStep, long total, long started, long now, EtaEstimate eta) {
        double elapsed = (now - started) / 1e9;
        double rate = elapsed > 0 ? (step - startStep) / elapsed : 0;
        return new RunEvent.Progress(step, total, rate, elapsed, eta.secondsLeft(step, now));
    }

    private void finish(SessionState end, long step, String reason) {
        RunStatus status = switch (end) {
            case FINISHED -> RunStatus.FINISHED;
            case STOPPED -> RunStatus.STOPPED;
            default -> RunStatus.CRASHED;
        };
        // Deliver the end event before anyone waiting in awaitEnd() wakes up.
        try {
            sink.accept(new RunEvent.Ended(step, status, reason));
        } catch (RuntimeException e) {
            LOG.error("Could not deliver the end event", e);
        }
        synchronized (lock) {
            endReason = reason;
            state = end;
            lock.notifyAll();
        }
    }

    /** Blocks while paused; true when a stop was requested. */
    private boolean awaitIfPausedAndCheckStop() {
        synchronized (lock) {
            while (pauseRequested && !stopRequested) {
                state = SessionState.PAUSED;
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            if (!stopRequested) {
                state = SessionState.RUNNING;
            }
            return stopRequested;
        }
    }

    private boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Asks the run to stop after the current step; the run ends with status "stopped". */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** Waits for the run to end; true when it did within the timeout. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!state.ended()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    public SessionState state() {
        return state;
    }

    public String endReason() {
        synchronized (lock) {
            return endReason;
        }
    }

    public RunConfig config() {
        return config;
    }
}
