package dev.mbpo.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mbpo.config.ConfigException;
import dev.mbpo.config.OfflineConfig;
import dev.mbpo.config.RunConfig;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.run.RunFolder;
import dev.mbpo.run.RunsFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The fixed data of an offline run: the real transitions of a recorded run (its newest
 * checkpoint's real buffer, oldest first) or a dataset folder written by
 * {@code mbpo dataset collect} ({@value #META} with the provenance, {@value #TRANSITIONS}).
 *
 * @param transitions the transitions, oldest first
 * @param env         the task they were collected on
 * @param source      where they came from, for the run's record
 */
public record OfflineDataset(ReplayBuffer transitions, String env, String source) {
    public static final String META = RunsFolder.DATASET_META;
    public static final String TRANSITIONS = "transitions.bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The configuration with {@code offline.dataset} made an absolute folder: a run id or a dataset
     * name is looked up in {@code runsFolder}. Other algorithms' configurations come back as they are.
     *
     * @throws ConfigException naming offline.dataset when there is no such run or dataset
     */
    public static RunConfig resolveIn(RunConfig config, Path runsFolder) {
        if (config.algorithm() != dev.mbpo.config.Algorithm.OFFLINE) {
            return config;
        }
        String ref = config.offline().dataset();
        requireNamed(config);
        Path asPath = Path.of(ref);
        Path dir;
        if (Files.isDirectory(asPath)) {
            dir = asPath;
        } else {
            try {
                dir = new RunsFolder(runsFolder).resolve(ref);
            } catch (IOException e) {
                throw notFound(ref, runsFolder);
            }
            if (!Files.isDirectory(dir)) {
                throw notFound(ref, runsFolder);
            }
        }
        OfflineConfig o = config.offline().withDataset(dir.toAbsolutePath().normalize().toString());
        return config.withOffline(o);
    }

    /** A preset may leave the dataset out (it is chosen per run); starting without one is refused in one line. */
    private static void requireNamed(RunConfig config) {
        if (config.offline().dataset().isEmpty()) {
            throw dev.mbpo.config.Check.fail("offline.dataset", "empty", "a run id from the runs folder (its real transitions), "
                    + "a run folder, or a dataset folder made by mbpo dataset collect; e.g. --set offline.dataset=RUN_ID");
        }
    }

    private static ConfigException notFound(String ref, Path runsFolder) {
        return new ConfigException("offline.dataset", "offline.dataset: no run or dataset '" + ref + "' in " + runsFolder
                + " (mbpo runs list shows the runs; a folder path works too)");
    }

    /**
     * Reads the dataset a configuration names (resolved by {@link #resolveIn}), checked against the
     * run's task and sizes, cut to its first {@code offline.datasetSize} transitions.
     *
     * @throws ConfigException naming offline.dataset or offline.datasetSize, one line
     */
    public static OfflineDataset load(RunConfig config, int obsDim, int actDim) {
        requireNamed(config);
        Path dir = Path.of(config.offline().dataset());
        OfflineDataset d;
        try {
            d = read(dir);
        } catch (IOException e) {
            throw new ConfigException("offline.dataset", "offline.dataset: " + e.getMessage());
        }
        if (!d.env().equals(config.env())) {
            throw new ConfigException("offline.dataset", "offline.dataset: " + dir.getFileName() + " holds " + d.env()
                    + " transitions; this run is on " + config.env());
        }
        ReplayBuffer t = d.transitions();
        if (t.obsDim() != obsDim || t.actDim() != actDim) {
            throw new ConfigException("offline.dataset", "offline.dataset: " + dir.getFileName() + " holds observations of "
                    + t.obsDim() + " and actions of " + t.actDim() + " values; " + config.env() + " has " + obsDim + " and " + actDim);
        }
        int n = config.offline().datasetSize();
        if (n > t.size()) {
            throw new ConfigException("offline.datasetSize", "offline.datasetSize is " + n + "; allowed: 0 (all) to "
                    + t.size() + ", the transitions " + dir.getFileName() + " holds");
        }
        if (t.size() == 0) {
            throw new ConfigException("offline.dataset", "offline.dataset: " + dir.getFileName() + " holds no transitions");
        }
        ReplayBuffer used = n == 0 ? t : t.firstRows(n);
        return new OfflineDataset(used, d.env(), d.source() + (n == 0 ? "" : ", first " + n));
    }

    /** Reads a dataset folder or a run folder as it is. */
    static OfflineDataset read(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(META))) {
            JsonNode meta = JSON.readTree(dir.resolve(META).toFile());
            String env = meta.path("env").asText("");
            try (InputStream in = Files.newInputStream(dir.resolve(TRANSITIONS))) {
                return new OfflineDataset(ReplayBuffer.read(in, dir.resolve(TRANSITIONS).toString()), env,
                        "dataset " + dir.getFileName());
            }
        }
        RunFolder run = RunFolder.open(dir);
        List<Path> checkpoints = run.checkpoints();
        if (checkpoints.isEmpty()) {
            throw new IOException("run " + run.id() + " has no checkpoint, so no saved real transitions");
        }
        Path last = checkpoints.get(checkpoints.size() - 1);
        Path buffer = last.resolve("real-buffer.bin");
        try (InputStream in = Files.newInputStream(buffer)) {
            return new OfflineDataset(ReplayBuffer.read(in, buffer.toString()), run.config().env(),
                    "real transitions of run " + run.id() + " (" + last.getFileName() + ")");
        }
    }

    /** Writes a dataset folder: the transitions, then the provenance (each atomically). */
    public static void write(Path dir, ReplayBuffer transitions, String env, ObjectNode provenance) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(TRANSITIONS + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            transitions.save(out);
        }
        Files.move(tmp, dir.resolve(TRANSITIONS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ObjectNode meta = JSON.createObjectNode();
        meta.put("schema", 1);
        meta.put("env", env);
        meta.put("transitions", transitions.size());
        meta.put("obsDim", transitions.obsDim());
        meta.put("actDim", transitions.actDim());
        meta.set("provenance", provenance);
        Path tmpMeta = dir.resolve(META + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmpMeta.toFile(), meta);
        Files.move(tmpMeta, dir.resolve(META), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
