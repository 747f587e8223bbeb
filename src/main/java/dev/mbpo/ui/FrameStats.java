package dev.mbpo.ui;

/** Gaps between FX frames: the longest since the last reset shows whether the window stayed responsive. */
final class FrameStats {
    private long last;
    private long longestNanos;
    private long frames;

    void frame(long now) {
        if (last != 0) {
            longestNanos = Math.max(longestNanos, now - last);
        }
        last = now;
        frames++;
    }

    double longestGapMillis() {
        return longestNanos / 1e6;
    }

    long frames() {
        return frames;
    }

    void reset() {
        longestNanos = 0;
        frames = 0;
        last = 0;
    }
}
