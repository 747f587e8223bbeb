package dev.mbpo.env.mujoco;

import dev.mbpo.env.TerminationFn;

/**
 * HalfCheetah-v4: run forward. Observation: every qpos but the root's x, then every qvel (17
 * numbers); reward: forward velocity of the root minus 0.1 times the squared action; never
 * terminates. Five simulator steps of 0.01 s per action; resets perturb positions uniformly
 * by up to 0.1 and velocities by a Gaussian of 0.1.
 */
public final class HalfCheetah extends MujocoEnv {
    public static final String ID = "HalfCheetah-v4";
    private static final double RESET_NOISE = 0.1;
    private static final double CONTROL_COST = 0.1;

    public HalfCheetah() {
        super(ID, load(ID, "half_cheetah.xml"), 5, 17,
                new String[] {"rootx", "rootz", "rooty", "bthigh", "bshin", "bfoot", "fthigh", "fshin", "ffoot"}, null);
    }

    @Override
    protected double[] initialState() {
        return join(uniformAround(sim.qpos0(), RESET_NOISE), gaussianAround(new double[nv], RESET_NOISE));
    }

    @Override
    public float[] observation() {
        return stateFrom(1, Double.POSITIVE_INFINITY);
    }

    @Override
    public String[] observationLabels() {
        return labelsFrom(1);
    }

    @Override
    protected Transition outcome(double[] before, float[] action) {
        double forward = (state[0] - before[0]) / dt;
        return new Transition(forward - CONTROL_COST * squaredNorm(action), false);
    }

    /** The MBPO paper's code never ends a HalfCheetah branch. */
    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.NEVER;
    }
}
