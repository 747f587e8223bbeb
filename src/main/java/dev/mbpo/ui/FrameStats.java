package dev.mbpo.ui;

/**
 * Gaps between FX frames, to show whether the window stayed responsive: the longest gap, the
 * longest after a warm-up (the first seconds include loading the chart classes), and how many
 * gaps exceeded 100 ms.
 */
final class FrameStats {
    static final long WARM_UP_NANOS = 15_000_000_000L;
    private long first;
    private long last;
    private long longestNanos;
    private long longestWarmNanos;
    private long slowFrames;
    private long frames;

    void frame(long now) {
        if (first == 0) {
            first = now;
        }
        if (last != 0) {
            long gap = now - last;
            longestNanos = Math.max(longestNanos, gap);
            if (now - first > WARM_UP_NANOS) {
                longestWarmNanos = Math.max(longestWarmNanos, gap);
            }
            if (gap > 100_000_000L) {
                slowFrames++;
            }
        }
        last = now;
        frames++;
    }

    double longestGapMillis() {
        return longestNanos / 1e6;
    }

    double longestGapAfterWarmUpMillis() {
        return longestWarmNanos / 1e6;
    }

    long gapsOver100Millis() {
        return slowFrames;
    }

    long frames() {
        return frames;
    }

    void reset() {
        first = 0;
        last = 0;
        longestNanos = 0;
        longestWarmNanos = 0;
        slowFrames = 0;
        frames = 0;
    }
}
