package dev.mbpo.env;

/**
 * A two-dimensional picture of an environment's state (Pendulum: angle and angular velocity;
 * mountain car: position and velocity), for phase portraits: axis names and ranges, the
 * observation at a point of the plane (to evaluate a value function on a grid) and the point
 * of an observation (to draw real and imagined trajectories).
 */
public interface PhasePlane {
    String xLabel();

    String yLabel();

    double xMin();

    double xMax();

    double yMin();

    double yMax();

    /** The observation of the state at (x, y). */
    float[] observationAt(double x, double y);

    /** The point of an observation: {x, y}. */
    double[] pointOf(float[] observation);

    /** True when x is an angle: a jump across the range's ends is a wrap, not a move. */
    default boolean xWraps() {
        return false;
    }
}
