package dev.mbpo.rl;

/** Adam on one scalar (the log-temperature): cheaper in Java than as a tensor. */
final class ScalarAdam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double lr;
    double m;
    double v;
    long t;

    ScalarAdam(double lr) {
        this.lr = lr;
    }

    /** Returns the new value of the parameter after a step along {@code grad}. */
    double step(double value, double grad) {
        t++;
        m = BETA1 * m + (1 - BETA1) * grad;
        v = BETA2 * v + (1 - BETA2) * grad * grad;
        double mHat = m / (1 - Math.pow(BETA1, t));
        double vHat = v / (1 - Math.pow(BETA2, t));
        return value - lr * mHat / (Math.sqrt(vHat) + EPS);
    }
}
