package dev.mbpo.cli;

import dev.mbpo.config.ConfigException;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.nn.EngineInfo;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.run.RunEvent;
import dev.mbpo.run.Provenance;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunRecorder;
import dev.mbpo.run.RunsFolder;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mbpo train}: a headless run from a preset, recorded into a run folder. */
@Command(name = "train", description = "Train headless from a preset; the run is recorded in the runs folder (--runs).")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "FILE", description = "preset JSON, e.g. presets/pendulum-mbpo.json")
    Path preset;

    @Option(names = "--tag", paramLabel = "SWEEP", hidden = true, description = "the sweep this run belongs to (recorded with its provenance)")
    String tag;

    @Option(names = "--resume", paramLabel = "RUN", description = "continue a run (id or folder in --runs) from its last checkpoint")
    String resume;

    @Option(names = "--seed", paramLabel = "N", description = "overrides run.seed")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "overrides run.totalSteps")
    Integer steps;

    @Option(names = {"--runs", "--out"}, paramLabel = "DIR", defaultValue = "runs",
            description = "runs folder (default: ${DEFAULT-VALUE}; --out is the older name)")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a preset field, e.g. --set sac.gamma=0.98 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "R", description = "report the first step whose eval/return reaches R")
    Double threshold;

    @Option(names = "--quiet", description = "no progress lines, only the summary")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ((preset == null) == (resume == null)) {
            throw new UserInputException("give either --preset FILE (a new run) or --resume RUN (continue one)");
        }
        if (resume != null) {
            return resume();
        }
        RunConfig config = Presets.load(PresetFiles.require(preset), overrides);
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (steps != null) {
            if (steps < 1) {
                throw new ConfigException("run.totalSteps", "--steps is " + steps + "; allowed: an integer >= 1");
            }
            config = config.withTotalSteps(steps);
        }
        config = dev.mbpo.train.OfflineDataset.resolveIn(config, out);
        TrainingSession.validate(config);
        EngineInfo engine = Engines.start(new EngineOptions(config.run().device(), config.run().threads(), 1));
        Map<String, String> provenance = provenance(engine);
        provenance.put("preset", preset.toString());
        if (tag != null) {
            provenance.put("sweep", tag);
        }
        try (RunRecorder recorder = RunRecorder.create(out, config, provenance)) {
            return train(config, engine, recorder, null);
        }
    }

    private Integer resume() throws IOException {
        if (steps == null && !overrides.isEmpty()) {
            throw new UserInputException("--set cannot change a run being resumed; only --steps (a new total) may");
        }
        Path dir = new RunsFolder(out).resolve(resume);
        RunFolder folder = RunFolder.open(dir);
        List<Path> checkpoints = folder.checkpoints();
        if (checkpoints.isEmpty()) {
            throw new UserInputException(dir + ": has no checkpoint to resume from (checkpoints/epoch-NNNN)");
        }
        RunConfig config = folder.config();
        if (steps != null) {
            config = config.withTotalSteps(steps);
        }
        TrainingSession.validate(config);
        EngineInfo engine = Engines.start(new EngineOptions(config.run().device(), config.run().threads(), 1));
        Path last = checkpoints.get(checkpoints.size() - 1);
        try (RunRecorder recorder = RunRecorder.reopen(dir, config)) {
            spec.commandLine().getOut().println("resuming " + folder.id() + " from " + last.getFileName());
            return train(config, engine, recorder, last);
        }
    }

    private static Map<String, String> provenance(EngineInfo engine) {
        Map<String, String> provenance = Provenance.machine();
        provenance.putAll(engine.provenance());
        return provenance;
    }

    private Integer train(RunConfig config, EngineInfo engine, RunRecorder recorder, Path resumeFrom) {
        PrintWriter o = spec.commandLine().getOut();
        for (String warning : config.warnings()) {
            spec.commandLine().getErr().println("mbpo: warning: " + warning);
        }
        spec.commandLine().getErr().flush();
        ProgressPrinter printer = new ProgressPrinter(o, quiet, threshold);
        o.println("run " + recorder.id() + ": " + config.algorithm() + " on " + config.env() + ", seed "
                + config.run().seed() + ", " + config.run().totalSteps() + " steps, " + engine.summary());
        o.flush();
        TrainingSession session = new TrainingSession(config, e -> {
            recorder.accept(e);
            printer.accept(e);
        }).checkpointInto(recorder.dir()).resumeFrom(resumeFrom);
        // Ctrl-C: stop cleanly (checkpoint, status "stopped") instead of dying mid-write, and keep
        // the JVM alive until this thread has printed the summary (the JVM halts when the hook returns).
        java.util.concurrent.CountDownLatch summarised = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.stop();
            try {
                session.awaitEnd(30, java.util.concurrent.TimeUnit.SECONDS);
                summarised.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mbpo-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        SessionState end = session.runBlocking();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already shutting down: the hook has run
        }
        if (resumeFrom != null) {
            // The summary covers the whole run, as `mbpo runs show` does, not only this session's part.
            try {
                printer.wholeRun(dev.mbpo.run.RunSummary.of(RunFolder.open(recorder.dir()).readEvents().events()));
            } catch (IOException | RuntimeException e) {
                o.println("(the summary covers this session only: " + e.getMessage() + ")");
            }
        }
        printer.summary(recorder.dir());
        summarised.countDown();
        return end == SessionState.FINISHED ? Main.EXIT_OK : Main.EXIT_INTERNAL;
    }

    /** Prints a progress line per evaluation and a summary at the end. */
    static final class ProgressPrinter {
        private final PrintWriter out;
        private final boolean quiet;
        private final Double threshold;
        private double lastEval = Double.NaN;
        private double bestEval = Double.NEGATIVE_INFINITY;
        private long thresholdStep = -1;
        private double thresholdSeconds = Double.NaN;
        private long totalSteps;
        private long startNanos = System.nanoTime();
        private RunEvent.Ended ended;
        private double etaSeconds = Double.NaN;
        /** An offline run's dataset size: its steps are rounds of updates, not environment steps. */
        private long dataset = -1;

        ProgressPrinter(PrintWriter out, boolean quiet, Double threshold) {
            this.out = out;
            this.quiet = quiet;
            this.threshold = threshold;
        }

        void accept(RunEvent e) {
            java.util.OptionalDouble evalReturn = RunEvent.evalReturn(e);
            if (e instanceof RunEvent.Started s) {
                totalSteps = s.totalSteps();
                startNanos = System.nanoTime();
            } else if (e instanceof RunEvent.Ended end) {
                ended = end;
            } else if (e instanceof RunEvent.Progress p) {
                etaSeconds = p.etaSeconds();
            } else if (e instanceof RunEvent.Metrics m && m.values().containsKey(dev.mbpo.run.ComparisonRow.DATASET_SIZE)) {
                dataset = m.values().get(dev.mbpo.run.ComparisonRow.DATASET_SIZE).longValue();
            } else if (e instanceof RunEvent.Metrics m && evalReturn.isPresent()) {
                lastEval = evalReturn.getAsDouble();
                bestEval = Math.max(bestEval, lastEval);
                if (threshold != null && thresholdStep < 0 && lastEval >= threshold) {
                    thresholdStep = m.step();
                    thresholdSeconds = (System.nanoTime() - startNanos) / 1e9;
                }
                if (!quiet) {
                    double rate = m.values().getOrDefault("time/steps_per_s", Double.NaN);
                    double elapsed = (System.nanoTime() - startNanos) / 1e9;
                    out.printf("step %7d/%d  eval/return %9.2f  %6.1f steps/s  elapsed %s  ETA %s%n", m.step(),
                            totalSteps, lastEval, rate, duration(elapsed), duration(etaSeconds));
                    out.flush();
                }
            }
        }

        /** Takes the last and best evaluation (and the threshold's step) from the whole run, for a resumed one. */
        void wholeRun(dev.mbpo.run.RunSummary whole) {
            lastEval = whole.lastEval();
            bestEval = whole.bestEval();
            if (threshold != null) {
                long reached = whole.stepsTo(threshold);
                if (reached >= 0 && (thresholdStep < 0 || reached < thresholdStep)) {
                    thresholdStep = reached;
                    thresholdSeconds = Double.NaN; // reached in an earlier session: its time is not known here
                }
            }
        }

        void summary(Path dir) {
            out.println("---");
            if (ended != null) {
                out.println("status:       " + ended.status() + (ended.reason().isEmpty() ? "" : " (" + ended.reason() + ")"));
                out.println(dataset >= 0 ? "update rounds: " + ended.step() + " (offline: no environment step but evaluation; "
                        + "a dataset of " + dataset + " transitions)" : "real steps:   " + ended.step());
            }
            out.printf("wall time:    %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
            out.printf("last eval:    %.2f%nbest eval:    %.2f%n", lastEval, bestEval);
            if (threshold != null) {
                out.println(thresholdStep >= 0
                        ? String.format("threshold %.1f reached at step %d", threshold, thresholdStep)
                                + (Double.isNaN(thresholdSeconds) ? " (in an earlier session)" : String.format(" (%.1f s)", thresholdSeconds))
                        : String.format("threshold %.1f not reached", threshold));
            }
            out.println("run folder:   " + dir);
            out.flush();
        }

        /** h:mm:ss; "measuring" for an estimate not made yet (the run is still exploring at random). */
        static String duration(double seconds) {
            if (!Double.isFinite(seconds)) {
                return "measuring";
            }
            long s = Math.round(seconds);
            return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
    }
}
