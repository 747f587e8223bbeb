package dev.mbpo.cli;

import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mbpo envs}: the built-in environments, their shapes and step limits. */
@Command(name = "envs", description = "List the built-in environments.")
final class EnvsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-26s %-12s %-8s %-14s %s%n";
        out.printf(format, "ID", "OBSERVATION", "ACTION", "ACTION RANGE", "STEP LIMIT");
        for (String id : Envs.ids()) {
            java.util.Optional<String> why = Envs.unavailable(id);
            if (why.isPresent()) {
                out.printf("%-26s unavailable: %s%n", id, why.get());
                continue;
            }
            try (Env env = Envs.make(id)) {
                String range = "[" + env.actionSpace().low(0) + ", " + env.actionSpace().high(0) + "]";
                out.printf(format, id, env.observationSpace().shape(), env.actionSpace().shape(), range, env.maxEpisodeSteps());
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
