package dev.mbpo.env.mujoco;

import dev.mbpo.env.TerminationFn;

/**
 * Ant-v4 without contact forces: a four-legged walker on a free root. Observation: qpos
 * without the root's x and y, then qvel (27 numbers); reward: 1 for staying healthy, plus the
 * torso's x velocity, minus 0.5 times the squared action; the episode ends when the state is
 * not finite or the torso's height leaves [0.2, 1]. Five simulator steps of 0.01 s per action;
 * resets perturb positions uniformly by up to 0.1 and velocities by a Gaussian of 0.1.
 */
public final class Ant extends MujocoEnv {
    public static final String ID = "Ant-v4";
    private static final int TORSO = 1;
    private static final double RESET_NOISE = 0.1;
    private static final double HEALTHY_REWARD = 1;
    private static final double CONTROL_COST = 0.5;
    private static final String[] LEGS = {"hip_1", "ankle_1", "hip_2", "ankle_2", "hip_3", "ankle_3", "hip_4", "ankle_4"};

    /** The torso's x when the step began (set with every state, updated by every step). */
    private double torsoXBefore = Double.NaN;

    public Ant() {
        super(ID, load(ID, "ant.xml"), 5, 27, names("x", "y", "z", "qw", "qx", "qy", "qz"),
                names("vx", "vy", "vz", "wx", "wy", "wz"));
    }

    private static String[] names(String... root) {
        String[] out = java.util.Arrays.copyOf(root, root.length + LEGS.length);
        for (int i = 0; i < LEGS.length; i++) {
            out[root.length + i] = LEGS[i] + (root.length == 7 ? "" : " velocity");
        }
        return out;
    }

    @Override
    public boolean planar() {
        return false;
    }

    @Override
    protected double[] initialState() {
        return join(uniformAround(sim.qpos0(), RESET_NOISE), gaussianAround(new double[nv], RESET_NOISE));
    }

    @Override
    public float[] observation() {
        return stateFrom(2, Double.POSITIVE_INFINITY);
    }

    @Override
    public String[] observationLabels() {
        return labelsFrom(2);
    }

    /** The torso's x as the simulator last computed its frame: how Gymnasium measures the Ant's progress. */
    private double torsoX() {
        return sim.bodyPosition(TORSO)[0];
    }

    @Override
    protected void stateReplaced() {
        super.stateReplaced();
        torsoXBefore = torsoX();
    }

    @Override
    protected Transition outcome(double[] before, float[] action) {
        double x = torsoX();
        double forward = (x - torsoXBefore) / dt;
        torsoXBefore = x;
        boolean healthy = true;
        for (double v : state) {
            healthy &= Double.isFinite(v);
        }
        healthy &= state[2] >= 0.2 && state[2] <= 1.0;
        return new Transition(HEALTHY_REWARD + forward - CONTROL_COST * squaredNorm(action), !healthy);
    }

    /** As the MBPO paper's code defines it for imagined steps: finite, and the torso's height (observation 0) in [0.2, 1]. */
    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.ofNext((next, off, dim) -> {
            for (int i = off; i < off + dim; i++) {
                if (!Float.isFinite(next[i])) {
                    return true;
                }
            }
            return !(next[off] >= 0.2 && next[off] <= 1.0);
        });
    }
}
