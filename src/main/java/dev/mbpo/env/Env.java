package dev.mbpo.env;

import java.util.Optional;

/**
 * A reinforcement-learning environment with Gymnasium's semantics and its {@code TimeLimit}
 * wrapper built in: {@link #reset(long)} seeds and starts an episode, {@link #step(float[])}
 * advances it, and the step after {@link #maxEpisodeSteps()} steps reports
 * {@code truncated}. Actions outside the action space are clipped, as Gymnasium's classic
 * control environments do.
 *
 * <p>Not thread-safe: one thread steps an environment.
 */
public interface Env extends AutoCloseable {

    /** The registry id, e.g. {@code Pendulum-v1}. */
    String id();

    Box observationSpace();

    Box actionSpace();

    /** Steps after which an episode is truncated (Gymnasium's {@code max_episode_steps}). */
    int maxEpisodeSteps();

    /** Seeds the environment's random generator and starts an episode; returns the first observation. */
    float[] reset(long seed);

    /** Starts an episode, continuing the random generator of the last seeded reset. */
    float[] reset();

    /**
     * Advances the episode by one step.
     *
     * @throws IllegalArgumentException for an action of the wrong length or with NaN
     * @throws IllegalStateException    before the first reset or after the episode ended
     */
    StepResult step(float[] action);

    /** Steps taken in the current episode. */
    int elapsedSteps();

    /** A copy of the internal physical state (e.g. [theta, thetaDot] for the pendulum). */
    double[] state();

    /** The labels of the observation's coordinates, for views and docs. */
    String[] observationLabels();

    /** The labels of {@link #state()}'s coordinates, for views and docs. */
    String[] stateLabels();

    /**
     * Puts the environment into the given physical state, as Gymnasium tests do with
     * {@code env.unwrapped.state = ...}. The step counter is kept; stepping is allowed after.
     */
    void setState(double[] state);

    /** The observation that corresponds to the current state. */
    float[] observation();

    /** The termination rule as a pure function of observations (for imagined rollouts). */
    TerminationFn terminationFn();

    /** The reward as a pure function of a transition, where it is known in closed form. */
    Optional<RewardFn> rewardFn();

    /** Frees what the environment holds outside the Java heap (a MuJoCo task's simulator); nothing for the others. */
    @Override
    default void close() {
    }

    /** A 2-D picture of the state, where the state is two-dimensional; empty otherwise. */
    default Optional<PhasePlane> phasePlane() {
        return Optional.empty();
    }
}
