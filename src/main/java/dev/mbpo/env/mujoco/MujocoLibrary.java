package dev.mbpo.env.mujoco;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the MuJoCo shim once and says whether MuJoCo can be used here: the shim was built
 * (the build needs gcc and Debian's libmujoco-dev), the library loads, and its version is the
 * one the shim was compiled against. Where it cannot, {@link #unavailableReason()} says why in
 * one line with the install command.
 */
public final class MujocoLibrary {
    /** MuJoCo 2.2.2, Debian 12's: the version the tasks' reference data was made with. */
    public static final int EXPECTED_VERSION = 222;
    public static final String INSTALL = "apt-get install libmujoco-dev gcc, then rebuild (mvn compile)";
    private static final String LIBRARY = "libmbpo_mujoco.so";
    private static final String REASON = load();

    private MujocoLibrary() {
    }

    /** True when MuJoCo tasks can run in this process. */
    public static boolean available() {
        return REASON == null;
    }

    /** Why MuJoCo cannot be used here, in one line; null when it can. */
    public static String unavailableReason() {
        return REASON;
    }

    /** Throws {@link IllegalStateException} with the reason when MuJoCo cannot be used. */
    static void require(String task) {
        if (REASON != null) {
            throw new IllegalStateException(task + " needs MuJoCo, which is unavailable: " + REASON);
        }
    }

    private static String load() {
        Path lib = location();
        if (lib == null || !Files.isRegularFile(lib)) {
            return "the MuJoCo shim was not built (" + (lib == null ? LIBRARY : lib) + " is missing); " + INSTALL;
        }
        try {
            System.load(lib.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError e) {
            return "the MuJoCo shim " + lib + " does not load (" + e.getMessage() + "); " + INSTALL;
        }
        int version = MujocoNative.version();
        int built = MujocoNative.headerVersion();
        if (version != built) {
            return "libmujoco is version " + version + " but the shim was built for " + built + "; rebuild (mvn compile)";
        }
        if (version != EXPECTED_VERSION) {
            return "libmujoco is version " + version + "; the tasks are defined and checked on " + EXPECTED_VERSION
                    + " (Debian 12's libmujoco-dev)";
        }
        return null;
    }

    /** {@code mbpo.native.dir}, else {@code target/native} beside the classes folder this class came from. */
    private static Path location() {
        String dir = System.getProperty("mbpo.native.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).resolve(LIBRARY);
        }
        try {
            Path classes = Path.of(MujocoLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent() == null ? null : classes.getParent().resolve("native").resolve(LIBRARY);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
