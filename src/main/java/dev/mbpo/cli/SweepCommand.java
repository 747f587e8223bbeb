package dev.mbpo.cli;

import dev.mbpo.sweep.SweepPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mbpo sweep}: many seeded runs of a grid of settings, run here, with status, resume and cancel. */
@Command(name = "sweep", description = "Run a grid of settings times seeds as ordinary recorded runs (sweeps/NAME/sweep.json keeps "
        + "the plan and each run's state); then mbpo runs compare --group-by KEY.",
        subcommands = {SweepCommand.Status.class, SweepCommand.Resume.class, SweepCommand.Cancel.class})
final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--preset", paramLabel = "FILE", description = "the preset every run starts from")
    Path preset;
    @Option(names = "--grid", paramLabel = "KEY=V1,V2", description = "a setting and its values (repeatable; brackets keep a list whole)")
    List<String> grid = new ArrayList<>();
    @Option(names = "--seeds", paramLabel = "1-5", defaultValue = "1", description = "seeds: a range, a list, or one (default: ${DEFAULT-VALUE})")
    String seeds;
    @Option(names = "--steps", paramLabel = "N", description = "run.totalSteps of every run (default: the preset's)")
    Integer steps;
    @Option(names = "--executor", defaultValue = "local", description = "local or slurm (default: ${DEFAULT-VALUE})")
    String executor;
    @Option(names = "--partition", description = "slurm: the partition (default: the cluster's default)")
    String partition;
    @Option(names = "--time", defaultValue = "04:00:00", description = "slurm: time limit per run (default: ${DEFAULT-VALUE})")
    String time;
    @Option(names = "--mem", defaultValue = "4G", description = "slurm: memory per run (default: ${DEFAULT-VALUE})")
    String mem;
    @Option(names = "--cpus-per-task", defaultValue = "1", description = "slurm: CPUs per run (default: ${DEFAULT-VALUE})")
    int cpusPerTask;
    @Option(names = "--parallel", defaultValue = "1", description = "runs at once, one torch thread each (default: ${DEFAULT-VALUE})")
    int parallel;
    @Option(names = "--name", description = "the sweep's name (default: the preset's file name and the time)")
    String name;
    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "runs folder (default: ${DEFAULT-VALUE})")
    Path runs;
    @Option(names = "--sweeps", paramLabel = "DIR", defaultValue = "sweeps", description = "sweeps folder (default: ${DEFAULT-VALUE})")
    Path sweeps;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (preset == null) {
            throw new UserInputException("give --preset FILE and at least one --grid KEY=V1,V2 (or a subcommand: status, resume, cancel)");
        }
        String text = Files.readString(PresetFiles.require(preset));
        SweepPlan plan;
        try {
            plan = new dev.mbpo.sweep.SweepRequest(text, preset.toAbsolutePath().toString(), grid, seeds, steps, parallel, executor,
                    new dev.mbpo.sweep.SlurmExecutor.Options(partition, time, mem, cpusPerTask), name).plan(sweeps, runs);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage().replace(preset.toAbsolutePath().toString(), preset.toString()));
        }
        Path dir = sweeps.resolve(plan.name());
        List<SweepPlan.Entry> entries = plan.runs();
        List<Long> seedList = plan.seeds();
        String sweepName = plan.name();
        plan.save(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "sweep %s: %d runs (%d settings x %d seeds), %d at once; plan in %s%n", sweepName, entries.size(),
                entries.size() / seedList.size(), seedList.size(), parallel, dir.resolve(SweepPlan.FILE));
        out.flush();
        return execute(dir, plan, out, spec.commandLine().getErr());
    }

    static int execute(Path dir, SweepPlan plan, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        SweepPlan end;
        try {
            end = dev.mbpo.sweep.SweepRequest.execute(dir, plan, out);
        } catch (dev.mbpo.sweep.SlurmCommandException e) {
            // The cluster did not take the job array (controller down, partition refused...): one
            // line, no stack trace; the plan stays, so resume submits the runs not yet finished.
            err.printf("mbpo: sweep %s: %s; the plan is kept in %s: mbpo sweep resume %s submits it again%n", plan.name(),
                    e.getMessage(), dir, plan.name());
            err.flush();
            return Main.EXIT_INTERNAL;
        }
        var counts = end.counts();
        out.printf(Locale.ROOT, "sweep %s: %d finished, %d failed%s%n", end.name(), counts.get(SweepPlan.State.FINISHED),
                counts.get(SweepPlan.State.FAILED), counts.get(SweepPlan.State.FAILED) > 0 ? " (mbpo sweep resume " + end.name()
                + " runs them again)" : "");
        if (!end.grid().isEmpty()) {
            out.printf("compare: mbpo runs compare --runs %s --group-by %s %s%n", end.runsFolder(), end.grid().get(0).key(),
                    String.join(" ", end.runs().stream().filter(r -> r.runId() != null).map(SweepPlan.Entry::runId).toList()));
        }
        out.flush();
        return counts.get(SweepPlan.State.FAILED) == 0 ? Main.EXIT_OK : Main.EXIT_INTERNAL;
    }

    /** The sweeps folder option shared by the subcommands. */
    static final class Where {
        @Option(names = "--sweeps", paramLabel = "DIR", defaultValue = "sweeps", description = "sweeps folder (default: ${DEFAULT-VALUE})")
        Path sweeps;

        Path dir(String name) throws IOException {
            Path d = sweeps.resolve(name);
            if (!Files.isRegularFile(d.resolve(SweepPlan.FILE))) {
                throw new UserInputException("no sweep '" + name + "' in " + sweeps);
            }
            return d;
        }
    }

    @Command(name = "status", description = "Each run of a sweep: settings, seed, state (pending, running with progress, finished, failed with the reason).")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            Path dir = where.dir(name);
            SweepPlan plan = SweepPlan.load(dir);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-4s %-40s %-10s %-12s %s%n", "RUN", "SETTINGS", "STATE", "PROGRESS", "RUN ID / REASON");
            for (SweepPlan.Entry e : plan.runs()) {
                SweepPlan.State state = e.state();
                String reason = e.reason();
                if (state == SweepPlan.State.RUNNING && SweepPlan.slurmJobOf(e) == null && !SweepPlan.liveLocally(e)) {
                    state = SweepPlan.State.FAILED; // its process is gone without a word: the sweep driver was stopped
                    reason = "its process " + e.pid() + " is gone";
                }
                out.printf("%-4d %-40s %-10s %-12s %s%n", e.index(), e.label(), state.name().toLowerCase(Locale.ROOT),
                        dev.mbpo.sweep.SweepProgress.of(plan, e), e.runId() == null ? reason : e.runId() + (reason.isEmpty() ? "" : ": " + reason));
            }
            out.println(plan.counts());
            out.flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "resume", description = "Run a sweep's failed, cancelled and unstarted runs again (killed ones from their last checkpoint).")
    static final class Resume implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path dir = where.dir(name);
            SweepPlan plan = SweepPlan.load(dir);
            List<SweepPlan.Entry> runs = new ArrayList<>();
            int again = 0;
            for (SweepPlan.Entry e : plan.runs()) {
                if (SweepPlan.liveLocally(e)) {
                    throw new UserInputException("run " + e.index() + " of sweep " + name + " is still running (process " + e.pid()
                            + "); wait for it or mbpo sweep cancel " + name);
                }
                boolean redo = e.state() != SweepPlan.State.FINISHED;
                runs.add(redo ? e.with(SweepPlan.State.PENDING, "", e.runId(), 0) : e);
                again += redo ? 1 : 0;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("sweep %s: %d runs to run again%n", name, again);
            out.flush();
            SweepPlan p = plan.withRuns(runs);
            p.save(dir);
            return execute(dir, p, out, spec.commandLine().getErr());
        }
    }

    @Command(name = "cancel", description = "Stop a sweep's running runs (each keeps its checkpoint) and mark the rest cancelled.")
    static final class Cancel implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            Path dir = where.dir(name);
            SweepPlan plan = SweepPlan.load(dir);
            List<SweepPlan.Entry> runs = new ArrayList<>();
            int stopped = 0;
            java.util.Set<String> jobs = new java.util.TreeSet<>();
            for (SweepPlan.Entry e : plan.runs()) {
                if (e.state() == SweepPlan.State.RUNNING) {
                    ProcessHandle.of(e.pid()).ifPresent(ProcessHandle::destroy); // SIGTERM: the run stops cleanly
                    if (SweepPlan.slurmJobOf(e) != null) {
                        jobs.add(SweepPlan.slurmJobOf(e));
                    }
                    stopped++;
                }
                boolean open = e.state() == SweepPlan.State.RUNNING || e.state() == SweepPlan.State.PENDING;
                runs.add(open ? e.with(SweepPlan.State.CANCELLED, "cancelled", e.runId(), 0) : e);
            }
            List<String> refused = new ArrayList<>();
            for (String job : jobs) {
                try {
                    dev.mbpo.sweep.SlurmExecutor.scancel(job);
                } catch (dev.mbpo.sweep.SlurmCommandException ex) {
                    refused.add("job " + job + ": " + ex.getMessage());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            plan.withRuns(runs).save(dir);
            spec.commandLine().getOut().printf("sweep %s: %d running runs stopped, the rest cancelled (mbpo sweep resume %s runs them again)%n",
                    name, stopped, name);
            for (String r : refused) {
                spec.commandLine().getErr().println("mbpo: sweep " + name + ": Slurm did not cancel " + r + " (squeue shows what still runs)");
            }
            return refused.isEmpty() ? Main.EXIT_OK : Main.EXIT_INTERNAL;
        }
    }
}
