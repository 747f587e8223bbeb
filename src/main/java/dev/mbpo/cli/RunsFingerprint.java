package dev.mbpo.cli;

import dev.mbpo.run.EventFingerprint;
import dev.mbpo.run.RunsFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mbpo runs fingerprint ID...}: one line per run, the digest of its events without
 * timing fields ({@link EventFingerprint}). Two runs with the same seed and configuration
 * that learned identically print the same digest.
 */
@Command(name = "fingerprint",
        description = "A digest of each run's events with timing left out: equal digests mean identical learning.")
final class RunsFingerprint implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    RunsCommand.Where where;
    @Parameters(paramLabel = "ID", arity = "1..*", description = "run ids (mbpo runs list shows them)")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        RunsFolder runs = new RunsFolder(where.runs);
        for (String id : ids) {
            Path dir = runs.resolve(id);
            spec.commandLine().getOut().println(EventFingerprint.of(dir.resolve("events.jsonl")) + "  " + dir.getFileName());
        }
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
