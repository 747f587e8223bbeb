package dev.mbpo.cli;

import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunFormatException;
import dev.mbpo.run.RunSummary;
import dev.mbpo.run.RunsFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mbpo runs ...}: list, show, export and compare saved runs. */
@Command(name = "runs", description = "Saved runs: list, show, export, compare, fingerprint.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Export.class, RunsCommand.Compare.class,
            RunsFingerprint.class})
final class RunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the subcommands. */
    static class Where {
        @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "runs folder (default: ${DEFAULT-VALUE})")
        Path runs;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    static RunFolder.Events readAndWarn(RunFolder f, PrintWriter err) throws RunFormatException {
        RunFolder.Events ev = f.readEvents();
        for (String w : ev.warnings()) {
            err.println("mbpo: warning: " + w);
        }
        err.flush();
        return ev;
    }

    @Command(name = "list", description = "One line per run: id, env, algorithm, steps, best and last eval return, status.")
    static final class ListRuns implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RunsFolder runs = new RunsFolder(where.runs);
            String format = "%-48s %-26s %-5s %8s %10s %10s  %s%n";
            out.printf(format, "ID", "ENV", "ALGO", "STEPS", "BEST", "LAST", "STATUS");
            for (Path dir : runs.list()) {
                try {
                    RunFolder f = RunFolder.open(dir);
                    RunSummary s = RunSummary.of(f.readEvents().events());
                    out.printf(format, f.id(), f.config().env(), f.config().algorithm(), s.steps(), fmt(s.bestEval()),
                            fmt(s.lastEval()), f.status());
                } catch (RunFormatException e) {
                    err.println("mbpo: skipped " + dir.getFileName() + ": " + e.getMessage());
                }
            }
            out.flush();
            err.flush();
            return Main.EXIT_OK;
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length == 0 ? Double.NaN : c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    @Command(name = "show", description = "A run's configuration, provenance, status and evaluation curve.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws IOException {
            RunFolder f = RunFolder.open(new RunsFolder(where.runs).resolve(id));
            PrintWriter out = spec.commandLine().getOut();
            java.util.List<dev.mbpo.run.RunEvent> events = readAndWarn(f, spec.commandLine().getErr()).events();
            RunSummary s = RunSummary.of(events);
            out.println("id:          " + f.id());
            out.println("status:      " + f.status() + (f.runJson().path("endReason").asText("").isEmpty() ? ""
                    : " (" + f.runJson().path("endReason").asText() + ")"));
            out.println("algorithm:   " + f.config().algorithm() + " on " + f.config().env() + ", seed " + f.config().run().seed());
            out.println("started:     " + f.runJson().path("startTime").asText("-"));
            out.println("ended:       " + f.runJson().path("endTime").asText("-"));
            f.runJson().path("provenance").fields().forEachRemaining(e -> out.printf("%-12s %s%n", e.getKey() + ":", e.getValue().asText()));
            out.println("steps:       " + s.steps() + " of " + f.config().run().totalSteps());
            out.println("best eval:   " + fmt(s.bestEval()));
            out.println("last eval:   " + fmt(s.lastEval()));
            out.println("checkpoints: " + f.checkpoints().stream().map(p -> p.getFileName().toString()).toList());
            out.println("configuration (keys as --set takes them; mbpo keys explains each):");
            printConfiguration(dev.mbpo.config.Presets.toTree(f.config()), out);
            out.println("eval curve (step: return):");
            for (double[] p : s.evalCurve()) {
                out.printf(Locale.ROOT, "  %8d: %9.2f%n", (long) p[0], p[1]);
            }
            java.util.List<dev.mbpo.run.RunEvent.Horizon> horizons = events.stream()
                    .filter(e -> e instanceof dev.mbpo.run.RunEvent.Horizon).map(e -> (dev.mbpo.run.RunEvent.Horizon) e).toList();
            if (!horizons.isEmpty()) {
                out.println("disagreement vs open-loop error after each model training (step: Pearson r, Spearman, starts, error at k=1 / k=H):");
                for (dev.mbpo.run.RunEvent.Horizon h : horizons) {
                    int last = h.errorMean().length - 1;
                    out.printf(Locale.ROOT, "  %8d: r %5.2f  Spearman %5.2f  %4d starts  error %.4f / %.4f%n", h.step(), h.correlation(),
                            h.rankCorrelation(), h.starts(), h.errorMean()[Math.min(1, last)], h.errorMean()[last]);
                }
                out.printf(Locale.ROOT, "  median over %d trainings: r %.2f, Spearman %.2f%n", horizons.size(),
                        median(horizons.stream().mapToDouble(dev.mbpo.run.RunEvent.Horizon::correlation).toArray()),
                        median(horizons.stream().mapToDouble(dev.mbpo.run.RunEvent.Horizon::rankCorrelation).toArray()));
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }

    /** One line per section, wrapped: "  sac  hidden=[256,256] actorLr=3.0E-4 ...". */
    static void printConfiguration(com.fasterxml.jackson.databind.JsonNode tree, PrintWriter out) {
        java.util.List<String> top = new java.util.ArrayList<>();
        tree.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject() && !e.getKey().equals("description")) { // the description is prose, not a setting
                if (!e.getValue().asText().isEmpty()) {
                    top.add(e.getKey() + "=" + shown(e.getValue()));
                }
            }
        });
        wrap("", top, out);
        tree.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                java.util.List<String> items = new java.util.ArrayList<>();
                e.getValue().fields().forEachRemaining(k -> items.add(k.getKey() + "=" + shown(k.getValue())));
                wrap(e.getKey(), items, out);
            }
        });
    }

    private static String shown(com.fasterxml.jackson.databind.JsonNode v) {
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.contains(" ") ? "\"" + s + "\"" : s;
    }

    private static void wrap(String section, java.util.List<String> items, PrintWriter out) {
        String indent = String.format("  %-8s ", section);
        StringBuilder line = new StringBuilder(indent);
        for (String item : items) {
            if (line.length() > indent.length() && line.length() + 1 + item.length() > 100) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(" ".repeat(indent.length()));
            }
            line.append(item).append(' ');
        }
        if (line.length() > indent.length()) {
            out.println(line.toString().stripTrailing());
        }
    }

    @Command(name = "export", description = "A tidy CSV of every metric: step,metric,value (pandas and spreadsheets read it).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--csv", required = true, paramLabel = "FILE")
        Path csv;

        @Override
        public Integer call() throws IOException {
            RunFolder f = RunFolder.open(new RunsFolder(where.runs).resolve(id));
            List<RunEvent> events = readAndWarn(f, spec.commandLine().getErr()).events();
            int rows = 0;
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                w.write("step,metric,value\n");
                for (RunEvent e : events) {
                    if (e instanceof RunEvent.Metrics m) {
                        for (Map.Entry<String, Double> v : m.values().entrySet()) {
                            w.write(m.step() + "," + v.getKey() + "," + (v.getValue().isNaN() ? "" : v.getValue()) + "\n");
                            rows++;
                        }
                    } else if (e instanceof RunEvent.Episode ep) {
                        w.write(ep.step() + "," + ep.kind() + "/episode_return," + ep.episodeReturn() + "\n");
                        rows++;
                    }
                }
            }
            spec.commandLine().getOut().println("wrote " + rows + " rows to " + csv);
            spec.commandLine().getOut().flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "compare", description = "Final and best returns, and steps to a threshold, side by side; with --group-by, "
            + "runs grouped by a setting across their seeds (mean curve with a 95% bootstrap band, interquartile mean, steps to R).")
    static final class Compare implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Parameters(paramLabel = "ID", arity = "0..*", description = "runs (at least two; with --group-by, none means every run of --env)")
        List<String> ids = new ArrayList<>();
        @Option(names = "--threshold", paramLabel = "R", description = "eval return to reach (default: ${DEFAULT-VALUE})", defaultValue = "-200")
        double threshold;
        @Option(names = "--group-by", paramLabel = "KEY", description = "group runs by this setting, e.g. rollout.horizon")
        String groupBy;
        @Option(names = "--env", paramLabel = "ID", description = "with --group-by and no IDs: the task whose runs are grouped")
        String env;
        @Option(names = "--csv", paramLabel = "FILE", description = "with --group-by: write each group's mean curve and band")
        Path csv;

        @Override
        public Integer call() throws IOException {
            if (groupBy != null) {
                return grouped();
            }
            if (ids.size() < 2) {
                throw new UserInputException("runs compare needs at least two run ids (or --group-by KEY)");
            }
            PrintWriter out = spec.commandLine().getOut();
            String format = "%-48s %-5s %6s %8s %10s %10s %14s %10s%n";
            out.printf(format, "ID", "ALGO", "SEED", "STEPS", "BEST", "LAST", "STEPS TO " + fmt(threshold), "WALL S");
            RunsFolder runs = new RunsFolder(where.runs);
            List<dev.mbpo.run.ComparisonRow> rows = new ArrayList<>();
            for (String id : ids) {
                RunFolder f = RunFolder.open(runs.resolve(id));
                List<dev.mbpo.run.RunEvent> events = readAndWarn(f, spec.commandLine().getErr()).events();
                RunSummary s = RunSummary.of(events);
                long to = s.stepsTo(threshold);
                out.printf(format, f.id(), f.config().algorithm(), f.config().run().seed(), s.steps(), fmt(s.bestEval()),
                        fmt(s.lastEval()), to < 0 ? "not reached" : Long.toString(to), fmt(s.wallSeconds()));
                rows.add(dev.mbpo.run.ComparisonRow.of(f.id(), f.config(), events, threshold));
            }
            out.println();
            out.println("The comparison table (threshold " + fmt(threshold) + "):");
            String t = "%-8s %-6s %18s %14s %12s  %-44s %s%n";
            out.printf(t, "ALGO", "SEED", "REAL STEPS TO " + fmt(threshold), "WALL S TO IT", "MS/ACTION", "ONLINE INTERACTION",
                    "MODEL ERROR");
            for (dev.mbpo.run.ComparisonRow r : rows) {
                out.printf(t, r.algorithm(), r.seed(), r.realStepsTo() < 0 ? "not reached" : Long.toString(r.realStepsTo()),
                        fmt(r.wallSecondsTo()), Double.isNaN(r.actMillis()) ? "-" : String.format(java.util.Locale.ROOT, "%.2f",
                        r.actMillis()), r.interaction(), r.modelError());
            }
            out.println("(offline: its real steps are its dataset's; MS/ACTION: median time to act in evaluation, a policy's "
                    + "forward pass or a whole plan)");
            out.flush();
            return Main.EXIT_OK;
        }

        /** Runs grouped by one setting, each group across its seeds (sweep.GroupedRuns). */
        private Integer grouped() throws IOException {
            RunsFolder runs = new RunsFolder(where.runs);
            List<Path> dirs = new ArrayList<>();
            if (ids.isEmpty()) {
                if (env == null) {
                    throw new UserInputException("--group-by without run ids needs --env ID: the task whose runs are grouped");
                }
                dirs.addAll(runs.list());
            } else {
                for (String id : ids) {
                    dirs.add(runs.resolve(id));
                }
            }
            List<dev.mbpo.sweep.GroupedRuns.Member> members = new ArrayList<>();
            String task = env;
            for (Path d : dirs) {
                RunFolder f;
                try {
                    f = RunFolder.open(d);
                } catch (RunFormatException e) {
                    if (ids.isEmpty()) {
                        continue; // not a run (an unfinished folder): the listing skips it
                    }
                    throw e;
                }
                if (env != null && !f.config().env().equals(env)) {
                    continue;
                }
                if (task == null) {
                    task = f.config().env();
                } else if (!task.equals(f.config().env())) {
                    throw new UserInputException("run " + f.id() + " is on " + f.config().env() + ", others on " + task
                            + ": returns of different tasks do not compare");
                }
                members.add(new dev.mbpo.sweep.GroupedRuns.Member(f.id(), f.config(),
                        RunSummary.of(readAndWarn(f, spec.commandLine().getErr()).events())));
            }
            if (members.isEmpty()) {
                throw new UserInputException("no runs of " + env + " in " + where.runs);
            }
            List<dev.mbpo.sweep.GroupedRuns.Group> groups = dev.mbpo.sweep.GroupedRuns.group(members, groupBy, threshold, 1);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%d runs of %s grouped by %s (95%% bootstrap intervals over seeds):%n", members.size(), task, groupBy);
            String f = "%-16s %5s %12s %22s %12s %26s%n";
            out.printf(f, groupBy.length() > 16 ? "VALUE" : groupBy.toUpperCase(Locale.ROOT), "RUNS", "FINAL IQM", "IQM 95% CI",
                    "FINAL MEAN", "STEPS TO " + fmt(threshold) + ": MEDIAN [RANGE]");
            for (dev.mbpo.sweep.GroupedRuns.Group g : groups) {
                String to = g.stepsTo().length == 0 ? "not reached"
                        : String.format(Locale.ROOT, "%.0f [%.0f, %.0f]%s", g.stepsToMedian(), g.stepsToMin(), g.stepsToMax(),
                        g.notReached() == 0 ? "" : ", " + g.notReached() + " not");
                out.printf(f, g.value(), g.runs().size(), fmt(g.finalIqm()),
                        "[" + fmt(g.finalIqmCi()[0]) + ", " + fmt(g.finalIqmCi()[1]) + "]", fmt(g.finalMean()), to);
            }
            for (dev.mbpo.sweep.GroupedRuns.Group g : groups) {
                out.printf(Locale.ROOT, "%s = %s, mean return [95%% band] by step:", groupBy, g.value());
                for (double[] p : g.curve()) {
                    out.printf(Locale.ROOT, "  %.0f: %.1f [%.1f, %.1f]", p[0], p[1], p[2], p[3]);
                }
                out.println();
            }
            if (csv != null) {
                StringBuilder b = new StringBuilder("group,step,mean,low,high,runs\n");
                for (dev.mbpo.sweep.GroupedRuns.Group g : groups) {
                    for (double[] p : g.curve()) {
                        b.append(String.format(Locale.ROOT, "\"%s=%s\",%.0f,%.6g,%.6g,%.6g,%d%n", groupBy, g.value().replace("\"", "'"),
                                p[0], p[1], p[2], p[3], g.runs().size()));
                    }
                }
                java.nio.file.Files.writeString(csv, b.toString());
                out.println("wrote " + csv);
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }
}
