package dev.mbpo.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a sweep's pending runs on a Slurm cluster through its own commands: one job array (one
 * task per run, at most {@code parallel} at once) submitted with {@code sbatch}, followed with
 * {@code squeue}; each task writes its exit status beside its log, so finished tasks are read
 * from the shared file system and nothing else about the cluster (accounting, sacct) is assumed.
 * The sweep's folder and the runs folder must be on a file system the nodes share.
 */
public final class SlurmExecutor {
    /** Cluster options for sbatch. */
    public record Options(String partition, String time, String memory, int cpusPerTask) {
    }

    private static final Pattern RUN_LINE = Pattern.compile("^(?:run|resuming) (\\d{8}-\\d{6}-\\S+?):? ");
    private final Path dir;
    private final Function<List<String>, List<String>> command;
    private final Options options;
    private final PrintWriter out;
    private final long pollMillis;

    public SlurmExecutor(Path dir, Function<List<String>, List<String>> command, Options options, PrintWriter out, long pollMillis) {
        this.dir = dir;
        this.command = command;
        this.options = options;
        this.out = out;
        this.pollMillis = pollMillis;
    }

    /** True when sbatch is on the PATH (tests name a missing one with -Dmbpo.sbatch). */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(sbatchCommand(), "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The job array script: each task reads its arguments (one a line) and records its exit status. */
    String script(SweepPlan plan, List<Integer> indices) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=mbpo-").append(plan.name()).append('\n');
        s.append("#SBATCH --array=").append(String.join(",", indices.stream().map(String::valueOf).toList()))
                .append('%').append(Math.max(1, plan.parallel())).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(options.cpusPerTask()).append('\n');
        s.append("#SBATCH --mem=").append(options.memory()).append('\n');
        s.append("#SBATCH --time=").append(options.time()).append('\n');
        if (options.partition() != null && !options.partition().isBlank()) {
            s.append("#SBATCH --partition=").append(options.partition()).append('\n');
        }
        s.append("#SBATCH --output=").append(dir.resolve("logs").toAbsolutePath()).append("/run-%a.log\n");
        s.append("#SBATCH --open-mode=append\n");
        s.append("# Written by mbpo sweep; one array task per run of ").append(dir.resolve(SweepPlan.FILE).toAbsolutePath()).append('\n');
        s.append("ID=$SLURM_ARRAY_TASK_ID\n");
        s.append("mapfile -t ARGS < \"").append(dir.resolve("args").toAbsolutePath()).append("/run-$ID.args\"\n");
        s.append("rm -f \"").append(dir.resolve("status").toAbsolutePath()).append("/run-$ID.exit\"\n");
        s.append("\"${ARGS[@]}\"\n");
        s.append("CODE=$?\n");
        s.append("echo $CODE > \"").append(dir.resolve("status").toAbsolutePath()).append("/run-$ID.exit\"\n");
        s.append("exit $CODE\n");
        return s.toString();
    }

