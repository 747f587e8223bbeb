package dev.mbpo.env;

import java.util.Optional;

/**
 * {@code CartPoleSwingUp-v0}: swing the pole up from hanging down and balance it, with the
 * cart near the centre. Physics as {@link CartPolePhysics} (the pole may turn freely);
 * force = 10 * action, action in [-1, 1] (clipped).
 * <ul>
 *   <li>State [x, xDot, theta, thetaDot], theta = 0 upright, theta = pi hanging down.</li>
 *   <li>Observation [x, xDot, cos theta, sin theta, thetaDot] (float32).</li>
 *   <li>Reset: theta = pi + U[-0.05, 0.05), the other coordinates U[-0.05, 0.05).</li>
 *   <li>Reward after each step, from the new state: {@code (1 + cos theta) / 2 * exp(-x^2 / 2)},
 *       in [0, 1]: 1 only when upright at the centre.</li>
 *   <li>Terminated when the cart leaves the track, |x| > 2.4; truncated after 500 steps.</li>
 * </ul>
 */
public final class CartPoleSwingUp extends AbstractEnv {
    public static final String ID = "CartPoleSwingUp-v0";

    public CartPoleSwingUp() {
        super(ID, observationBox(), Box.uniform(1, -1f, 1f), 500, "x", "xDot", "theta", "thetaDot");
    }

    private static Box observationBox() {
        float inf = Float.POSITIVE_INFINITY;
        float x = (float) CartPolePhysics.X_THRESHOLD;
        return new Box(new float[] {-x, -inf, -1f, -1f, -inf}, new float[] {x, inf, 1f, 1f, inf});
    }

    @Override
    protected double[] initialState() {
        return new double[] {uniform(-0.05, 0.05), uniform(-0.05, 0.05), Math.PI + uniform(-0.05, 0.05), uniform(-0.05, 0.05)};
    }

    @Override
    public float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) Math.cos(state[2]), (float) Math.sin(state[2]), (float) state[3]};
    }

    @Override
    protected Transition advance(float[] clipped, float[] raw) {
        state = CartPolePhysics.step(state, CartPolePhysics.FORCE_MAG * clipped[0]);
        return new Transition(reward(state[0], Math.cos(state[2])), offTrack(state[0]));
    }

    static double reward(double x, double cosTheta) {
        return (1.0 + cosTheta) / 2.0 * Math.exp(-x * x / 2.0);
    }

    static boolean offTrack(double x) {
        return x < -CartPolePhysics.X_THRESHOLD || x > CartPolePhysics.X_THRESHOLD;
    }

    @Override
    public String[] observationLabels() {
        return new String[] {"x", "xDot", "cos theta", "sin theta", "thetaDot"};
    }

    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.ofNext((next, off, dim) -> offTrack(next[off]));
    }

    @Override
    public Optional<RewardFn> rewardFn() {
        return Optional.of((obs, action, next) -> reward(next[0], next[2]));
    }
}
