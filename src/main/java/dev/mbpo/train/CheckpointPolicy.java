package dev.mbpo.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.mbpo.config.RunConfig;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.Sac;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A saved policy acting again: loads {@code policy/} from a checkpoint and runs
 * deterministic episodes (for {@code mbpo eval} and for views that animate a checkpoint).
 * Use from one thread and close it.
 */
public final class CheckpointPolicy implements AutoCloseable {
    private final NDManager manager;
    private final Sac sac;
    private final RunConfig config;

    private CheckpointPolicy(RunConfig config, NDManager manager, Sac sac) {
        this.config = config;
        this.manager = manager;
        this.sac = sac;
    }

    /**
     * @throws IOException naming the file when the checkpoint is missing or does not match the configuration
     */
    public static CheckpointPolicy load(RunConfig config, Path checkpoint) throws IOException {
        Path policy = checkpoint.resolve("policy");
        if (!Files.isDirectory(policy)) {
            throw new IOException(policy + ": missing; not a checkpoint folder");
        }
        Device device = Engines.deviceFor(config);
        Engines.prepareThread();
        int obsDim;
        dev.mbpo.env.Box actions;
        try (Env env = Envs.make(config.env())) {
            obsDim = env.observationSpace().dim();
            actions = env.actionSpace();
        }
        NDManager m = NDManager.newBaseManager(device);
        try {
            Sac sac = new Sac(config.sac(), obsDim, actions, 0, m);
            sac.load(policy);
            return new CheckpointPolicy(config, m, sac);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** The deterministic action for an observation. */
    public float[] act(float[] obs) {
        return sac.act(obs, true);
    }

    /** Runs deterministic episodes on a fresh environment seeded with {@code seed}. */
    public List<RunEvent.Episode> evaluate(int episodes, long seed) {
        try (Evaluator evaluator = new Evaluator(Envs.make(config.env()), seed)) {
            return evaluator.run(this::act, episodes, 0);
        }
    }

    @Override
    public void close() {
        sac.close();
        manager.close();
    }
}
