package dev.mbpo.env;

import java.util.Arrays;

/**
 * A box-shaped space: each coordinate lies in [low[i], high[i]] (bounds may be infinite),
 * like Gymnasium's {@code Box}. Immutable; the getters return copies.
 */
public final class Box {
    private final float[] low;
    private final float[] high;

    public Box(float[] low, float[] high) {
        if (low.length != high.length) {
            throw new IllegalArgumentException("Box bounds differ in length: low " + low.length + ", high " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (Float.isNaN(low[i]) || Float.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box bound " + i + " is invalid: low " + low[i] + ", high " + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** A box with the same bounds on every coordinate. */
    public static Box uniform(int dim, float low, float high) {
        float[] lo = new float[dim];
        float[] hi = new float[dim];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    public int dim() {
        return low.length;
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    public float low(int i) {
        return low[i];
    }

    public float high(int i) {
        return high[i];
    }

    /** True when every coordinate is within its bounds. */
    public boolean contains(float[] x) {
        if (x.length != low.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low[i] && x[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /** The shape as Gymnasium prints it, e.g. {@code (3,)}. */
    public String shape() {
        return "(" + low.length + ",)";
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
