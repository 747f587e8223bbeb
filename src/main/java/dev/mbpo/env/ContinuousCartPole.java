package dev.mbpo.env;

import java.util.Optional;

/**
 * {@code ContinuousCartPole-v0}: Gymnasium's CartPole-v1 balance task with a continuous
 * action. Physics as {@link CartPolePhysics}; force = 10 * action, action in [-1, 1]
 * (clipped). State = observation = [x, xDot, theta, thetaDot]. Reward +1 every step
 * (including the terminal one, as in Gymnasium); terminated when |x| > 2.4 or
 * |theta| > 12 degrees; truncated after 200 steps. Reset: each coordinate in [-0.05, 0.05).
 */
public final class ContinuousCartPole extends AbstractEnv {
    public static final String ID = "ContinuousCartPole-v0";
    static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;

    public ContinuousCartPole() {
        super(ID, observationBox(), Box.uniform(1, -1f, 1f), 200, "x", "xDot", "theta", "thetaDot");
    }

    private static Box observationBox() {
        float inf = Float.POSITIVE_INFINITY;
        float x = (float) (CartPolePhysics.X_THRESHOLD * 2);
        float th = (float) (THETA_THRESHOLD * 2);
        return new Box(new float[] {-x, -inf, -th, -inf}, new float[] {x, inf, th, inf});
    }

    @Override
    protected double[] initialState() {
        return new double[] {uniform(-0.05, 0.05), uniform(-0.05, 0.05), uniform(-0.05, 0.05), uniform(-0.05, 0.05)};
    }

    @Override
    public float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }

    @Override
    protected Transition advance(float[] clipped, float[] raw) {
        state = CartPolePhysics.step(state, CartPolePhysics.FORCE_MAG * clipped[0]);
        return new Transition(1.0, outOfBounds(state[0], state[2]));
    }

    static boolean outOfBounds(double x, double theta) {
        return x < -CartPolePhysics.X_THRESHOLD || x > CartPolePhysics.X_THRESHOLD
                || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
    }

    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.ofNext((next, off, dim) -> outOfBounds(next[off], next[off + 2]));
    }

    @Override
    public Optional<RewardFn> rewardFn() {
        return Optional.of((obs, action, next) -> 1.0);
    }
}
