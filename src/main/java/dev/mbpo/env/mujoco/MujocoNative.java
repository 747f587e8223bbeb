package dev.mbpo.env.mujoco;

/** The shim's native methods (src/main/native/mujoco_shim.c); {@link MujocoLibrary} loads it. */
final class MujocoNative {
    private MujocoNative() {
    }

    static native int version();

    static native int headerVersion();

    static native long load(String mjcf);

    static native void free(long handle);

    /** [nq, nv, nu, ngeom, nbody]. */
    static native int[] sizes(long handle);

    static native double timestep(long handle);

    static native double[] ctrlRange(long handle);

    static native double[] qpos0(long handle);

    static native void setState(long handle, double[] qposQvel);

    static native void step(long handle, double[] controls, int frameSkip, double[] qposQvelOut);

    static native void stepLoop(long handle, double[] controls, int frameSkip, int steps);

    static native void bodyPosition(long handle, int body, double[] out);

    /** Per geom 16 numbers: type, size (3), position (3), rotation matrix (9, row-major). */
    static native void geoms(long handle, double[] out);
}
