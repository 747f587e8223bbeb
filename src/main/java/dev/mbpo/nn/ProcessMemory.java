package dev.mbpo.nn;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process and live tensor counts, for memory checks and debug statistics. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Resident set size in bytes from /proc/self/status, or -1 where that file does not exist. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Which malloc serves native memory (PyTorch's CPU tensors): "tcmalloc" or "jemalloc" when
     * such a library is mapped into this process (the {@code ./mbpo} launcher preloads tcmalloc
     * where it is installed), else "glibc"; "unknown" where /proc/self/maps does not exist.
     */
    public static String allocator() {
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"));
            return maps.contains("libtcmalloc") ? "tcmalloc" : maps.contains("libjemalloc") ? "jemalloc" : "glibc";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Tensors alive on a manager and its sub-managers. */
    public static int liveArrays(NDManager manager) {
        return manager.getManagedArrays().size();
    }
}
