package dev.mbpo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mbpo.nn.EngineInfo;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.train.bench.BenchResult;
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

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    enum Name { sac_update_256, sac_update_64, ensemble_train_step, ensemble_layout, rollout, sac_memory }

    /** Without --only every benchmark runs except sac_memory (minutes); name it to run it. */
    @Override
    public Integer call() throws IOException {
        if (repeat < 1) {
            throw new UserInputException("--repeat is " + repeat + "; allowed: an integer >= 1");
        }
        EngineInfo engine = Engines.start(new EngineOptions("auto", threads, 1));
        PrintWriter out = spec.commandLine().getOut();
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + engine.summary() + ", " + Instant.now());
        Map<Name, Supplier<BenchResult>> all = new LinkedHashMap<>();
        all.put(Name.sac_update_256, () -> SacBenchmarks.update("sac-update 256x256 batch 256", List.of(256, 256), 256, 50, repeat));
        all.put(Name.sac_update_64, () -> SacBenchmarks.update("sac-update 64x64 batch 256", List.of(64, 64), 256, 50, repeat));
        all.put(Name.ensemble_train_step, () -> ModelBenchmarks.trainStep(Math.max(3, repeat / 20)));
        all.put(Name.ensemble_layout, () -> ModelBenchmarks.layout(Math.max(5, repeat / 4)));
        all.put(Name.rollout, () -> ModelBenchmarks.rollout(Math.max(3, repeat / 20)));
        all.put(Name.sac_memory, () -> SacBenchmarks.memory(memoryUpdates, Math.max(1, memoryUpdates / 10), s -> {
            out.println("  " + s);
            out.flush();
        }));
        List<BenchResult> results = new ArrayList<>();
        for (Map.Entry<Name, Supplier<BenchResult>> e : all.entrySet()) {
            if (only.isEmpty() ? e.getKey() == Name.sac_memory : !only.contains(e.getKey())) {
                continue;
            }
            BenchResult r = e.getValue().get();
            results.add(r);
            if (r.samples().length > 0) {
                out.printf("%-38s median %10.3f %s  p10 %10.3f  p90 %10.3f  (n=%d)%s%n", r.name(), r.median(), r.unit(),
                        r.percentile(0.1), r.percentile(0.9), r.samples().length, r.extra().isEmpty() ? "" : "  " + r.extra());
            } else {
                out.printf("%-34s %s%n", r.name(), r.extra());
            }
            out.flush();
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        }
        return Main.EXIT_OK;
    }
}
