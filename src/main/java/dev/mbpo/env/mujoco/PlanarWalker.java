package dev.mbpo.env.mujoco;

/**
 * What Hopper-v4 and Walker2d-v4 share: the observation is every qpos but the root's x, then
 * every qvel clipped to +-10; the reward is 1 for staying healthy, plus the root's forward
 * velocity, minus 0.001 times the squared action; the episode ends when the body is no longer
 * healthy (each task says what that is); four simulator steps of 0.002 s per action; resets
 * perturb positions and velocities uniformly by up to 0.005.
 */
abstract class PlanarWalker extends MujocoEnv {
    private static final double RESET_NOISE = 5e-3;
    private static final double VELOCITY_LIMIT = 10;
    private static final double HEALTHY_REWARD = 1;
    private static final double CONTROL_COST = 1e-3;

    PlanarWalker(String id, String model, int observationDim, String[] qposNames) {
        super(id, load(id, model), 4, observationDim, qposNames, null);
    }

    /** Whether the body is still up, from its state (qpos ++ qvel). */
    protected abstract boolean healthy(double[] state);

    @Override
    protected final double[] initialState() {
        return join(uniformAround(sim.qpos0(), RESET_NOISE), uniformAround(new double[nv], RESET_NOISE));
    }

    @Override
    public final float[] observation() {
        return stateFrom(1, VELOCITY_LIMIT);
    }

    @Override
    public final String[] observationLabels() {
        return labelsFrom(1);
    }

    @Override
    protected final Transition outcome(double[] before, float[] action) {
        double forward = (state[0] - before[0]) / dt;
        return new Transition(HEALTHY_REWARD + forward - CONTROL_COST * squaredNorm(action), !healthy(state));
    }
}
