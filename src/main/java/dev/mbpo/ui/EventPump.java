package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * Once per frame, on the FX thread: drains the live run's queued events into the views (never
 * while a replay is shown), advances animations, and measures the frames (gaps, an optional
 * stats log). {@code MBPO_FRAME_LOG=1} prints every frame gap over 100 ms with what the
 * previous frame handled.
 */
final class EventPump {
    private static final boolean FRAME_LOG = "1".equals(System.getenv("MBPO_FRAME_LOG"));
    private static final int MAX_EVENTS_PER_FRAME = 5000;

    private final RunController runs;
    private final Consumer<List<RunEvent>> feed;
    private final LongConsumer tick;
    private final FrameStats frames = new FrameStats();
    private AnimationTimer timer;
    private StatsLog statsLog;
    private long lastFrame;
    private String lastBatch = "";

    /**
     * @param feed receives each frame's batch of events
     * @param tick animations to advance, with the frame's time in nanoseconds
     */
    EventPump(RunController runs, Consumer<List<RunEvent>> feed, LongConsumer tick) {
        this.runs = runs;
        this.feed = feed;
        this.tick = tick;
    }

    void start() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        timer.start();
    }

    private void frame(long now) {
        if (FRAME_LOG && lastFrame != 0 && now - lastFrame > 100_000_000L) {
            System.err.printf("slow frame: %.0f ms before the frame at %.1f s (previous batch: %s)%n", (now - lastFrame) / 1e6,
                    now / 1e9, lastBatch);
        }
        lastFrame = now;
        frames.frame(now);
        if (statsLog != null) {
            statsLog.frame(now);
        }
        if (runs.modeProperty().get() != RunController.Mode.REPLAY) {
            List<RunEvent> batch = runs.drain(MAX_EVENTS_PER_FRAME);
            if (!batch.isEmpty()) {
                feed.accept(batch);
                if (FRAME_LOG) {
                    lastBatch = batch.stream().map(RunEvent::type).distinct().toList().toString();
                }
            }
        }
        tick.accept(now);
    }

    /** Counts an event fed to the views; a live run's first event restarts the frame-gap measurement. */
    void observe(RunEvent e) {
        if (statsLog != null) {
            statsLog.event(e);
        }
        if (e instanceof RunEvent.Started && runs.modeProperty().get() != RunController.Mode.REPLAY) {
            frames.reset(); // frame gaps are measured while training, from the run's first event
        }
    }

    /** Writes the window's health (memory, frame gaps, event rate) to a CSV file every interval. */
    void logStats(Path file, double everySeconds) throws IOException {
        statsLog = new StatsLog(file, everySeconds);
    }

    FrameStats frames() {
        return frames;
    }

    void stop() {
        if (timer != null) {
            timer.stop();
        }
        if (statsLog != null) {
            statsLog.close();
            statsLog = null;
        }
    }
}
