package dev.mbpo.model;

import dev.mbpo.nn.ParamIo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/**
 * An ensemble's checkpoint folder: weights, log-variance bounds and optimiser moments in
 * {@code ensemble.ndlist}; normalisers, elites and counters in {@code ensemble.properties}.
 */
final class EnsembleFiles {
    private EnsembleFiles() {
    }

    static void save(DynamicsEnsemble e, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("ensemble.ndlist"))) {
            ParamIo.save(e.tensors(), out);
        }
        Properties p = new Properties();
        p.setProperty("normalizer.mean", join(e.inputNormalizer().mean()));
        p.setProperty("normalizer.std", join(e.inputNormalizer().std()));
        p.setProperty("targetNormalizer.mean", join(e.targetNormalizer().mean()));
        p.setProperty("targetNormalizer.std", join(e.targetNormalizer().std()));
        p.setProperty("elites", Arrays.toString(e.elites()).replaceAll("[\\[\\] ]", ""));
        p.setProperty("adam.steps", Long.toString(e.optimizer().steps()));
        p.setProperty("trainings", Long.toString(e.trainings()));
        try (OutputStream out = Files.newOutputStream(dir.resolve("ensemble.properties"))) {
            p.store(out, "dynamics ensemble state");
        }
    }

    static void load(DynamicsEnsemble e, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("ensemble.ndlist"))) {
            ParamIo.load(e.tensors(), in, e.manager(), dir.resolve("ensemble.ndlist").toString());
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("ensemble.properties"))) {
            p.load(in);
        }
        try {
            e.inputNormalizer().set(parse(p.getProperty("normalizer.mean")), parse(p.getProperty("normalizer.std")));
            e.targetNormalizer().set(parse(p.getProperty("targetNormalizer.mean")), parse(p.getProperty("targetNormalizer.std")));
            e.setElites(Arrays.stream(p.getProperty("elites").split(",")).mapToInt(Integer::parseInt).toArray());
            e.optimizer().setSteps(Long.parseLong(p.getProperty("adam.steps")));
            e.setTrainings(Long.parseLong(p.getProperty("trainings")));
        } catch (RuntimeException ex) {
            throw new IOException(dir.resolve("ensemble.properties") + ": missing or malformed value (" + ex.getMessage() + ")", ex);
        }
    }

    private static String join(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        return sb.toString();
    }

    private static float[] parse(String s) {
        String[] parts = s.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return v;
    }
}
