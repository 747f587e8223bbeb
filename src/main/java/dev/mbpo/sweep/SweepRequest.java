package dev.mbpo.sweep;

import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep is asked to be, from the command line or the window, turned into a checked
 * {@link SweepPlan}: every run it expands to is validated before anything is written, and each
 * problem is one line naming the option (and the run it would have made).
 *
 * @param presetText the preset's JSON
 * @param presetName where it came from, for messages and the plan
 * @param grid       KEY=V1,V2 arguments
 * @param seeds      1-5, 1,3,7 or one seed
 * @param steps      run.totalSteps for every run, or null
 * @param parallel   runs at once
 * @param executor   local or slurm
 * @param slurm      the cluster options (slurm only)
 * @param name       the sweep's name, or null for one made from the preset and the time
 */
public record SweepRequest(String presetText, String presetName, List<String> grid, String seeds, Integer steps, int parallel,
                           String executor, SlurmExecutor.Options slurm, String name) {

    /**
     * The plan, checked.
     *
     * @throws IllegalArgumentException with the one line that says what is wrong
     */
    public SweepPlan plan(Path sweeps, Path runs) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("an empty grid: give at least one --grid KEY=V1,V2 (e.g. --grid rollout.horizon=1,5)");
        }
        if (!executor.equals("local") && !executor.equals("slurm")) {
            throw new IllegalArgumentException("--executor " + executor + "; allowed: local, slurm");
        }
        if (executor.equals("slurm") && !SlurmExecutor.available()) {
            throw new IllegalArgumentException("--executor slurm: sbatch is not on the PATH (Slurm's client commands are needed; "
                    + "on Debian: apt-get install slurm-client)");
        }
        if (slurm != null && (slurm.cpusPerTask() < 1 || !slurm.time().matches("(\\d+-)?\\d{1,2}(:\\d{2}){0,2}")
                || !slurm.memory().matches("\\d+[KMGT]?"))) {
            throw new IllegalArgumentException("--time " + slurm.time() + ", --mem " + slurm.memory() + ", --cpus-per-task "
                    + slurm.cpusPerTask() + "; allowed: a Slurm time such as 04:00:00 or 1-00:00:00, a memory such as 4G, at least 1 CPU");
        }
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("--parallel is " + parallel + "; allowed: 1 to 64");
        }
        List<SweepPlan.Axis> axes = new ArrayList<>();
        for (String g : grid) {
            axes.add(GridArgs.axis(g));
        }
        List<Long> seedList = GridArgs.seeds(seeds);
        List<SweepPlan.Entry> entries = SweepPlan.expand(axes, seedList);
        for (SweepPlan.Entry e : entries) {
            List<String> o = new ArrayList<>(e.overrides());
            o.add("run.seed=" + e.seed());
            if (steps != null) {
                o.add("run.totalSteps=" + steps);
            }
            try {
                Presets.parse(presetText, presetName, o);
            } catch (ConfigException ex) {
                throw new IllegalArgumentException("run " + e.index() + " (" + e.label() + "): " + ex.getMessage().replace("--set ", "--grid "));
            }
        }
        String sweepName = name != null && !name.isBlank() ? name.trim() : Path.of(presetName).getFileName().toString()
                .replaceFirst("\\.json$", "").replaceAll("[^A-Za-z0-9._-]", "-") + "-" + java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        if (!sweepName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name '" + sweepName + "': letters, digits, '.', '_' and '-' only");
        }
        if (Files.exists(sweeps.resolve(sweepName))) {
            throw new IllegalArgumentException("sweep " + sweepName + " exists in " + sweeps + ": choose another --name, or mbpo sweep "
                    + "resume " + sweepName);
        }
        return new SweepPlan(sweepName, presetName, presetText, axes, seedList, steps, parallel, executor,
                runs.toAbsolutePath().toString(), entries, executor.equals("slurm") ? slurm : null);
    }

    /** This JVM's java, class path, memory and module options, running the command line's {@code args}. */
    public static List<String> childCommand(List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("--add-modules") || a.startsWith("--enable-native-access")
                    || a.startsWith("-Djava.library.path") || a.startsWith("-Dmbpo.")) {
                c.add(a);
            }
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add("dev.mbpo.cli.Main");
        c.addAll(args);
        return c;
    }

    /** Runs a plan's pending runs with its executor, to the end. */
    public static SweepPlan execute(Path dir, SweepPlan plan, java.io.PrintWriter out) throws java.io.IOException, InterruptedException {
        return "slurm".equals(plan.executor())
                ? new SlurmExecutor(dir, SweepRequest::childCommand, plan.slurm(), out, 2000).run(plan)
                : new LocalExecutor(dir, SweepRequest::childCommand, out).run(plan);
    }
}
