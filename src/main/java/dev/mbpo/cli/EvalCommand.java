package dev.mbpo.cli;

import dev.mbpo.run.RunEvent;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunsFolder;
import dev.mbpo.train.CheckpointPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mbpo eval ID}: a saved policy acts again in its environment. */
@Command(name = "eval", description = "Run a saved run's policy (last checkpoint, or --checkpoint) for a few episodes.")
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "runs folder (default: ${DEFAULT-VALUE})")
    Path runs;

    @Option(names = "--episodes", defaultValue = "5", description = "episodes (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--checkpoint", paramLabel = "epoch-NNNN", description = "which checkpoint (default: the last)")
    String checkpoint;

    @Option(names = "--seed", defaultValue = "12345", description = "seed of the evaluation environment (default: ${DEFAULT-VALUE})")
    long seed;

    /** The named checkpoint of a run, or its last; one line when there is none or no such one. */
    static Path checkpointOf(RunFolder f, String checkpoint) throws IOException {
        List<Path> cps = f.checkpoints();
        if (cps.isEmpty()) {
            throw new UserInputException(f.dir() + ": has no checkpoints (checkpoints/epoch-NNNN)");
        }
        if (checkpoint == null) {
            return cps.get(cps.size() - 1);
        }
        return cps.stream().filter(p -> p.getFileName().toString().equals(checkpoint)).findFirst()
                .orElseThrow(() -> new UserInputException("--checkpoint " + checkpoint + ": not in " + f.dir()
                        + "; available: " + cps.stream().map(p -> p.getFileName().toString()).toList()));
    }

    @Override
    public Integer call() throws IOException {
        if (episodes < 1 || episodes > 10_000) {
            throw new UserInputException("--episodes is " + episodes + "; allowed: 1 to 10000");
        }
        RunFolder f = RunFolder.open(new RunsFolder(runs).resolve(id));
        if (!f.config().algorithm().learnsPolicy()) {
            throw new UserInputException("run " + f.id() + " is an " + f.config().algorithm()
                    + " run: it plans every action and saves no policy; its evaluation returns are in mbpo runs show");
        }
        Path cp = checkpointOf(f, checkpoint);
        PrintWriter out = spec.commandLine().getOut();
        try (CheckpointPolicy policy = CheckpointPolicy.load(f.config(), cp)) {
            List<RunEvent.Episode> eps = policy.evaluate(episodes, seed);
            double sum = 0;
            for (RunEvent.Episode e : eps) {
                out.printf(Locale.ROOT, "episode %3d  return %9.2f  length %d%n", e.index(), e.episodeReturn(), e.length());
                sum += e.episodeReturn();
            }
            out.printf(Locale.ROOT, "mean return %.2f over %d episodes (%s, %s)%n", sum / eps.size(), eps.size(), f.id(), cp.getFileName());
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