    /** Submits every pending run as one job array and follows it to its end; returns the plan as it ended. */
    public SweepPlan run(SweepPlan start) throws IOException, InterruptedException {
        Path preset = dir.resolve("preset.json");
        if (!Files.exists(preset)) {
            Files.writeString(preset, start.presetJson());
        }
        for (String sub : List.of("logs", "args", "status")) {
            Files.createDirectories(dir.resolve(sub));
        }
        List<SweepPlan.Entry> runs = new ArrayList<>(start.runs());
        List<Integer> pending = new ArrayList<>();
        for (SweepPlan.Entry e : runs) {
            if (e.state() == SweepPlan.State.PENDING) {
                pending.add(e.index());
                Files.write(dir.resolve("args").resolve("run-" + e.index() + ".args"),
                        command.apply(LocalExecutor.trainArgs(start, e, preset)), StandardCharsets.UTF_8);
                Files.deleteIfExists(dir.resolve("status").resolve("run-" + e.index() + ".exit"));
            }
        }
        if (pending.isEmpty()) {
            return start;
        }
        Path script = dir.resolve("job.sbatch");
        Files.writeString(script, script(start, pending));
        String job = sbatch(script);
        out.printf("submitted job array %s: %d runs (%s)%n", job, pending.size(), script);
        out.flush();
        for (int i : pending) {
            runs.set(i, runs.get(i).with(SweepPlan.State.RUNNING, "slurm job " + job + "_" + i, runs.get(i).runId(), 0));
        }
        SweepPlan plan = start.withRuns(runs);
        plan.save(dir);
        while (true) {
            Map<Integer, String> queued = squeue(job);
            boolean changed = false;
            int open = 0;
            for (int i : pending) {
                SweepPlan.Entry e = runs.get(i);
                if (e.state() != SweepPlan.State.RUNNING) {
                    continue;
                }
                String id = runIdOf(i);
                if (id != null && !id.equals(e.runId())) {
                    e = e.with(e.state(), e.reason(), id, 0);
                    runs.set(i, e);
                    changed = true;
                }
                if (queued.containsKey(i)) {
                    open++;
                    continue;
                }
                Path exit = dir.resolve("status").resolve("run-" + i + ".exit");
                SweepPlan.Entry done;
                if (Files.exists(exit)) {
                    int code = Integer.parseInt(Files.readString(exit).trim());
                    done = code == 0 ? e.with(SweepPlan.State.FINISHED, "", e.runId(), 0)
                            : e.with(SweepPlan.State.FAILED, "exit " + code + " (slurm job " + job + "_" + i + ")", e.runId(), 0);
                } else {
                    done = e.with(SweepPlan.State.FAILED, "slurm task " + job + "_" + i + " ended without an exit status "
                            + "(cancelled, killed, or out of time or memory; see logs/run-" + i + ".log)", e.runId(), 0);
                }
                runs.set(i, done);
                changed = true;
                out.printf("run %d (%s) %s%s%n", i, e.label(), done.state().name().toLowerCase(java.util.Locale.ROOT),
                        done.reason().isEmpty() ? "" : ": " + done.reason());
                out.flush();
            }
            if (changed) {
                plan = plan.withRuns(runs);
                plan.save(dir);
            }
            if (open == 0 && runs.stream().noneMatch(r -> r.state() == SweepPlan.State.RUNNING && pending.contains(r.index()))) {
                return plan;
            }
            Thread.sleep(pollMillis);
        }
    }

    private String runIdOf(int index) {
        Path log = dir.resolve("logs").resolve("run-" + index + ".log");
        try {
            String id = null;
            for (String line : Files.readAllLines(log)) {
                Matcher m = RUN_LINE.matcher(line);
                if (m.find()) {
                    id = m.group(1);
                }
            }
            return id;
        } catch (IOException e) {
            return null;
        }
    }

    /** The sbatch program: tests name a missing or failing one with -Dmbpo.sbatch. */
    private static String sbatchCommand() {
        return System.getProperty("mbpo.sbatch", "sbatch");
    }

    private static String sbatch(Path script) throws IOException, InterruptedException {
        List<String> r = run(List.of(sbatchCommand(), "--parsable", script.toString()));
        String last = r.isEmpty() ? "" : r.get(r.size() - 1).trim();
        if (!last.matches("\\d+(;.*)?")) {
            throw new SlurmCommandException("sbatch refused the job array: " + String.join(" ", r));
        }
        return last.split(";")[0];
    }

    /** Array task index -> state of the job's tasks still queued or running. */
    static Map<Integer, String> squeue(String job) throws IOException, InterruptedException {
        Map<Integer, String> m = new HashMap<>();
        for (String line : run(List.of("squeue", "-h", "-r", "-j", job, "-o", "%K %T"))) {
            String[] p = line.trim().split("\\s+");
            if (p.length == 2 && p[0].matches("\\d+")) {
                m.put(Integer.parseInt(p[0]), p[1]);
            }
        }
        return m;
    }

    /** Cancels a job array. */
    public static void scancel(String job) throws IOException, InterruptedException {
        run(List.of("scancel", job));
    }

    private static List<String> run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String program = Path.of(cmd.get(0)).getFileName().toString(); // sbatch, also when named by its path
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new SlurmCommandException(program + " did not answer within 60 s");
        }
        if (p.exitValue() != 0 && !program.equals("squeue")) {
            throw new SlurmCommandException(program + " failed (exit " + p.exitValue() + "): " + String.join(" ", text.strip().lines().toList()));
        }
        return text.lines().toList();
    }
}
