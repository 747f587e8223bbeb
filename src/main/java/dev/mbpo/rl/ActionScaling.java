package dev.mbpo.rl;

import dev.mbpo.env.Box;

/** Maps actions between the actor's [-1, 1] and the environment's bounds. */
final class ActionScaling {
    private final float[] scale;
    private final float[] bias;

    ActionScaling(Box actionSpace) {
        int n = actionSpace.dim();
        scale = new float[n];
        bias = new float[n];
        for (int i = 0; i < n; i++) {
            scale[i] = (actionSpace.high(i) - actionSpace.low(i)) / 2f;
            bias[i] = (actionSpace.high(i) + actionSpace.low(i)) / 2f;
        }
    }

    float[] toEnv(float[] unit) {
        float[] a = new float[unit.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = unit[i] * scale[i % scale.length] + bias[i % scale.length];
        }
        return a;
    }

    /** A uniformly random action in the environment's bounds (initial exploration). */
    float[] uniform(java.util.random.RandomGenerator random) {
        float[] a = new float[scale.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return toEnv(a);
    }

    float[] toUnit(float[] env) {
        float[] a = new float[env.length];
        for (int i = 0; i < a.length; i++) {
            int d = i % scale.length;
            a[i] = Math.max(-1f, Math.min(1f, (env[i] - bias[d]) / scale[d]));
        }
        return a;
    }
}
