package dev.mbpo.env;

import java.util.Optional;

/**
 * Gymnasium's {@code MountainCarContinuous-v0} (classic_control/continuous_mountain_car.py):
 * drive an under-powered car up the right hill. State = observation = [position, velocity]
 * (stored as float32, as Gymnasium does); action force in [-1, 1] (clipped for the physics);
 * reward 100 on reaching position >= 0.45 with velocity >= 0 (terminated), minus
 * 0.1 action^2 of the action as given (not clipped, as in Gymnasium); truncated after
 * 999 steps. Reset: position in [-0.6, -0.4), velocity 0.
 */
public final class MountainCarContinuous extends AbstractEnv {
    public static final String ID = "MountainCarContinuous-v0";
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.45;
    static final double GOAL_VELOCITY = 0.0;
    static final double POWER = 0.0015;

    public MountainCarContinuous() {
        super(ID,
                new Box(new float[] {(float) MIN_POSITION, (float) -MAX_SPEED}, new float[] {(float) MAX_POSITION, (float) MAX_SPEED}),
                Box.uniform(1, -1f, 1f),
                999, "position", "velocity");
    }

    @Override
    protected double[] initialState() {
        return new double[] {(float) uniform(-0.6, -0.4), 0.0};
    }

    @Override
    public float[] observation() {
        return new float[] {(float) state[0], (float) state[1]};
    }

    @Override
    protected Transition advance(float[] clipped, float[] raw) {
        double position = state[0];
        double velocity = state[1];
        double force = clipped[0];
        velocity += force * POWER - 0.0025 * Math.cos(3 * position);
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
        position += velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0;
        }
        boolean terminated = reachedGoal(position, velocity);
        // Gymnasium keeps the state as float32 between steps.
        state = new double[] {(float) position, (float) velocity};
        return new Transition(reward(terminated, raw[0]), terminated);
    }

    static boolean reachedGoal(double position, double velocity) {
        return position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
    }

    static double reward(boolean terminated, double rawAction) {
        return (terminated ? 100.0 : 0.0) - rawAction * rawAction * 0.1;
    }

    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.ofNext((next, off, dim) -> reachedGoal(next[off], next[off + 1]));
    }

    @Override
    public Optional<RewardFn> rewardFn() {
        return Optional.of((obs, action, next) -> reward(reachedGoal(next[0], next[1]), action[0]));
    }

    @Override
    public java.util.Optional<PhasePlane> phasePlane() {
        return java.util.Optional.of(PLANE);
    }

    /** Position against velocity: the observation itself. */
    static final PhasePlane PLANE = new PhasePlane() {
        public String xLabel() {
            return "position";
        }

        public String yLabel() {
            return "velocity";
        }

        public double xMin() {
            return MIN_POSITION;
        }

        public double xMax() {
            return MAX_POSITION;
        }

        public double yMin() {
            return -MAX_SPEED;
        }

        public double yMax() {
            return MAX_SPEED;
        }

        public float[] observationAt(double x, double y) {
            return new float[] {(float) x, (float) y};
        }

        public double[] pointOf(float[] o) {
            return new double[] {o[0], o[1]};
        }
    };
}
