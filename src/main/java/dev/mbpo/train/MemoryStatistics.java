package dev.mbpo.train;

import ai.djl.ndarray.NDManager;
import dev.mbpo.nn.ProcessMemory;
import java.util.Map;

/**
 * Memory figures for soak runs and memory checks, reported with each evaluation: resident
 * memory, the Java heap in use and committed, and the arrays alive on the session's manager
 * (flat once training is warm).
 */
final class MemoryStatistics {
    private MemoryStatistics() {
    }

    static void put(Map<String, Double> metrics, NDManager manager) {
        long rss = ProcessMemory.residentBytes();
        if (rss > 0) {
            metrics.put("debug/rss_mb", rss / (1024.0 * 1024.0));
        }
        Runtime rt = Runtime.getRuntime();
        metrics.put("debug/heap_mb", (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0));
        metrics.put("debug/heap_committed_mb", rt.totalMemory() / (1024.0 * 1024.0));
        metrics.put("debug/live_arrays", (double) ProcessMemory.liveArrays(manager));
    }
}
