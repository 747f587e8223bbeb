package dev.mbpo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the project and the reference data that may sit beside the checkout. */
public final class TestPaths {
    private TestPaths() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("mbpo.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** The folder beside the checkout that holds reference data (Gymnasium transitions); it may be absent. */
    public static Path referenceDir() {
        return projectDir().resolve("../shared/reference").normalize();
    }

    /**
     * {@code referenceDir()/NAME}. A fresh clone has no such folder: the calling test is then
     * skipped (not failed), with a message naming the missing file and folder.
     */
    public static Path reference(String name) {
        Path p = referenceDir().resolve(name).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), () -> "skipped: reference data " + p + " is absent (the folder "
                + referenceDir() + " beside the checkout holds it; a clone alone does not)");
        return p;
    }
}
