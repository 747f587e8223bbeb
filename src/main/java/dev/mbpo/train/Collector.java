package dev.mbpo.train;

import dev.mbpo.config.RunConfig;
import dev.mbpo.env.Env;
import dev.mbpo.env.StepResult;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.ActorReplica;
import dev.mbpo.rl.ActorSnapshot;
import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The asynchronous loop's collector: a thread that steps the real environment with the
 * latest published policy snapshot (inference only, grad mode off, its own NDManager) and
 * hands every transition, numbered, to the learner through a bounded queue. The queue's
 * capacity ({@code mbpo.asyncSlack}) is the ratio limit: the learner takes one transition per
 * G updates, so the collector can be at most that many steps ahead of the updates, and the
 * learner waits for the collector when it is faster.
 */
final class Collector implements AutoCloseable {
    /** One real transition; {@code seq} counts from 0 over the whole run. */
    record Transition(long seq, float[] obs, float[] action, double reward, float[] nextObs, boolean terminated) {
    }

    private final RunConfig config;
    private final Env env;
    private final ActorReplica policy;
    private final RandomGenerator exploration;
    private final AtomicReference<ActorSnapshot> published;
    private final Consumer<RunEvent> events;
    private final ArrayBlockingQueue<Transition> queue;
    private final EpisodeTracker episode = new EpisodeTracker(EpisodeKind.TRAIN, true);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure; // a RuntimeException or an Error, raised again on the learner's thread
    private volatile long policyVersion = -1;
    private volatile int trainEpisodes;
    private long seq;
    private float[] obs;

    /**
     * @param firstObs the observation the first step starts from (the environment was reset by the caller)
     * @param startSeq the number of the first transition (the step a resumed run starts at)
     */
    Collector(RunConfig config, Env env, float[] firstObs, long startSeq, int trainEpisodes, ActorReplica policy,
              RandomGenerator exploration, AtomicReference<ActorSnapshot> published, Consumer<RunEvent> events) {
        this.config = config;
        this.env = env;
        this.obs = firstObs;
        this.seq = startSeq;
        this.trainEpisodes = trainEpisodes;
        this.policy = policy;
        this.exploration = exploration;
        this.published = published;
        this.events = events;
        this.queue = new ArrayBlockingQueue<>(config.mbpo().asyncSlack());
        this.thread = new Thread(this::run, "mbpo-collector");
        this.thread.setDaemon(true);
        episode.start(env.state());
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            Engines.prepareThread();
            long total = config.run().totalSteps();
            int randomSteps = config.sac().initialRandomSteps();
            while (running && seq < total) {
                if (policy.load(published.get())) {
                    policyVersion = policy.version();
                }
                float[] action = seq < randomSteps ? policy.randomAction(exploration) : policy.act(obs, false);
                StepResult r = env.step(action);
                episode.record(action, r.reward(), env.state());
                Transition t = new Transition(seq, obs, action, r.reward(), r.observation(), r.terminated());
                while (running && !queue.offer(t, 50, TimeUnit.MILLISECONDS)) {
                    // the learner is behind: wait (this is the ratio limit)
                }
                if (!running) {
                    return;
                }
                seq++;
                if (r.done()) {
                    RunEvent.Episode e = episode.finish(seq);
                    events.accept(EpisodeTracker.sampledTrainEpisode(e, trainEpisodes++));
                    obs = env.reset();
                    episode.start(env.state());
                } else {
                    obs = r.observation();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // An Error too (a missing native, memory): otherwise the thread would end silently and
            // the learner would take that for the end of the run.
            failure = e;
        }
    }

    /**
     * The next transition, waiting for it while the collector is behind; null when
     * {@code stop} says so first (checked every 50 ms).
     */
    Transition take(BooleanSupplier stop) {
        try {
            while (true) {
                Transition t = queue.poll(50, TimeUnit.MILLISECONDS);
                if (t != null) {
                    return t;
                }
                ThreadFailure.rethrow(failure);
                if (stop.getAsBoolean() || !thread.isAlive()) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Version of the policy snapshot the collector acts with (-1: none yet, random or initial weights). */
    long policyVersion() {
        return policyVersion;
    }

    int trainEpisodes() {
        return trainEpisodes;
    }

    /** Transitions waiting for the learner. */
    int backlog() {
        return queue.size();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        policy.close();
    }
}
