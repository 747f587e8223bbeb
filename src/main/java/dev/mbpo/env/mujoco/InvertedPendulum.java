package dev.mbpo.env.mujoco;

import dev.mbpo.env.TerminationFn;

/**
 * InvertedPendulum-v4: keep a pole upright on a cart. Observation: cart position, pole angle
 * and their velocities; reward 1 a step; the episode ends when the pole leans more than 0.2
 * rad or the state stops being finite. Two simulator steps of 0.02 s per action; resets within
 * 0.01 of rest.
 */
public final class InvertedPendulum extends MujocoEnv {
    public static final String ID = "InvertedPendulum-v4";
    private static final double RESET_NOISE = 0.01;
    private static final double MAX_ANGLE = 0.2;

    public InvertedPendulum() {
        super(ID, load(ID, "inverted_pendulum.xml"), 2, 4, new String[] {"cart x", "pole angle"}, null);
    }

    @Override
    protected double[] initialState() {
        return join(uniformAround(sim.qpos0(), RESET_NOISE), uniformAround(new double[nv], RESET_NOISE));
    }

    @Override
    public float[] observation() {
        return stateFrom(0, Double.POSITIVE_INFINITY);
    }

    @Override
    protected Transition outcome(double[] before, float[] action) {
        float[] obs = observation();
        return new Transition(1.0, fallen(obs, 0, obs.length));
    }

    private static boolean fallen(float[] obs, int off, int dim) {
        for (int i = off; i < off + dim; i++) {
            if (!Float.isFinite(obs[i])) {
                return true;
            }
        }
        return Math.abs(obs[off + 1]) > MAX_ANGLE;
    }

    /** As the MBPO paper's code defines it for imagined steps: not finite, or the pole beyond 0.2 rad. */
    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.ofNext(InvertedPendulum::fallen);
    }
}
