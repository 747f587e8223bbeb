package dev.mbpo.env;

import java.util.Optional;

/**
 * Gymnasium's {@code Pendulum-v1} (classic_control/pendulum.py, g = 10): swing a pendulum up
 * and hold it. State [theta, thetaDot] (theta = 0 is upright); observation
 * [cos theta, sin theta, thetaDot] as float32; action torque in [-2, 2] (clipped);
 * reward -(normalised angle^2 + 0.1 thetaDot^2 + 0.001 torque^2); never terminates;
 * truncated after 200 steps. Reset draws theta in [-pi, pi) and thetaDot in [-1, 1).
 */
public final class Pendulum extends AbstractEnv {
    public static final String ID = "Pendulum-v1";
    static final double MAX_SPEED = 8.0;
    static final double MAX_TORQUE = 2.0;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double M = 1.0;
    static final double L = 1.0;

    public Pendulum() {
        super(ID,
                new Box(new float[] {-1f, -1f, (float) -MAX_SPEED}, new float[] {1f, 1f, (float) MAX_SPEED}),
                Box.uniform(1, (float) -MAX_TORQUE, (float) MAX_TORQUE),
                200, "theta", "thetaDot");
    }

    @Override
    protected double[] initialState() {
        return new double[] {uniform(-Math.PI, Math.PI), uniform(-1.0, 1.0)};
    }

    @Override
    public float[] observation() {
        return new float[] {(float) Math.cos(state[0]), (float) Math.sin(state[0]), (float) state[1]};
    }

    @Override
    protected Transition advance(float[] u, float[] raw) {
        double th = state[0];
        double thdot = state[1];
        double torque = u[0];
        double costs = cost(angleNormalize(th), thdot, torque);
        double newThdot = thdot + (3.0 * G / (2.0 * L) * Math.sin(th) + 3.0 / (M * L * L) * torque) * DT;
        newThdot = Math.min(Math.max(newThdot, -MAX_SPEED), MAX_SPEED);
        double newTh = th + newThdot * DT;
        state = new double[] {newTh, newThdot};
        return new Transition(-costs, false);
    }

    static double cost(double normalisedAngle, double thdot, double torque) {
        return normalisedAngle * normalisedAngle + 0.1 * thdot * thdot + 0.001 * torque * torque;
    }

    /** Python's {@code ((x + pi) % (2 pi)) - pi}: floor modulo, result in [-pi, pi). */
    static double angleNormalize(double x) {
        double period = 2.0 * Math.PI;
        double shifted = x + Math.PI;
        double mod = shifted - period * Math.floor(shifted / period);
        return mod - Math.PI;
    }

    @Override
    public java.util.Optional<PhasePlane> phasePlane() {
        return java.util.Optional.of(PLANE);
    }

    /** Angle (0 upright) against angular velocity. */
    static final PhasePlane PLANE = new PhasePlane() {
        public String xLabel() {
            return "angle theta (rad, 0 = upright)";
        }

        public String yLabel() {
            return "angular velocity (rad/s)";
        }

        public double xMin() {
            return -Math.PI;
        }

        public double xMax() {
            return Math.PI;
        }

        public double yMin() {
            return -8;
        }

        public double yMax() {
            return 8;
        }

        public float[] observationAt(double x, double y) {
            return new float[] {(float) Math.cos(x), (float) Math.sin(x), (float) y};
        }

        public double[] pointOf(float[] o) {
            return new double[] {Math.atan2(o[1], o[0]), o[2]};
        }

        public boolean xWraps() {
            return true;
        }
    };

    @Override
    public String[] observationLabels() {
        return new String[] {"cos theta", "sin theta", "thetaDot"};
    }

    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.NEVER;
    }

    /** The reward depends on the state before the step, which the observation gives exactly up to float32. */
    @Override
    public Optional<RewardFn> rewardFn() {
        return Optional.of((obs, action, next) -> {
            double theta = Math.atan2(obs[1], obs[0]);
            double torque = Math.min(Math.max(action[0], -MAX_TORQUE), MAX_TORQUE);
            return -cost(theta, obs[2], torque);
        });
    }
}
