package dev.mbpo.data;

import java.util.random.RandomGenerator;

/**
 * Draws batches that are a {@code realRatio} share from one source and the rest from
 * another (MBPO: real and imagined transitions). The real share is rounded to the
 * nearest row; when the second source is empty, the whole batch comes from the first.
 */
public final class MixedSampler {
    private final TransitionSource real;
    private final TransitionSource imagined;
    private final double realRatio;

    public MixedSampler(TransitionSource real, TransitionSource imagined, double realRatio) {
        if (!(realRatio >= 0 && realRatio <= 1)) {
            throw new IllegalArgumentException("realRatio is " + realRatio + "; allowed: 0 to 1");
        }
        this.real = real;
        this.imagined = imagined;
        this.realRatio = realRatio;
    }

    /** Rows of a batch of {@code n} that come from the real source. */
    public int realRows(int n) {
        if (imagined.size() == 0) {
            return n;
        }
        if (real.size() == 0) {
            return 0;
        }
        return (int) Math.round(n * realRatio);
    }

    public void sampleInto(Batch out, RandomGenerator random) {
        int n = out.size();
        int r = realRows(n);
        if (r > 0) {
            real.sampleInto(out, 0, r, random);
        }
        if (n - r > 0) {
            imagined.sampleInto(out, r, n - r, random);
        }
    }
}
