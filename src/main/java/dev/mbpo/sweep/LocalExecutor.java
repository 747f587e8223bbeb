package dev.mbpo.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a sweep's pending runs on this machine, at most {@code parallel} processes at once (each
 * an ordinary {@code mbpo train} with one torch thread), keeping {@code sweep.json} up to date as
 * runs start and end. A run that exits non-zero (or is killed) is marked failed with the reason;
 * {@code mbpo sweep resume} runs it again, from its last checkpoint when it has one. Each run's
 * output goes to {@code logs/run-N.log} in the sweep's folder.
 */
public final class LocalExecutor {
    private static final Pattern RUN_LINE = Pattern.compile("^(?:run|resuming) (\\d{8}-\\d{6}-\\S+?):? ");
    private static final long POLL_MILLIS = 300;

    private final Path dir;
    private final Function<List<String>, List<String>> command;
    private final PrintWriter out;

    /**
     * @param dir     the sweep's folder
     * @param command turns {@code train} arguments into the whole command line of a child process
     * @param out     one line per run started and ended
     */
    public LocalExecutor(Path dir, Function<List<String>, List<String>> command, PrintWriter out) {
        this.dir = dir;
        this.command = command;
        this.out = out;
    }

    /** The train arguments of one run: resumed from its run folder when it has checkpoints, else a new run. */
    static List<String> trainArgs(SweepPlan plan, SweepPlan.Entry e, Path presetCopy) {
        List<String> a = new ArrayList<>(List.of("train", "--quiet", "--runs", plan.runsFolder(), "--tag", plan.name()));
        Path runDir = e.runId() == null ? null : Path.of(plan.runsFolder()).resolve(e.runId());
        if (runDir != null && Files.isDirectory(runDir.resolve("checkpoints")) && hasCheckpoint(runDir)) {
            a.addAll(List.of("--resume", e.runId()));
            return a;
        }
        a.addAll(List.of("--preset", presetCopy.toString(), "--seed", Long.toString(e.seed()), "--set", "run.threads=1"));
        if (plan.steps() != null) {
            a.addAll(List.of("--steps", Integer.toString(plan.steps())));
        }
        for (String o : e.overrides()) {
            a.addAll(List.of("--set", o));
        }
        return a;
    }

    private static boolean hasCheckpoint(Path runDir) {
        try (var s = Files.list(runDir.resolve("checkpoints"))) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("epoch-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs every pending run; returns the plan as it ended. */
    public SweepPlan run(SweepPlan start) throws IOException, InterruptedException {
        Path preset = dir.resolve("preset.json");
        if (!Files.exists(preset)) {
            Files.writeString(preset, start.presetJson());
        }
        Files.createDirectories(dir.resolve("logs"));
        List<SweepPlan.Entry> runs = new ArrayList<>(start.runs());
        Map<Integer, Process> live = new HashMap<>();
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        SweepPlan plan = start;
        while (true) {
            for (int i = 0; i < runs.size() && live.size() < Math.max(1, plan.parallel()); i++) {
                SweepPlan.Entry e = runs.get(i);
                if (e.state() != SweepPlan.State.PENDING) {
                    continue;
                }
                if (cancelledOnDisk(e.index())) { // mbpo sweep cancel, from another terminal
                    runs.set(i, e.with(SweepPlan.State.CANCELLED, "cancelled", e.runId(), 0));
                    plan = save(plan, runs);
                    continue;
                }
                Process p = launch(plan, e, preset, ids);
                live.put(e.index(), p);
                runs.set(i, e.with(SweepPlan.State.RUNNING, "", e.runId(), p.pid()));
                plan = save(plan, runs);
                say("started run %d (%s), process %d", e.index(), e.label(), p.pid());
            }
            if (live.isEmpty()) {
                return plan;
            }
            Thread.sleep(POLL_MILLIS);
            boolean changed = false;
            for (var it = live.entrySet().iterator(); it.hasNext(); ) {
                var le = it.next();
                int index = le.getKey();
                SweepPlan.Entry e = runs.get(index);
                String id = ids.get(index);
                if (id != null && !id.equals(e.runId())) {
                    e = e.with(e.state(), e.reason(), id, e.pid());
                    runs.set(index, e);
                    changed = true;
                }
                Process p = le.getValue();
                if (p.isAlive()) {
                    continue;
                }
                it.remove();
                int code = p.exitValue();
                SweepPlan.Entry done = code == 0 ? e.with(SweepPlan.State.FINISHED, "", e.runId(), 0)
                        : cancelledOnDisk(index) ? e.with(SweepPlan.State.CANCELLED, "cancelled", e.runId(), 0)
                        : e.with(SweepPlan.State.FAILED, reason(code, index), e.runId(), 0);
                runs.set(index, done);
                changed = true;
                say("run %d (%s) %s%s", index, e.label(), done.state().name().toLowerCase(java.util.Locale.ROOT),
                        done.reason().isEmpty() ? "" : ": " + done.reason());
            }
            if (changed) {
                plan = save(plan, runs);
            }
        }
    }

    private Process launch(SweepPlan plan, SweepPlan.Entry e, Path preset, Map<Integer, String> ids) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command.apply(trainArgs(plan, e, preset)));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Path log = dir.resolve("logs").resolve("run-" + e.index() + ".log");
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                         java.nio.file.StandardOpenOption.APPEND)) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.write(line);
                    w.write('\n');
                    w.flush();
                    Matcher m = RUN_LINE.matcher(line);
                    if (m.find() && !ids.containsKey(e.index())) {
                        ids.put(e.index(), m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process ended: its exit code says how
            }
        }, "mbpo-sweep-run-" + e.index());
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** Why a run failed: killed by a signal (exit 128 + n), or its last error line from the log. */
    private String reason(int code, int index) {
        if (code > 128 && code < 160) {
            return "killed by signal " + (code - 128) + (code == 137 ? " (SIGKILL)" : code == 143 ? " (SIGTERM)" : "");
        }
        String last = "";
        try {
            for (String line : Files.readAllLines(dir.resolve("logs").resolve("run-" + index + ".log"))) {
                if (line.startsWith("mbpo:")) {
                    last = line;
                }
            }
        } catch (IOException ignored) {
            // no log: the exit code alone
        }
        return "exit " + code + (last.isEmpty() ? "" : ": " + last);
    }

    /** True when sweep.json, as another process may have written it, marks the run cancelled. */
    private boolean cancelledOnDisk(int index) {
        try {
            return SweepPlan.load(dir).runs().get(index).state() == SweepPlan.State.CANCELLED;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private SweepPlan save(SweepPlan plan, List<SweepPlan.Entry> runs) throws IOException {
        SweepPlan p = plan.withRuns(runs);
        p.save(dir);
        return p;
    }

    private void say(String format, Object... args) {
        out.printf(java.util.Locale.ROOT, format + "%n", args);
        out.flush();
    }
}
