package dev.mbpo.sweep;

import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** How far a sweep's run has come, read from its run folder: "step/total", or "-" before it started. */
public final class SweepProgress {
    private SweepProgress() {
    }

    public static String of(SweepPlan plan, SweepPlan.Entry e) {
        if (e.runId() == null) {
            return "-";
        }
        try {
            List<RunEvent> events = RunFolder.open(Path.of(plan.runsFolder()).resolve(e.runId())).readEvents().events();
            long step = 0;
            long total = 0;
            for (RunEvent ev : events) {
                step = Math.max(step, ev.step());
                if (ev instanceof RunEvent.Started s) {
                    total = s.totalSteps();
                }
            }
            return step + "/" + total;
        } catch (IOException ex) {
            return "?";
        }
    }
}
