package dev.mbpo.cli;

import dev.mbpo.nn.EngineInfo;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.nn.ProcessMemory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mbpo engine}: starts the deep-learning engine offline and says what it is. */
@Command(name = "engine", description = "Start the PyTorch engine offline and print device, versions and threads.")
final class EngineCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "1", description = "torch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() {
        EngineInfo info = Engines.start(new EngineOptions(device, threads, 1));
        PrintWriter out = spec.commandLine().getOut();
        out.println("engine:   " + info.engineName() + " " + info.engineVersion());
        out.println("djl:      " + info.djlVersion());
        out.println("device:   " + info.device() + " (GPUs reported: " + info.gpuCount() + ")");
        out.println("threads:  " + info.intraOpThreads() + " intra-op, " + info.interOpThreads() + " inter-op");
        out.println("malloc:   " + ProcessMemory.allocator() + " (native memory of the engine's CPU tensors)");
        out.flush();
        return Main.EXIT_OK;
    }
}
