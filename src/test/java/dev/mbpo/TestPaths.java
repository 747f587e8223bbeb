package dev.mbpo;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the project and the shared reference data. */
public final class TestPaths {
    private TestPaths() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("mbpo.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** ../shared/reference/NAME beside the checkout; fails clearly when it is absent. */
    public static Path reference(String name) {
        Path p = projectDir().resolve("../shared/reference").resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Reference data missing: " + p + " (the shared/ folder must sit beside the checkout)");
        }
        return p;
    }
}
