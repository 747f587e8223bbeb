package dev.mbpo.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything that defines a run; presets are JSON files of this shape, and any field left
 * out of a preset takes its default.
 *
 * @param name        a short label for lists and titles
 * @param description one or two sentences for the preset menu
 * @param algorithm   what the run learns with ({@link Algorithm})
 * @param env         environment id, e.g. Pendulum-v1
 * @param run         seed, length, evaluation, device
 * @param sac         the policy learner's settings
 * @param model       the dynamics ensemble (mbpo only)
 * @param rollout     branched model rollouts (mbpo only)
 * @param mbpo        the MBPO loop (mbpo only)
 * @param mpc         the planner and its model training (mpc only)
 * @param offline     the dataset and the uncertainty penalty (offline only)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunConfig(String name, String description, Algorithm algorithm, String env, RunSettings run, SacConfig sac,
                        EnsembleConfig model, RolloutConfig rollout, MbpoConfig mbpo, MpcConfig mpc,
                        OfflineConfig offline) {

    public static final RunConfig DEFAULT = new RunConfig("default", "", Algorithm.MBPO, "Pendulum-v1",
            RunSettings.DEFAULT, SacConfig.DEFAULT, EnsembleConfig.DEFAULT, RolloutConfig.DEFAULT, MbpoConfig.DEFAULT,
            MpcConfig.DEFAULT, OfflineConfig.DEFAULT);

    public RunConfig {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        Choice.required("algorithm", algorithm, Algorithm.class);
        if (env == null || env.isBlank()) {
            throw Check.fail("env", "missing", "an environment id (mbpo envs lists them)");
        }
        if (run == null) {
            throw Check.fail("run", "missing", "an object with the run settings");
        }
        if (sac == null) {
            throw Check.fail("sac", "missing", "an object with the SAC settings");
        }
        if (model == null) {
            throw Check.fail("model", "missing", "an object with the ensemble settings");
        }
        if (rollout == null) {
            throw Check.fail("rollout", "missing", "an object with the rollout settings");
        }
        if (mbpo == null) {
            throw Check.fail("mbpo", "missing", "an object with the MBPO loop settings");
        }
        if (mpc == null) {
            throw Check.fail("mpc", "missing", "an object with the MPC settings");
        }
        if (offline == null) {
            throw Check.fail("offline", "missing", "an object with the offline settings");
        }

        if ((algorithm == Algorithm.MBPO || algorithm == Algorithm.OFFLINE) && mbpo.realRatio() < 1 && mbpo.modelBufferCapacity(rollout, maxHorizon(rollout)) > 200_000_000L) {
            throw Check.fail("rollout.batchSize", rollout.batchSize(), "a model buffer of at most 200,000,000 transitions; "
                    + "this one would hold " + mbpo.modelBufferCapacity(rollout, maxHorizon(rollout))
                    + " (retainEpochs * k * batchSize * epochLength / modelTrainFreq)");
        }
    }

    private static int maxHorizon(RolloutConfig r) {
        return r.schedule() == null ? r.horizon() : Math.max(r.schedule().get(2), r.schedule().get(3));
    }

    /**
     * Settings that are valid but probably not what was meant, one sentence each naming the
     * settings involved; the command line prints them before a run starts.
     */
    public java.util.List<String> warnings() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (algorithm != Algorithm.OFFLINE && run.totalSteps() <= randomSteps()) {
            String key = algorithm == Algorithm.MPC ? "mpc.randomSteps" : "sac.initialRandomSteps";
            out.add("run.totalSteps (" + run.totalSteps() + ") is not more than " + key + " ("
                    + randomSteps() + "): every step is a random action and nothing is trained; "
                    + "give more steps or fewer random ones");
        }
        return out;
    }

    /** Steps per epoch: mbpo.epochLength for MBPO and offline, run.evalEvery for SAC and MPC (checkpoints are counted in epochs). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public long epochSteps() {
        return algorithm == Algorithm.MBPO || algorithm == Algorithm.OFFLINE ? mbpo.epochLength() : run.evalEvery();
    }

    /** Uniformly random actions at the start: mpc.randomSteps for MPC, sac.initialRandomSteps otherwise. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int randomSteps() {
        return switch (algorithm) {
            case MPC -> mpc.randomSteps();
            case OFFLINE -> 0;
            default -> sac.initialRandomSteps();
        };
    }

    /** Real steps between ensemble trainings: mpc.trainEvery for MPC, mbpo.modelTrainFreq otherwise. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int modelTrainEvery() {
        return algorithm == Algorithm.MPC ? mpc.trainEvery() : mbpo.modelTrainFreq();
    }

    public RunConfig withRun(RunSettings r) {
        return new RunConfig(name, description, algorithm, env, r, sac, model, rollout, mbpo, mpc, offline);
    }

    public RunConfig withOffline(OfflineConfig o) {
        return new RunConfig(name, description, algorithm, env, run, sac, model, rollout, mbpo, mpc, o);
    }

    public RunConfig withSeed(long seed) {
        return withRun(run.withSeed(seed));
    }

    public RunConfig withTotalSteps(int steps) {
        return withRun(run.withTotalSteps(steps));
    }
}
