package dev.mbpo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mbpo.config.Algorithm;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.run.Provenance;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunsFolder;
import dev.mbpo.train.CheckpointPolicy;
import dev.mbpo.train.DatasetCollector;
import dev.mbpo.train.OfflineDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mbpo dataset collect|list}: fixed datasets for offline runs. */
@Command(name = "dataset", description = "Datasets for offline runs: collect one with a saved or random policy, list them.",
        subcommands = {DatasetCommand.Collect.class, DatasetCommand.ListDatasets.class})
final class DatasetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: collect or list");
    }

    @Command(name = "collect", description = "Whole episodes of a saved run's policy with Gaussian action noise (or random actions), "
            + "stored in the runs folder with their provenance; offline runs name it with --set offline.dataset=NAME.")
    static final class Collect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "runs folder (default: ${DEFAULT-VALUE})")
        Path runs;
        @Option(names = "--policy", required = true, paramLabel = "RUN|random",
                description = "a run id whose policy acts, or random for uniformly random actions")
        String policy;
        @Option(names = "--checkpoint", paramLabel = "epoch-NNNN", description = "the policy's checkpoint (default: the last)")
        String checkpoint;
        @Option(names = "--env", paramLabel = "ID", description = "the task, for --policy random (a run's policy brings its own)")
        String env;
        @Option(names = "--episodes", required = true, paramLabel = "N", description = "whole episodes to collect")
        int episodes;
        @Option(names = "--noise", defaultValue = "0.1", paramLabel = "SIGMA",
                description = "Gaussian action noise, in half action ranges (default: ${DEFAULT-VALUE})")
        double noise;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the environment and the noise (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--name", description = "the dataset's folder name (default: time, task and policy)")
        String name;

        @Override
        public Integer call() throws IOException {
            if (episodes < 1 || episodes > 100_000) {
                throw new UserInputException("--episodes is " + episodes + "; allowed: 1 to 100000");
            }
            if (!Double.isFinite(noise) || noise < 0) {
                throw new UserInputException("--noise is " + noise + "; allowed: a number >= 0 (half action ranges)");
            }
            boolean random = policy.equals("random");
            RunsFolder folder = new RunsFolder(runs);
            RunFolder source = null;
            Path cp = null;
            String task;
            if (random) {
                if (env == null) {
                    throw new UserInputException("--policy random needs --env ID (mbpo envs lists them)");
                }
                task = env;
            } else {
                source = RunFolder.open(folder.resolve(policy));
                if (!source.config().algorithm().learnsPolicy()) {
                    throw new UserInputException("run " + source.id() + " is an " + source.config().algorithm()
                            + " run: it plans every action and has no policy to collect with");
                }
                task = source.config().env();
                if (env != null && !env.equals(task)) {
                    throw new UserInputException("--env " + env + " differs from run " + source.id() + "'s task " + task);
                }
                cp = EvalCommand.checkpointOf(source, checkpoint);
            }
            String id = name != null ? name : ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + "-" + task + "-dataset-" + (random ? "random" : "policy") + "-s" + seed;
            Path dir = runs.resolve(id);
            if (Files.exists(dir)) {
                throw new UserInputException(dir + " exists; choose another --name");
            }
            if (!id.matches("[A-Za-z0-9._-]+")) {
                throw new UserInputException("--name '" + id + "': letters, digits, '.', '_' and '-' only");
            }
            PrintWriter out = spec.commandLine().getOut();
            ReplayBuffer data;
            try (Env e = makeEnv(task)) {
                if (random) {
                    data = DatasetCollector.collect(e, null, episodes, noise, seed, n -> progress(out, n));
                } else {
                    try (CheckpointPolicy p = CheckpointPolicy.load(source.config(), cp)) {
                        data = DatasetCollector.collect(e, p::act, episodes, noise, seed, n -> progress(out, n));
                    }
                }
            }
            ObjectNode prov = new ObjectMapper().createObjectNode();
            prov.put("policy", random ? "random" : source.id());
            if (cp != null) {
                prov.put("checkpoint", cp.getFileName().toString());
            }
            prov.put("episodes", episodes);
            prov.put("noise", random ? 0 : noise);
            prov.put("seed", seed);
            prov.put("created", ZonedDateTime.now(ZoneOffset.UTC).toString());
            Provenance.machine().forEach(prov::put);
            OfflineDataset.write(dir, data, task, prov);
            double sum = 0;
            for (float r : data.all().rewards()) {
                sum += r;
            }
            out.printf(Locale.ROOT, "dataset %s: %d transitions of %s in %d episodes (mean return %.1f); "
                    + "use it with --set offline.dataset=%s%n", id, data.size(), task, episodes, sum / episodes, id);
            out.flush();
            return Main.EXIT_OK;
        }

        private static Env makeEnv(String task) {
            try {
                return Envs.make(task);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UserInputException(e.getMessage());
            }
        }

        private void progress(PrintWriter out, int episodesDone) {
            if (episodesDone % 10 == 0 || episodesDone == episodes) {
                out.printf(Locale.ROOT, "episode %d/%d%n", episodesDone, episodes);
                out.flush();
            }
        }
    }

    @Command(name = "list", description = "One line per dataset in the runs folder: name, task, transitions, policy.")
    static final class ListDatasets implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "runs folder (default: ${DEFAULT-VALUE})")
        Path runs;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> sets = new RunsFolder(runs).datasets();
            if (sets.isEmpty()) {
                out.println("no datasets in " + runs + " (mbpo dataset collect makes one; a recorded run's id works too)");
            }
            ObjectMapper json = new ObjectMapper();
            for (Path d : sets) {
                var meta = json.readTree(d.resolve(RunsFolder.DATASET_META).toFile());
                out.printf(Locale.ROOT, "%-56s %-24s %8d  policy %s%n", d.getFileName(), meta.path("env").asText(),
                        meta.path("transitions").asInt(), meta.path("provenance").path("policy").asText("?"));
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }
}
