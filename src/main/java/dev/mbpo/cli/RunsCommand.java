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

    @Command(name = "compare", description = "Final and best returns, and steps to a threshold, side by side.")
    static final class Compare implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Where where;
        @Parameters(paramLabel = "ID", arity = "2..*")
        List<String> ids = new ArrayList<>();
        @Option(names = "--threshold", paramLabel = "R", description = "eval return to reach (default: ${DEFAULT-VALUE})", defaultValue = "-200")
        double threshold;

        @Override
        public Integer call() throws IOException {
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
    }
}
