package dev.mbpo.env.mujoco;

import dev.mbpo.env.AbstractEnv;
import dev.mbpo.env.Box;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A MuJoCo task with Gymnasium's v4 semantics: the state is qpos ++ qvel, a step sets the
 * controls and advances {@code frameSkip} simulator steps (one native call), episodes end after
 * 1,000 steps, and a reset perturbs the model's reference configuration with the task's noise.
 * Holds native memory: close it (a dropped one is freed by a cleaner).
 */
public abstract class MujocoEnv extends AbstractEnv {
    /** Gymnasium's time limit for the MuJoCo v4 tasks. */
    public static final int MAX_EPISODE_STEPS = 1000;

    protected final MujocoSim sim;
    protected final int nq;
    protected final int nv;
    protected final double dt;
    private final int frameSkip;
    private final double[] controls;

    /**
     * @param qposNames a name for every position coordinate (a hinge's or slider's joint name)
     * @param qvelNames a name for every velocity coordinate; null: the position names with " velocity"
     */
    protected MujocoEnv(String id, MujocoSim sim, int frameSkip, int observationDim, String[] qposNames, String[] qvelNames) {
        super(id, Box.uniform(observationDim, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY), actionSpace(sim),
                MAX_EPISODE_STEPS, stateLabels(sim, qposNames, qvelNames));
        this.sim = sim;
        this.nq = sim.nq();
        this.nv = sim.nv();
        this.frameSkip = frameSkip;
        this.dt = sim.timestep() * frameSkip;
        this.controls = new double[sim.nu()];
    }

    /** The project's model file of a task, from the classpath. */
    protected static MujocoSim load(String id, String resource) {
        try (InputStream in = MujocoEnv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(id + ": model file " + resource + " is missing from the build");
            }
            return new MujocoSim(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(id + ": cannot read " + resource, e);
        }
    }

    private static Box actionSpace(MujocoSim sim) {
        double[] r = sim.ctrlRange();
        float[] lo = new float[sim.nu()];
        float[] hi = new float[sim.nu()];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = (float) r[2 * i];
            hi[i] = (float) r[2 * i + 1];
        }
        return new Box(lo, hi);
    }

    /** The position names, then the velocity names. */
    private static String[] stateLabels(MujocoSim sim, String[] qposNames, String[] qvelNames) {
        String[] velocities = qvelNames;
        if (velocities == null) {
            velocities = Arrays.stream(qposNames).map(n -> n + " velocity").toArray(String[]::new);
        }
        if (qposNames.length != sim.nq() || velocities.length != sim.nv()) {
            throw new IllegalArgumentException("one name per coordinate expected: nq " + sim.nq() + ", nv " + sim.nv()
                    + ", names " + Arrays.toString(qposNames) + " / " + Arrays.toString(velocities));
        }
        String[] labels = Arrays.copyOf(qposNames, qposNames.length + velocities.length);
        System.arraycopy(velocities, 0, labels, qposNames.length, velocities.length);
        return labels;
    }

    @Override
    protected void stateReplaced() {
        sim.setState(state);
    }

    @Override
    protected final Transition advance(float[] clippedAction, float[] rawAction) {
        double[] before = state.clone();
        for (int i = 0; i < controls.length; i++) {
            controls[i] = clippedAction[i];
        }
        sim.step(controls, frameSkip, state);
        return outcome(before, rawAction);
    }

    /** The reward and termination of the step from {@code before} to {@link #state}, for the action as given. */
    protected abstract Transition outcome(double[] before, float[] action);

    /** qpos0 plus uniform noise in [-scale, scale] on every coordinate (Gymnasium's qpos reset). */
    protected final double[] uniformAround(double[] reference, double scale) {
        double[] out = reference.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += uniform(-scale, scale);
        }
        return out;
    }

    /** The observation: {@link #state} from coordinate {@code from} on, velocities clipped to +-{@code velocityLimit} (none: infinity). */
    protected final float[] stateFrom(int from, double velocityLimit) {
        float[] o = new float[state.length - from];
        for (int i = from; i < state.length; i++) {
            double v = i >= nq ? Math.max(-velocityLimit, Math.min(velocityLimit, state[i])) : state[i];
            o[i - from] = (float) v;
        }
        return o;
    }

    /** The observation's labels: {@link #stateLabels()} from coordinate {@code from} on. */
    protected final String[] labelsFrom(int from) {
        String[] s = stateLabels();
        return Arrays.copyOfRange(s, from, s.length);
    }

    /** Gaussian noise with the given standard deviation on every coordinate. */
    protected final double[] gaussianAround(double[] reference, double scale) {
        double[] out = reference.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += scale * random.nextGaussian();
        }
        return out;
    }

    /** qpos ++ qvel of the given parts. */
    protected static double[] join(double[] qpos, double[] qvel) {
        double[] s = Arrays.copyOf(qpos, qpos.length + qvel.length);
        System.arraycopy(qvel, 0, s, qpos.length, qvel.length);
        return s;
    }

    /** The sum of the squared action (the control cost's sum). */
    protected static double squaredNorm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += (double) x * x;
        }
        return s;
    }

    /** Simulated seconds per step (the simulator's timestep times the frame skip). */
    public double dt() {
        return dt;
    }

    /** Simulator steps per environment step. */
    public int frameSkip() {
        return frameSkip;
    }

    /** The task's simulator (benchmarks time it directly). */
    public MujocoSim sim() {
        return sim;
    }

    /** Whether the task moves in the x-z plane only (drawn from the side); Ant is not. */
    public boolean planar() {
        return true;
    }

    /** Every geom's pose and size now (16 numbers a geom: type, size, position, rotation), for drawing. */
    public double[] geoms() {
        return sim.geoms();
    }

    @Override
    public void close() {
        sim.close();
    }
}
