package dev.mbpo.data;

import java.util.random.RandomGenerator;

/** Something transitions can be sampled from into rows of a {@link Batch}. */
public interface TransitionSource {
    int size();

    /** Copies {@code count} uniformly drawn transitions into rows {@code from .. from+count-1} of {@code out}. */
    void sampleInto(Batch out, int from, int count, RandomGenerator random);
}
