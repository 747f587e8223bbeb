package dev.mbpo.train;

/** Time source in nanoseconds, replaceable in tests. */
@FunctionalInterface
public interface Clock {
    long nanos();

    Clock SYSTEM = System::nanoTime;
}
