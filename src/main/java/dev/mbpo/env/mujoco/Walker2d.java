package dev.mbpo.env.mujoco;

import dev.mbpo.env.TerminationFn;

/**
 * Walker2d-v4: walk forward on two legs ({@link PlanarWalker} for the shared rules). Healthy
 * while the torso's height is between 0.8 and 2 m and its angle between -1 and 1 rad.
 */
public final class Walker2d extends PlanarWalker {
    public static final String ID = "Walker2d-v4";

    public Walker2d() {
        super(ID, "walker2d.xml", 17, new String[] {"rootx", "rootz", "rooty", "thigh", "leg", "foot", "thigh_left",
            "leg_left", "foot_left"});
    }

    @Override
    protected boolean healthy(double[] s) {
        return upright(s[1], s[2]);
    }

    private static boolean upright(double height, double angle) {
        return height > 0.8 && height < 2.0 && angle > -1.0 && angle < 1.0;
    }

    /** As the MBPO paper's code defines it for imagined steps: the same height and angle bounds, from the observation. */
    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.ofNext((next, off, dim) -> !upright(next[off], next[off + 1]));
    }
}
