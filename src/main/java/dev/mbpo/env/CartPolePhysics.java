package dev.mbpo.env;

/**
 * The classic cart-pole equations of motion (Barto, Sutton and Anderson 1983), exactly as
 * Gymnasium's {@code CartPoleEnv} integrates them (explicit Euler, tau = 0.02 s).
 * State [x, xDot, theta, thetaDot]; theta = 0 is upright.
 */
final class CartPolePhysics {
    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    static final double HALF_LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * HALF_LENGTH;
    static final double FORCE_MAG = 10.0;
    static final double TAU = 0.02;
    static final double X_THRESHOLD = 2.4;

    private CartPolePhysics() {
    }

    /** One Euler step under the given horizontal force (newtons); returns the new state. */
    static double[] step(double[] s, double force) {
        double x = s[0];
        double xDot = s[1];
        double theta = s[2];
        double thetaDot = s[3];
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (HALF_LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        return new double[] {
            x + TAU * xDot,
            xDot + TAU * xAcc,
            theta + TAU * thetaDot,
            thetaDot + TAU * thetaAcc
        };
    }
}
