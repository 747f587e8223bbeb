package dev.mbpo.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything that defines a run; presets are JSON files of this shape, and any field left
 * out of a preset takes its default.
 *
 * @param name        a short label for lists and titles
 * @param description one or two sentences for the preset menu
 * @param algorithm   "sac" (model-free baseline) or "mbpo"
 * @param env         environment id, e.g. Pendulum-v1
 * @param run         seed, length, evaluation, device
 * @param sac         the policy learner's settings
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunConfig(String name, String description, String algorithm, String env, RunSettings run, SacConfig sac) {

    public static final List<String> ALGORITHMS = List.of("sac");

    public static final RunConfig DEFAULT = new RunConfig("default", "", "sac", "Pendulum-v1",
            RunSettings.DEFAULT, SacConfig.DEFAULT);

    public RunConfig {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        Check.oneOf("algorithm", algorithm, ALGORITHMS);
        if (env == null || env.isBlank()) {
            throw Check.fail("env", "missing", "an environment id (mbpo envs lists them)");
        }
        if (run == null) {
            throw Check.fail("run", "missing", "an object with the run settings");
        }
        if (sac == null) {
            throw Check.fail("sac", "missing", "an object with the SAC settings");
        }
    }

    public RunConfig withRun(RunSettings r) {
        return new RunConfig(name, description, algorithm, env, r, sac);
    }

    public RunConfig withSeed(long seed) {
        return withRun(new RunSettings(seed, run.totalSteps(), run.evalEvery(), run.evalEpisodes(), run.device(), run.threads()));
    }

    public RunConfig withTotalSteps(int steps) {
        return withRun(new RunSettings(run.seed(), steps, run.evalEvery(), run.evalEpisodes(), run.device(), run.threads()));
    }
}
