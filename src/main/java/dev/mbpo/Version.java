package dev.mbpo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version and the versions of the deep learning stack it was built with, filled in by the build. */
public final class Version {
    private static final Properties BUILD = load();
    private static final String VERSION = BUILD.getProperty("version", "unknown");

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /** DJL's version in this build (0.36.0; 0.33.0 with -Pcuda). */
    public static String djl() {
        return BUILD.getProperty("djl", "unknown");
    }

    /** The PyTorch natives' version in this build (2.7.1; 2.5.1 with -Pcuda). */
    public static String pytorch() {
        return BUILD.getProperty("pytorch", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves every version "unknown"
        }
        return p;
    }
}
