package dev.mbpo.env.mujoco;

import dev.mbpo.env.TerminationFn;

/**
 * Hopper-v4: hop forward on one leg ({@link PlanarWalker} for the shared rules). Healthy while
 * the torso is above 0.7 m, leans less than 0.2 rad, and every other coordinate of the state
 * stays within +-100.
 */
public final class Hopper extends PlanarWalker {
    public static final String ID = "Hopper-v4";

    public Hopper() {
        super(ID, "hopper.xml", 11, new String[] {"rootx", "rootz", "rooty", "thigh", "leg", "foot"});
    }

    @Override
    protected boolean healthy(double[] s) {
        for (int i = 2; i < s.length; i++) {
            if (!(s[i] > -100 && s[i] < 100)) {
                return false;
            }
        }
        return s[1] > 0.7 && s[2] > -0.2 && s[2] < 0.2;
    }

    /**
     * As the MBPO paper's code defines it for imagined steps (from the observation): finite,
     * every coordinate but the height below 100 (the code compares without an absolute value),
     * height above 0.7 and |angle| below 0.2.
     */
    @Override
    public TerminationFn terminationFn() {
        return TerminationFn.ofNext((next, off, dim) -> {
            for (int i = 0; i < dim; i++) {
                float v = next[off + i];
                if (!Float.isFinite(v) || (i >= 1 && !(v < 100))) {
                    return true;
                }
            }
            return !(next[off] > 0.7 && Math.abs(next[off + 1]) < 0.2);
        });
    }
}
