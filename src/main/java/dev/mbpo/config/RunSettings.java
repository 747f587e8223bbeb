package dev.mbpo.config;

import java.util.List;

/**
 * How a run is driven, whatever the algorithm.
 *
 * @param seed          fixes the run: environments, buffers, initial weights, sampling
 * @param totalSteps    real environment steps of the run
 * @param evalEvery     real steps between evaluations
 * @param evalEpisodes  deterministic episodes per evaluation (on an environment seeded apart)
 * @param device        auto, cpu or gpu
 * @param threads       torch intra-op threads
 */
public record RunSettings(long seed, int totalSteps, int evalEvery, int evalEpisodes, String device, int threads) {

    public static final RunSettings DEFAULT = new RunSettings(1, 10_000, 1000, 5, "auto", 1);

    public RunSettings {
        if (seed < 0) {
            throw Check.fail("run.seed", seed, "an integer >= 0");
        }
        Check.inRange("run.totalSteps", totalSteps, 1, 100_000_000);
        Check.inRange("run.evalEvery", evalEvery, 1, 100_000_000);
        Check.inRange("run.evalEpisodes", evalEpisodes, 0, 1000);
        Check.oneOf("run.device", device, List.of("auto", "cpu", "gpu"));
        Check.inRange("run.threads", threads, 1, 256);
    }
}
