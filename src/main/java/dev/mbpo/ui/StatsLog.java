package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The window's health over long runs (soak tests): every interval one CSV line with resident
 * memory and its parts (the Java heap in use and committed, the JVM's other committed memory,
 * direct buffers, and the rest: native memory that malloc serves to PyTorch, the graphics
 * pipeline and the JVM's own C code), live NDArrays (from the run's debug metrics), frames
 * drawn, the longest gap between frames and gaps over 100 ms within the interval, events per
 * second and the run's step. Fed by the frame pump on the FX thread; each line is flushed so that a killed
 * process keeps what it had written.
 */
final class StatsLog implements AutoCloseable {
    static final String HEADER = "elapsed_s,step,rss_mb,heap_mb,heap_committed_mb,jvm_other_mb,direct_mb,native_mb,live_arrays,"
            + "frames,max_gap_ms,gaps_over_100ms,events_per_s";
    private final BufferedWriter out;
    private final long intervalNanos;
    private long start;
    private long intervalStart;
    private long lastFrame;
    private long frames;
    private long maxGap;
    private long slow;
    private long events;
    private long step;
    private double liveArrays = Double.NaN;

    StatsLog(Path file, double intervalSeconds) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        out.write(HEADER);
        out.newLine();
        out.flush();
    }

    void event(RunEvent e) {
        events++;
        if (e instanceof RunEvent.Metrics m) {
            step = Math.max(step, m.step());
            Double live = m.values().get("debug/live_arrays");
            if (live != null) {
                liveArrays = live;
            }
        } else if (e instanceof RunEvent.Progress p) {
            step = Math.max(step, p.step());
        }
    }

    void frame(long now) {
        if (start == 0) {
            start = now;
            intervalStart = now;
        }
        if (lastFrame != 0) {
            long gap = now - lastFrame;
            maxGap = Math.max(maxGap, gap);
            if (gap > 100_000_000L) {
                slow++;
            }
        }
        lastFrame = now;
        frames++;
        if (now - intervalStart >= intervalNanos) {
            write(now);
        }
    }

    private void write(long now) {
        double seconds = (now - intervalStart) / 1e9;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage other = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            direct += Math.max(0, pool.getMemoryUsed());
        }
        long rss = dev.mbpo.nn.ProcessMemory.residentBytes();
        // Committed is an upper bound on what the JVM's parts hold resident, so native is a lower bound.
        long nativeBytes = rss - heap.getCommitted() - other.getCommitted() - direct;
        String line = String.format(Locale.ROOT, "%.1f,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%s,%d,%.1f,%d,%.1f",
                (now - start) / 1e9, step, mib(rss), mib(heap.getUsed()), mib(heap.getCommitted()),
                mib(other.getCommitted()), mib(direct), mib(nativeBytes),
                Double.isNaN(liveArrays) ? "" : String.valueOf((long) liveArrays), frames, maxGap / 1e6, slow,
                events / seconds);
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            System.err.println("stats log: " + e.getMessage());
        }
        intervalStart = now;
        frames = 0;
        maxGap = 0;
        slow = 0;
        events = 0;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            System.err.println("stats log: " + e.getMessage());
        }
    }
}
