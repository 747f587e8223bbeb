package dev.mbpo.train;

import dev.mbpo.run.LoopPhase;
import dev.mbpo.run.RunEvent;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the loop tells about itself besides learning: the phase it is in (a phase event when
 * it changes) and the wall time spent in each part of a step, reported with each evaluation.
 */
final class LoopTelemetry {
    private final Consumer<RunEvent> events;
    private final PhaseTimer timer;
    private LoopPhase phase;

    LoopTelemetry(Consumer<RunEvent> events, Clock clock) {
        this.events = events;
        this.timer = new PhaseTimer(clock);
    }

    /** The loop entered {@code next}: an event when it changed. */
    void enter(long step, LoopPhase next) {
        if (next != phase) {
            phase = next;
            events.accept(new RunEvent.Phase(step, next));
        }
    }

    /** Starts timing {@code part} (ending the part timed before). */
    void time(String part) {
        timer.start(part);
    }

    /** Ends the part being timed. */
    void endTiming() {
        timer.stop();
    }

    /** Seconds per part since the last report ({@code time/<part>_s}) and the steps per second. */
    void putTimings(long step, Map<String, Double> metrics) {
        metrics.putAll(timer.drainSeconds());
        metrics.put("time/steps_per_s", timer.stepsPerSecond(step));
    }
}
