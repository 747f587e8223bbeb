package dev.mbpo.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A loop's checkpoint folder: the policy, the ensemble, the real buffer and the loop's
 * counters. The model buffer is not kept: it is refilled by a rollout right after a resume.
 */
final class LoopCheckpoint {
    private LoopCheckpoint() {
    }

    static void save(Path dir, LoopParts parts, int trainEpisodes) throws IOException {
        parts.sac.save(dir.resolve("policy"));
        if (parts.model != null) {
            parts.model.ensemble().save(dir.resolve("ensemble"));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("real-buffer.bin"))) {
            parts.real.save(out);
        }
        Properties p = new Properties();
        p.setProperty("step", Long.toString(parts.step));
        p.setProperty("trainEpisodes", Integer.toString(trainEpisodes));
        p.setProperty("algorithm", parts.config.algorithm().label());
        p.setProperty("env", parts.config.env());
        try (OutputStream out = Files.newOutputStream(dir.resolve("loop.properties"))) {
            p.store(out, "MBPO Workbench checkpoint");
        }
    }

    /** Restores what {@link #save} wrote; the next step starts a fresh episode. */
    static void restore(Path dir, LoopParts parts) throws IOException {
        Path loopFile = dir.resolve("loop.properties");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(loopFile)) {
            p.load(in);
        }
        String algorithm = parts.config.algorithm().label();
        String env = parts.config.env();
        if (!algorithm.equals(p.getProperty("algorithm")) || !env.equals(p.getProperty("env"))) {
            throw new IOException(loopFile + ": checkpoint of " + p.getProperty("algorithm") + " on " + p.getProperty("env")
                    + ", but the run is " + algorithm + " on " + env);
        }
        parts.sac.load(dir.resolve("policy"));
        if (parts.model != null) {
            parts.model.ensemble().load(dir.resolve("ensemble"));
        }
        Path buffer = dir.resolve("real-buffer.bin");
        try (InputStream in = Files.newInputStream(buffer)) {
            parts.real.load(in, buffer.toString());
        }
        try {
            parts.step = Long.parseLong(p.getProperty("step"));
            parts.trainEpisodes = Integer.parseInt(p.getProperty("trainEpisodes"));
        } catch (RuntimeException e) {
            throw new IOException(loopFile + ": malformed (" + e.getMessage() + ")", e);
        }
        if (parts.model != null) {
            parts.model.markTrained();
        }
        for (float r : parts.real.all().rewards()) {
            parts.faults.observeReward(r);
        }
        parts.resetEpisode();
    }
}
