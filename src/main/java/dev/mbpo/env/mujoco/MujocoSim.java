package dev.mbpo.env.mujoco;

import java.lang.ref.Cleaner;

/**
 * One compiled model and its simulation data in native memory. Close it when done; one that
 * is dropped without closing is freed by a {@link Cleaner}. One thread uses a simulation.
 */
public final class MujocoSim implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final java.util.concurrent.atomic.AtomicInteger LIVE = new java.util.concurrent.atomic.AtomicInteger();

    /** Frees the native memory once, whoever comes first: close() or the cleaner. */
    private static final class Handle implements Runnable {
        private long value;

        Handle(long value) {
            this.value = value;
            LIVE.incrementAndGet();
        }

        @Override
        public synchronized void run() {
            if (value != 0) {
                MujocoNative.free(value);
                value = 0;
                LIVE.decrementAndGet();
            }
        }

        synchronized long get() {
            if (value == 0) {
                throw new IllegalStateException("the MuJoCo simulation was closed");
            }
            return value;
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private final int nq;
    private final int nv;
    private final int nu;
    private final int ngeom;
    private final double timestep;
    private final double[] ctrlRange;
    private final double[] qpos0;

    /**
     * Compiles MJCF text.
     *
     * @throws IllegalStateException    when MuJoCo is unavailable here
     * @throws IllegalArgumentException with MuJoCo's message when the model does not compile
     */
    public MujocoSim(String task, String mjcf) {
        MujocoLibrary.require(task);
        long h;
        try {
            h = MujocoNative.load(mjcf);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(task + ": the model file does not compile: " + e.getMessage().strip(), e);
        }
        this.handle = new Handle(h);
        this.cleanable = CLEANER.register(this, handle);
        int[] sizes = MujocoNative.sizes(h);
        this.nq = sizes[0];
        this.nv = sizes[1];
        this.nu = sizes[2];
        this.ngeom = sizes[3];
        this.timestep = MujocoNative.timestep(h);
        this.ctrlRange = MujocoNative.ctrlRange(h);
        this.qpos0 = MujocoNative.qpos0(h);
    }

    /** Simulations whose native memory is not freed yet (tests check the cleaner with it). */
    static int live() {
        return LIVE.get();
    }

    public int nq() {
        return nq;
    }

    public int nv() {
        return nv;
    }

    public int nu() {
        return nu;
    }

    public int ngeom() {
        return ngeom;
    }

    public double timestep() {
        return timestep;
    }

    /** Actuator i's control range is [ctrlRange[2i], ctrlRange[2i + 1]]. */
    public double[] ctrlRange() {
        return ctrlRange.clone();
    }

    /** The model's reference configuration (Gymnasium's {@code init_qpos}). */
    public double[] qpos0() {
        return qpos0.clone();
    }

    /** mj_resetData, qpos and qvel from {@code state} (qpos ++ qvel), mj_forward. */
    public void setState(double[] state) {
        if (state.length != nq + nv) {
            throw new IllegalArgumentException("a state holds qpos and qvel: " + (nq + nv) + " numbers, not " + state.length);
        }
        MujocoNative.setState(handle.get(), state);
    }

    /** ctrl = controls, {@code frameSkip} x mj_step, mj_rnePostConstraint; writes qpos ++ qvel into {@code state}. */
    public void step(double[] controls, int frameSkip, double[] state) {
        if (controls.length != nu || state.length != nq + nv) {
            throw new IllegalArgumentException("controls need " + nu + " numbers and the state " + (nq + nv));
        }
        MujocoNative.step(handle.get(), controls, frameSkip, state);
    }

    /**
     * Where body {@code body}'s frame is in the world (MuJoCo's xpos) as the last step left it:
     * computed at the start of the step's last simulator substep, as Gymnasium's tasks read it.
     */
    public double[] bodyPosition(int body) {
        double[] out = new double[3];
        MujocoNative.bodyPosition(handle.get(), body, out);
        return out;
    }

    /**
     * {@code steps} environment steps inside the shim, copying nothing out: what a step costs
     * without the JNI crossing (for the benchmark that measures that crossing).
     */
    public void stepInside(double[] controls, int frameSkip, int steps) {
        MujocoNative.stepLoop(handle.get(), controls, frameSkip, steps);
    }

    /** Every geom's type, size, position and orientation now (16 numbers a geom), for drawing. */
    public double[] geoms() {
        double[] out = new double[16 * ngeom];
        MujocoNative.geoms(handle.get(), out);
        return out;
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
