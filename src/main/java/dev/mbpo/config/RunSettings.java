package dev.mbpo.config;

import java.util.List;

/**
 * How a run is driven, whatever the algorithm.
 *
 * @param seed            fixes the run: environments, buffers, initial weights, sampling
 * @param totalSteps      real environment steps of the run
 * @param evalEvery       real steps between evaluations
 * @param evalEpisodes    deterministic episodes per evaluation (on an environment seeded apart)
 * @param device          auto, cpu or gpu
 * @param threads         torch intra-op threads
 * @param checkpointEvery epochs between checkpoints (0: only at the end); an epoch is mbpo.epochLength steps,
 *                        or run.evalEvery for SAC
 * @param keepCheckpoints newest checkpoints kept (0: all)
 * @param onFault         what a numerical fault does: "stop" (the run ends as crashed, the last good
 *                        checkpoint kept) or "recover" (a non-finite SAC loss: that batch is skipped and the
 *                        SAC learning rates are halved, at most 3 times per epoch; other faults still stop)
 */
public record RunSettings(long seed, int totalSteps, int evalEvery, int evalEpisodes, String device, int threads,
                          int checkpointEvery, int keepCheckpoints, String onFault) {

    /** The values of {@code run.device} (and of the command line's {@code --device}); before DEFAULT, which checks it. */
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    public static final RunSettings DEFAULT = new RunSettings(1, 10_000, 1000, 5, "auto", 1, 1, 3, "stop");

    public RunSettings {
        if (seed < 0) {
            throw Check.fail("run.seed", seed, "an integer >= 0");
        }
        Check.inRange("run.totalSteps", totalSteps, 1, 100_000_000);
        Check.inRange("run.evalEvery", evalEvery, 1, 100_000_000);
        Check.inRange("run.evalEpisodes", evalEpisodes, 0, 1000);
        Check.oneOf("run.device", device, DEVICES);
        Check.inRange("run.threads", threads, 1, 256);
        Check.inRange("run.checkpointEvery", checkpointEvery, 0, 1_000_000);
        Check.inRange("run.keepCheckpoints", keepCheckpoints, 0, 1_000_000);
        Check.oneOf("run.onFault", onFault, List.of("stop", "recover"));
    }

    public RunSettings withSeed(long s) {
        return new RunSettings(s, totalSteps, evalEvery, evalEpisodes, device, threads, checkpointEvery, keepCheckpoints, onFault);
    }

    public boolean recoverFromFaults() {
        return "recover".equals(onFault);
    }

    public RunSettings withTotalSteps(int steps) {
        return new RunSettings(seed, steps, evalEvery, evalEpisodes, device, threads, checkpointEvery, keepCheckpoints, onFault);
    }
}
