package dev.mbpo.data;

import java.util.random.RandomGenerator;

/**
 * A ring buffer of transitions in preallocated plain float arrays: once full, the oldest
 * transition is overwritten. Not thread-safe; one thread writes and samples.
 */
public final class ReplayBuffer implements TransitionSource {
    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private final float[] obs;
    private final float[] actions;
    private final float[] rewards;
    private final float[] nextObs;
    private final float[] terminated;
    private int next;
    private int size;
    private long added;

    public ReplayBuffer(int capacity, int obsDim, int actDim) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity is " + capacity + "; allowed: >= 1");
        }
        long floats = (long) capacity * (2L * obsDim + actDim + 2);
        if (floats > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("buffer of " + capacity + " transitions needs " + (floats * 4 >> 20)
                    + " MiB; allowed: at most " + ((long) Integer.MAX_VALUE / 2 * 4 >> 20) + " MiB");
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.obs = new float[capacity * obsDim];
        this.actions = new float[capacity * actDim];
        this.rewards = new float[capacity];
        this.nextObs = new float[capacity * obsDim];
        this.terminated = new float[capacity];
    }

    /** Appends one transition (arrays are copied). */
    public void add(float[] o, float[] a, double r, float[] o2, boolean done) {
        System.arraycopy(o, 0, obs, next * obsDim, obsDim);
        System.arraycopy(a, 0, actions, next * actDim, actDim);
        rewards[next] = (float) r;
        System.arraycopy(o2, 0, nextObs, next * obsDim, obsDim);
        terminated[next] = done ? 1f : 0f;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
    }

    /** Appends row {@code row} of a batch. */
    public void add(Batch b, int row) {
        System.arraycopy(b.obs(), row * obsDim, obs, next * obsDim, obsDim);
        System.arraycopy(b.actions(), row * actDim, actions, next * actDim, actDim);
        rewards[next] = b.rewards()[row];
        System.arraycopy(b.nextObs(), row * obsDim, nextObs, next * obsDim, obsDim);
        terminated[next] = b.terminated()[row];
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
    }

    @Override
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Transitions ever added (including overwritten ones). */
    public long added() {
        return added;
    }

    public int obsDim() {
        return obsDim;
    }

    public int actDim() {
        return actDim;
    }

    public void clear() {
        next = 0;
        size = 0;
    }

    /** A batch of {@code n} transitions drawn uniformly with replacement. */
    public Batch sample(int n, RandomGenerator random) {
        Batch b = Batch.allocate(n, obsDim, actDim);
        sampleInto(b, 0, n, random);
        return b;
    }

    @Override
    public void sampleInto(Batch out, int from, int count, RandomGenerator random) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty buffer");
        }
        for (int k = 0; k < count; k++) {
            copyRow(random.nextInt(size), out, from + k);
        }
    }

    /** Copies stored transition {@code index} (0 = oldest still held) into row {@code row} of {@code out}. */
    public void copyRow(int index, Batch out, int row) {
        int i = size < capacity ? index : (next + index) % capacity;
        System.arraycopy(obs, i * obsDim, out.obs(), row * obsDim, obsDim);
        System.arraycopy(actions, i * actDim, out.actions(), row * actDim, actDim);
        out.rewards()[row] = rewards[i];
        System.arraycopy(nextObs, i * obsDim, out.nextObs(), row * obsDim, obsDim);
        out.terminated()[row] = terminated[i];
    }

    /** All held transitions, oldest first. */
    public Batch all() {
        Batch b = Batch.allocate(size, obsDim, actDim);
        for (int k = 0; k < size; k++) {
            copyRow(k, b, k);
        }
        return b;
    }
}
