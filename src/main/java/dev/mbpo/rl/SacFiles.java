package dev.mbpo.rl;

import dev.mbpo.nn.ParamIo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A SAC learner's checkpoint folder: every network and optimiser moment in {@code sac.ndlist},
 * the temperature and step counters in {@code sac.properties}.
 */
final class SacFiles {
    private SacFiles() {
    }

    static void save(Sac sac, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("sac.ndlist"))) {
            ParamIo.save(sac.tensors(), out);
        }
        Properties p = new Properties();
        p.setProperty("logAlpha", Double.toString(sac.logAlpha));
        p.setProperty("alphaAdam.m", Double.toString(sac.alphaOpt.m));
        p.setProperty("alphaAdam.v", Double.toString(sac.alphaOpt.v));
        p.setProperty("alphaAdam.t", Long.toString(sac.alphaOpt.t));
        p.setProperty("actorAdam.steps", Long.toString(sac.actorOpt.steps()));
        p.setProperty("criticAdam.steps", Long.toString(sac.criticOpt.steps()));
        p.setProperty("updates", Long.toString(sac.updates));
        try (OutputStream out = Files.newOutputStream(dir.resolve("sac.properties"))) {
            p.store(out, "SAC scalar state");
        }
    }

    /** Restores what {@link #save} wrote into the learner's own arrays; the configuration must match. */
    static void load(Sac sac, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("sac.ndlist"))) {
            ParamIo.load(sac.tensors(), in, sac.manager, dir.resolve("sac.ndlist").toString());
        }
        // Written in place through the engine: recorded passes must cut their views again.
        sac.forgetRecordedViews();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("sac.properties"))) {
            p.load(in);
        }
        try {
            sac.logAlpha = Double.parseDouble(p.getProperty("logAlpha"));
            sac.alphaOpt.m = Double.parseDouble(p.getProperty("alphaAdam.m"));
            sac.alphaOpt.v = Double.parseDouble(p.getProperty("alphaAdam.v"));
            sac.alphaOpt.t = Long.parseLong(p.getProperty("alphaAdam.t"));
            sac.actorOpt.setSteps(Long.parseLong(p.getProperty("actorAdam.steps")));
            sac.criticOpt.setSteps(Long.parseLong(p.getProperty("criticAdam.steps")));
            sac.updates = Long.parseLong(p.getProperty("updates"));
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve("sac.properties") + ": missing or malformed value (" + e.getMessage() + ")", e);
        }
    }
}
