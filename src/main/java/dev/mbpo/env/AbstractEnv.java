package dev.mbpo.env;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The bookkeeping that every built-in environment shares: the time limit, input checks with
 * messages that name the environment, the random generator, and the episode's life cycle.
 * Subclasses implement the physics in {@link #advance(float[])}.
 */
public abstract class AbstractEnv implements Env {
    private final String id;
    private final Box observationSpace;
    private final Box actionSpace;
    private final int maxEpisodeSteps;
    private final String[] stateLabels;

    /** The physical state; subclasses read and write it in {@link #advance(float[])}. */
    protected double[] state;
    /** Seeded on {@link #reset(long)}; subclasses draw initial states from it. */
    protected SplittableRandom random = new SplittableRandom(0L);

    private int elapsedSteps;
    private boolean needsReset = true;

    protected AbstractEnv(String id, Box observationSpace, Box actionSpace, int maxEpisodeSteps, String... stateLabels) {
        this.id = id;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.stateLabels = stateLabels.clone();
        this.state = new double[stateLabels.length];
    }

    /** Draws the initial physical state of an episode from {@link #random}. */
    protected abstract double[] initialState();

    /** Observation of the current {@link #state}. */
    @Override
    public abstract float[] observation();

    /** Applies one step of physics to {@link #state}; the action is already clipped. */
    protected abstract Transition advance(float[] clippedAction, float[] rawAction);

    /** Reward and termination of one physics step. */
    public record Transition(double reward, boolean terminated) {
    }

    /** Called after {@link #state} was replaced by a reset or {@link #setState}: a simulator takes it over here. */
    protected void stateReplaced() {
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Box observationSpace() {
        return observationSpace;
    }

    @Override
    public final Box actionSpace() {
        return actionSpace;
    }

    @Override
    public final int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Observation labels: the state's where the observation is the state; environments that differ override. */
    @Override
    public String[] observationLabels() {
        return stateLabels();
    }

    @Override
    public final String[] stateLabels() {
        return stateLabels.clone();
    }

    @Override
    public final float[] reset(long seed) {
        random = new SplittableRandom(seed);
        return reset();
    }

    @Override
    public final float[] reset() {
        state = initialState();
        stateReplaced();
        elapsedSteps = 0;
        needsReset = false;
        return observation();
    }

    @Override
    public final StepResult step(float[] action) {
        if (action == null || action.length != actionSpace.dim()) {
            throw new IllegalArgumentException(id + ": action has length " + (action == null ? "null" : action.length)
                    + ", expected " + actionSpace.dim() + " (action space " + actionSpace + ")");
        }
        for (int i = 0; i < action.length; i++) {
            if (!Float.isFinite(action[i])) {
                throw new IllegalArgumentException(id + ": action[" + i + "] is " + action[i]
                        + "; actions must be finite numbers (they are clipped to " + actionSpace + ")");
            }
        }
        if (needsReset) {
            throw new IllegalStateException(id + ": the episode has ended or not started; call reset() before step()");
        }
        float[] clipped = new float[action.length];
        for (int i = 0; i < action.length; i++) {
            clipped[i] = Math.min(Math.max(action[i], actionSpace.low(i)), actionSpace.high(i));
        }
        Transition t = advance(clipped, action.clone());
        elapsedSteps++;
        boolean truncated = elapsedSteps >= maxEpisodeSteps;
        if (t.terminated() || truncated) {
            needsReset = true;
        }
        return new StepResult(observation(), t.reward(), t.terminated(), truncated);
    }

    @Override
    public final int elapsedSteps() {
        return elapsedSteps;
    }

    @Override
    public final double[] state() {
        return state.clone();
    }

    @Override
    public final void setState(double[] newState) {
        if (newState == null || newState.length != stateLabels.length) {
            throw new IllegalArgumentException(id + ": state has length " + (newState == null ? "null" : newState.length)
                    + ", expected " + stateLabels.length + " " + Arrays.toString(stateLabels));
        }
        for (int i = 0; i < newState.length; i++) {
            if (!Double.isFinite(newState[i])) {
                throw new IllegalArgumentException(id + ": state[" + i + "] (" + stateLabels[i] + ") is " + newState[i]
                        + "; states must be finite numbers");
            }
        }
        state = newState.clone();
        stateReplaced();
        needsReset = false;
    }

    @Override
    public Optional<RewardFn> rewardFn() {
        return Optional.empty();
    }

    /** Uniform draw in [low, high), like numpy's {@code uniform}. */
    protected final double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    @Override
    public String toString() {
        return id;
    }
}
