package dev.mbpo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mbpo.config.RunSettings;
import dev.mbpo.nn.EngineInfo;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.nn.ProcessMemory;
import dev.mbpo.train.bench.BenchResult;
import dev.mbpo.train.bench.GemmBenchmark;
import dev.mbpo.train.bench.LoopBenchmarks;
import dev.mbpo.train.bench.ModelBenchmarks;
import dev.mbpo.train.bench.SacBenchmarks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mbpo bench}: timed kernels and memory checks that print figures. */
@Command(name = "bench", description = "Benchmarks: print medians and spreads of timed kernels.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--only", paramLabel = "NAME", description = "run only this benchmark (repeatable); names: ${COMPLETION-CANDIDATES}")
    List<Name> only = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "200", description = "timed repetitions (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--memory-updates", defaultValue = "50000", description = "updates of the sac-memory check (default: ${DEFAULT-VALUE})")
    int memoryUpdates;

    @Option(names = "--threads", defaultValue = "1", description = "torch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu; auto picks the GPU whenever PyTorch reports one for the kernels, and as a run does (run.device) for the loops (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--loop-from", defaultValue = "1000", description = "loop benchmarks: real steps before the timed window, a multiple of 200 (default: ${DEFAULT-VALUE})")
    int loopFrom;

    @Option(names = "--loop-steps", defaultValue = "1000", description = "loop benchmarks: real steps timed, a multiple of 200 (default: ${DEFAULT-VALUE})")
    int loopSteps;

    @Option(names = "--preset", defaultValue = "presets/pendulum-mbpo.json", description = "loop benchmarks: the preset (default: ${DEFAULT-VALUE})")
    Path preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "loop benchmarks: override a preset setting (repeatable), e.g. mbpo.loop=async")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    enum Name { sgemm, sac_update_256, sac_update_64, sac_update_256_parallel, sac_update_64_parallel, ensemble_train_step, ensemble_layout, rollout, mujoco_step, mpc_plan, sac_memory, loop_preset, loop_peer }

    /** Minutes each: they run only when named with --only. */
    private static final java.util.Set<Name> ON_REQUEST = java.util.EnumSet.of(Name.sac_memory, Name.loop_preset, Name.loop_peer);

    /** Without --only every benchmark runs except the long ones (sac_memory, loop_*); name them to run them. */
    @Override
    public Integer call() throws IOException {
        if (repeat < 1) {
            throw new UserInputException("--repeat is " + repeat + "; allowed: an integer >= 1");
        }
        if (loopFrom < 0 || loopFrom % 200 != 0 || loopSteps < 200 || loopSteps % 200 != 0) {
            throw new UserInputException("--loop-from is " + loopFrom + " and --loop-steps " + loopSteps
                    + "; allowed: multiples of 200, --loop-steps at least 200");
        }
        if (!RunSettings.DEVICES.contains(device)) {
            throw new UserInputException("--device is '" + device + "'; allowed: " + String.join(", ", RunSettings.DEVICES));
        }
        EngineInfo engine = Engines.start(new EngineOptions(device, threads, 1));
        PrintWriter out = spec.commandLine().getOut();
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + engine.summary() + ", malloc "
                + ProcessMemory.allocator() + ", " + Instant.now());
        Map<Name, Supplier<BenchResult>> all = new LinkedHashMap<>();
        java.util.function.Consumer<String> progress = s -> {
            out.println(s);
            out.flush();
        };
        all.put(Name.sgemm, () -> GemmBenchmark.run(1024, Math.max(5, repeat / 4)));
        int sacWarmup = SacBenchmarks.WARMUP_UPDATES;
        all.put(Name.sac_update_256, () -> SacBenchmarks.update("sac-update 256x256 batch 256", List.of(256, 256), 256, sacWarmup, repeat));
        all.put(Name.sac_update_64, () -> SacBenchmarks.update("sac-update 64x64 batch 256", List.of(64, 64), 256, sacWarmup, repeat));
        all.put(Name.sac_update_256_parallel, () -> SacBenchmarks.update("sac-update 256x256 batch 256, parallel", List.of(256, 256), 256,
                sacWarmup, repeat, dev.mbpo.config.UpdateOrder.PARALLEL));
        all.put(Name.sac_update_64_parallel, () -> SacBenchmarks.update("sac-update 64x64 batch 256, parallel", List.of(64, 64), 256,
                sacWarmup, repeat, dev.mbpo.config.UpdateOrder.PARALLEL));
        all.put(Name.ensemble_train_step, () -> ModelBenchmarks.trainStep(Math.max(3, repeat / 20)));
        all.put(Name.ensemble_layout, () -> ModelBenchmarks.layout(Math.max(5, repeat / 4)));
        all.put(Name.rollout, () -> ModelBenchmarks.rollout(Math.max(3, repeat / 20)));
        all.put(Name.mujoco_step, () -> {
            Map<String, Double> figures = new LinkedHashMap<>();
            for (String id : dev.mbpo.env.Envs.ids()) {
                if (dev.mbpo.env.Envs.needsMujoco(id) && dev.mbpo.env.Envs.unavailable(id).isEmpty()) {
                    BenchResult r = dev.mbpo.train.bench.MujocoBenchmarks.step(id, Math.max(10, repeat / 4));
                    progress.accept(String.format(java.util.Locale.ROOT, "%-16s step through the shim %8.2f us, the shim's own "
                            + "loop %8.2f us: crossing %4.1f%%; whole Env.step %8.2f us", id, r.median(), r.extra().get("shim_loop_us"),
                            100 * r.extra().get("crossing_fraction"), r.extra().get("env_step_us")));
                    figures.put(id + " crossing_fraction", r.extra().get("crossing_fraction"));
                    figures.put(id + " step_us", r.median());
                }
            }
            return new BenchResult(figures.isEmpty() ? "mujoco steps: MuJoCo unavailable" : "mujoco steps", "us", new double[0], figures);
        });
        all.put(Name.mpc_plan, () -> dev.mbpo.train.bench.PlanBenchmarks.plan(Path.of("presets/pendulum-mpc.json"), overrides,
                Math.max(5, repeat / 10)));
        all.put(Name.sac_memory, () -> SacBenchmarks.memory(memoryUpdates, Math.max(1, memoryUpdates / 10), s -> {
            out.println("  " + s);
            out.flush();
        }));
        // The loops run on --device as given (a run's own auto would keep narrow networks on the CPU).
        List<String> onDevice = new ArrayList<>(List.of("run.device=" + device));
        onDevice.addAll(overrides);
        all.put(Name.loop_preset, () -> LoopBenchmarks.run("whole loop, " + preset + " " + overrides, preset, onDevice, loopFrom, loopSteps,
                threads, progress));
        all.put(Name.loop_peer, () -> {
            List<String> o = new ArrayList<>(LoopBenchmarks.PEER_SETTINGS);
            o.addAll(onDevice);
            return LoopBenchmarks.run("whole loop, peer settings " + overrides, preset, o, loopFrom, loopSteps, threads, progress);
        });
        List<BenchResult> results = new ArrayList<>();
        double sgemm = Double.NaN;
        for (Map.Entry<Name, Supplier<BenchResult>> e : all.entrySet()) {
            if (only.isEmpty() ? ON_REQUEST.contains(e.getKey()) : !only.contains(e.getKey())) {
                continue;
            }
            BenchResult r = withAchievedRate(e.getValue().get(), sgemm);
            if (e.getKey() == Name.sgemm) {
                sgemm = Math.max(r.median(), r.extra().get("gflop_s_at_256")); // the better of the two sizes
            }
            results.add(r);
            if (r.samples().length > 0) {
                out.printf("%-38s median %10.3f %s  p10 %10.3f  p90 %10.3f  (n=%d)%s%n", r.name(), r.median(), r.unit(),
                        r.percentile(0.1), r.percentile(0.9), r.samples().length, r.extra().isEmpty() ? "" : "  " + r.extra());
            } else {
                out.printf("%-34s %s%n", r.name(), r.extra());
            }
            out.flush();
        }
        if (!Double.isNaN(sgemm)) {
            out.printf("achieved GFLOP/s are compared with the better sgemm rate, %.1f GFLOP/s (this machine, %d thread(s))%n", sgemm, threads);
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        }
        return Main.EXIT_OK;
    }

    /** Adds achieved GFLOP/s (and its fraction of the measured sgemm rate) where a kernel states its FLOPs. */
    private static BenchResult withAchievedRate(BenchResult r, double sgemm) {
        Map<String, Double> x = new LinkedHashMap<>(r.extra());
        double achieved = Double.NaN;
        if (x.containsKey("approx_gflop_per_update")) {
            achieved = x.get("approx_gflop_per_update") / (r.median() / 1000);
        } else if (x.containsKey("approx_gflop_per_step")) {
            achieved = x.get("approx_gflop_per_step") / (r.median() / 1000);
        } else if (x.containsKey("approx_gflop_per_transition")) {
            achieved = x.get("approx_gflop_per_transition") * r.median();
        }
        if (Double.isNaN(achieved)) {
            return r;
        }
        x.put("achieved_gflop_s", achieved);
        if (!Double.isNaN(sgemm)) {
            x.put("fraction_of_sgemm", achieved / sgemm);
        }
        return new BenchResult(r.name(), r.unit(), r.samples(), x);
    }
}
