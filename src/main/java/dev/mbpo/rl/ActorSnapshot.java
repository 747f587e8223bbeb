package dev.mbpo.rl;

import java.util.Arrays;

/**
 * The actor's weights at one moment, copied out of the learner (immutable once made): what
 * the learner publishes to threads that act but do not learn. {@code version} counts
 * publications; {@code checksum} lets a reader check it got one whole snapshot.
 */
public final class ActorSnapshot {
    private final long version;
    private final long updates;
    private final float[][] weights;
    private final double checksum;

    ActorSnapshot(long version, long updates, float[][] weights) {
        this.version = version;
        this.updates = updates;
        this.weights = weights;
        this.checksum = sum(weights);
    }

    static double sum(float[][] w) {
        double s = 0;
        for (float[] a : w) {
            for (float v : a) {
                s += v;
            }
        }
        return s;
    }

    public long version() {
        return version;
    }

    /** SAC updates the learner had made when it took this snapshot. */
    public long updates() {
        return updates;
    }

    public double checksum() {
        return checksum;
    }

    float[] weight(int i) {
        return weights[i];
    }

    /** Every weight, in the actor's parameter order (shared: read only). */
    float[][] weights() {
        return weights;
    }

    int size() {
        return weights.length;
    }

    /** A copy of every weight, for tests that check a snapshot was read whole. */
    public float[][] copyOfWeights() {
        return Arrays.stream(weights).map(float[]::clone).toArray(float[][]::new);
    }
}
