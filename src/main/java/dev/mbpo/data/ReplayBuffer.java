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

    /** Writes the held transitions (oldest first) in a small binary format. */
    public void save(java.io.OutputStream out) throws java.io.IOException {
        java.io.DataOutputStream d = new java.io.DataOutputStream(new java.io.BufferedOutputStream(out));
        d.writeInt(0x4D425242); // "MBRB"
        d.writeInt(obsDim);
        d.writeInt(actDim);
        d.writeInt(size);
        d.writeLong(added);
        Batch all = all();
        for (float[] a : new float[][] {all.obs(), all.actions(), all.rewards(), all.nextObs(), all.terminated()}) {
            for (float v : a) {
                d.writeFloat(v);
            }
        }
        d.flush();
    }

    /** Replaces the content with what {@link #save} wrote (the newest rows if it held more than fit). */
    public void load(java.io.InputStream in, String what) throws java.io.IOException {
        java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(in));
        if (d.readInt() != 0x4D425242) {
            throw new java.io.IOException(what + ": not a replay buffer file");
        }
        int o = d.readInt();
        int a = d.readInt();
        int n = d.readInt();
        long total = d.readLong();
        if (o != obsDim || a != actDim || n < 0) {
            throw new java.io.IOException(what + ": holds transitions of observation width " + o + " and action width " + a
                    + "; this run needs " + obsDim + " and " + actDim);
        }
        Batch b = Batch.allocate(n, o, a);
        for (float[] arr : new float[][] {b.obs(), b.actions(), b.rewards(), b.nextObs(), b.terminated()}) {
            for (int i = 0; i < arr.length; i++) {
                arr[i] = d.readFloat();
            }
        }
        clear();
        for (int i = Math.max(0, n - capacity); i < n; i++) {
            add(b, i);
        }
        added = total;
    }

    /** A buffer sized to hold exactly what {@link #save} wrote to {@code in} (a dataset read whole). */
    public static ReplayBuffer read(java.io.InputStream in, String what) throws java.io.IOException {
        java.io.BufferedInputStream b = new java.io.BufferedInputStream(in);
        b.mark(32);
        java.io.DataInputStream d = new java.io.DataInputStream(b);
        if (d.readInt() != 0x4D425242) {
            throw new java.io.IOException(what + ": not a replay buffer file");
        }
        int o = d.readInt();
        int a = d.readInt();
        int n = d.readInt();
        if (o < 1 || a < 1 || n < 0) {
            throw new java.io.IOException(what + ": malformed header (" + o + ", " + a + ", " + n + ")");
        }
        b.reset();
        ReplayBuffer r = new ReplayBuffer(Math.max(1, n), o, a);
        r.load(b, what);
        return r;
    }

    /** A buffer of this one's first (oldest) {@code n} transitions. */
    public ReplayBuffer firstRows(int n) {
        int k = Math.min(n, size);
        ReplayBuffer r = new ReplayBuffer(Math.max(1, k), obsDim, actDim);
        Batch b = Batch.allocate(1, obsDim, actDim);
        for (int i = 0; i < k; i++) {
            copyRow(i, b, 0);
            r.add(b, 0);
        }
        return r;
    }

    /** All held transitions, oldest first. */
    public Batch all() {
        Batch b = Batch.allocate(size, obsDim, actDim);
        for (int k = 0; k < size; k++) {
            copyRow(k, b, k);
        }
        return b;
    }

    /** A buffer holding exactly this one's transitions, oldest first (a snapshot for another thread). */
    public ReplayBuffer copy() {
        ReplayBuffer c = new ReplayBuffer(Math.max(1, size), obsDim, actDim);
        c.appendNewestOf(this, size);
        return c;
    }

    /**
     * Appends the newest {@code n} transitions of {@code source}, oldest of them first, copying
     * straight from its arrays: a resize holds the old and the new buffer and nothing more.
     */
    public void appendNewestOf(ReplayBuffer source, int n) {
        if (source.obsDim != obsDim || source.actDim != actDim) {
            throw new IllegalArgumentException("buffers of different shapes: " + source.obsDim + "/" + source.actDim + " and "
                    + obsDim + "/" + actDim);
        }
        int count = Math.min(n, source.size);
        for (int k = source.size - count; k < source.size; k++) {
            int i = source.size < source.capacity ? k : (source.next + k) % source.capacity;
            System.arraycopy(source.obs, i * obsDim, obs, next * obsDim, obsDim);
            System.arraycopy(source.actions, i * actDim, actions, next * actDim, actDim);
            rewards[next] = source.rewards[i];
            System.arraycopy(source.nextObs, i * obsDim, nextObs, next * obsDim, obsDim);
            terminated[next] = source.terminated[i];
            next = (next + 1) % capacity;
            size = Math.min(size + 1, capacity);
            added++;
        }
    }
}
