package dev.mbpo.config;

import dev.mbpo.config.SettingField.Kind;
import java.util.List;

/** Every setting the window's sheet shows and {@code mbpo keys} lists, by category, with its description. */
public final class SettingFields {
    public static final String ENV = "Environment";
    public static final String ENSEMBLE = "Ensemble";
    public static final String ROLLOUTS = "Rollouts";
    public static final String SAC = "SAC";
    public static final String MPC = "MPC";
    public static final String OFFLINE = "Offline";
    public static final String RUN = "Run";
    /** The categories in the sheet's order; every field's category is one of them. */
    public static final List<String> CATEGORIES = List.of(ENV, ENSEMBLE, ROLLOUTS, MPC, OFFLINE, SAC, RUN);

    private SettingFields() {
    }

    /**
     * Why a setting means nothing to a run of {@code algorithm} (shown, but not editable, in the
     * sheet), or null when it applies.
     */
    public static String whyNotApplying(SettingField f, Algorithm algorithm) {
        String c = f.category();
        return switch (algorithm) {
            case SAC -> c.equals(ENSEMBLE) || c.equals(ROLLOUTS) || c.equals(MPC) || c.equals(OFFLINE)
                    ? "SAC learns no model: the " + c + " settings apply to model-based runs." : null;
            case MBPO -> c.equals(MPC) || c.equals(OFFLINE) ? "MBPO learns online: the " + c + " settings apply to "
                    + c.toLowerCase(java.util.Locale.ROOT) + " runs." : null;
            case MPC -> c.equals(ROLLOUTS) || c.equals(SAC) || c.equals(OFFLINE)
                    ? "MPC learns no policy, it plans: the " + c + " settings apply to other algorithms." : null;
            case OFFLINE -> c.equals(MPC) ? "Offline runs learn a policy: the MPC settings apply to mpc runs." : null;
        };
    }

    /** @param envIds the environment ids to offer (the registry's; config does not depend on env) */
    public static List<SettingField> all(List<String> envIds) {
        return List.of(
            SettingField.choice("env", ENV, "Environment", envIds, "Environment id. Pendulum-v1, MountainCarContinuous-v0 and the MuJoCo v4 tasks match Gymnasium exactly."),
            SettingField.choice("algorithm", ENV, "Algorithm", Algorithm.class, ""),

            SettingField.of("model.members", ENSEMBLE, "Members", Kind.INT, "Networks in the probabilistic ensemble (paper: 7). 1 to 64."),
            SettingField.of("model.elites", ENSEMBLE, "Elites", Kind.INT, "Best members by holdout error that rollouts sample from (paper: 5). 1 to Members."),
            SettingField.of("model.hidden", ENSEMBLE, "Hidden layers", Kind.INT_LIST, "Widths of the hidden layers, e.g. 200, 200, 200, 200 (paper). Swish activations."),
            SettingField.of("model.lr", ENSEMBLE, "Learning rate", Kind.DOUBLE, "Adam learning rate of the ensemble (paper: 0.001). > 0."),
            SettingField.of("model.weightDecay", ENSEMBLE, "Weight decay", Kind.DOUBLE_LIST, "L2 per weight layer (hidden layers + output), or one value for all. Paper: 2.5e-5, 5e-5, 7.5e-5, 7.5e-5, 1e-4."),
            SettingField.of("model.holdoutRatio", ENSEMBLE, "Holdout ratio", Kind.DOUBLE, "Share of real data held out for early stopping and elite choice (paper: 0.2). Between 0 and 1."),
            SettingField.of("model.maxHoldout", ENSEMBLE, "Max holdout", Kind.INT, "At most this many held-out transitions (paper: 5000)."),
            SettingField.of("model.patience", ENSEMBLE, "Patience", Kind.INT, "Stop training after this many epochs without a member improving by more than 1% (paper: 5)."),
            SettingField.of("model.maxEpochs", ENSEMBLE, "Max epochs", Kind.INT, "Cap on epochs per model training; 0 for none."),
            SettingField.of("model.maxTrainSeconds", ENSEMBLE, "Max seconds", Kind.DOUBLE, "Wall-time cap per model training; 0 for none (a cap makes runs less reproducible)."),
            SettingField.of("model.analyticReward", ENSEMBLE, "Analytic reward", Kind.BOOL, "Rollouts use the environment's closed-form reward instead of the learned one."),
            SettingField.of("model.normalizeTargets", ENSEMBLE, "Normalise targets", Kind.BOOL, "Standardise (reward, next state - state) before training. The original code does not."),

            SettingField.of("rollout.batchSize", ROLLOUTS, "Branches (M)", Kind.INT, "Rollouts started from real states at every model training (paper: 100,000)."),
            SettingField.of("rollout.horizon", ROLLOUTS, "Horizon k", Kind.INT, "Rollout length when no schedule is set. 1 to 1000."),
            SettingField.of("rollout.schedule", ROLLOUTS, "Schedule a,b,x,y", Kind.INT_LIST, "k goes linearly from x to y between epochs a and b, e.g. 20, 150, 1, 15 (Hopper). Empty: fixed horizon.").orEmpty(),
            SettingField.of("rollout.retainEpochs", ROLLOUTS, "Retain epochs", Kind.INT, "Epochs of imagined data the model buffer keeps."),
            SettingField.choice("rollout.cut", ROLLOUTS, "Cut branches", RolloutCut.class,
                    "Disagreement-aware rollouts (off in the paper)."),
            SettingField.of("rollout.cutThreshold", ROLLOUTS, "Cut threshold", Kind.DOUBLE,
                    "absolute: the disagreement (> 0); quantile: q between 0 and 1, e.g. 0.9."),
            SettingField.of("rollout.adaptiveHorizon", ROLLOUTS, "Adaptive horizon", Kind.BOOL,
                    "Choose k at every model training as the largest horizon whose measured open-loop error stays under the tolerance."),
            SettingField.of("rollout.errorTolerance", ROLLOUTS, "Error tolerance", Kind.DOUBLE,
                    "Adaptive horizon: mean absolute open-loop error allowed, in observation units."),
            SettingField.of("mbpo.realRatio", ROLLOUTS, "Real ratio", Kind.DOUBLE, "Share of real transitions in each SAC batch (paper: 0.05). 0 to 1."),
            SettingField.of("mbpo.epochLength", ROLLOUTS, "Epoch length E", Kind.INT, "Real steps per epoch (the schedule counts epochs)."),
            SettingField.of("mbpo.modelTrainFreq", ROLLOUTS, "Model train every", Kind.INT, "Real steps between model trainings (paper: 250)."),
            SettingField.choice("mbpo.loop", ROLLOUTS, "Loop", LoopMode.class, ""),
            SettingField.of("mbpo.publishEvery", ROLLOUTS, "Publish policy every", Kind.INT,
                    "async: SAC updates between two policy snapshots for the collector and the model thread."),
            SettingField.of("mbpo.asyncSlack", ROLLOUTS, "Collector slack", Kind.INT,
                    "async: real steps the collector may run ahead of the learner (keeps updates per real step at G)."),

            SettingField.of("mpc.horizon", MPC, "Plan horizon H", Kind.INT, "Steps of each planned action sequence (PETS: about 15-30 on small tasks). 1 to 1000."),
            SettingField.of("mpc.population", MPC, "Population", Kind.INT, "Candidate sequences per CEM iteration (PETS: 400-500)."),
            SettingField.of("mpc.elites", MPC, "CEM elites", Kind.INT, "Best candidates the sampling distribution is refitted to (PETS: 40-50). At most Population."),
            SettingField.of("mpc.iterations", MPC, "Iterations", Kind.INT, "CEM iterations per real step (PETS: 5)."),
            SettingField.of("mpc.particles", MPC, "Particles P", Kind.INT, "Model trajectories per candidate, each on one elite for the whole plan (PETS: 20)."),
            SettingField.of("mpc.smoothing", MPC, "Smoothing", Kind.DOUBLE, "Weight of the old mean and variance in each refit (PETS: 0.1). At least 0, below 1."),
            SettingField.of("mpc.trainEvery", MPC, "Train model every", Kind.INT, "Real steps between ensemble trainings on all real data."),
            SettingField.of("mpc.randomSteps", MPC, "Random steps", Kind.INT, "Uniformly random actions before the first training and plan."),

            SettingField.of("offline.dataset", OFFLINE, "Dataset", Kind.TEXT, "A run id in the runs folder (its real transitions), a run folder, or a dataset folder made by mbpo dataset collect."),
            SettingField.of("offline.datasetSize", OFFLINE, "First N", Kind.INT, "Use only the dataset's first N transitions; 0 for all."),
            SettingField.of("offline.penalty", OFFLINE, "Penalty lambda", Kind.DOUBLE, "Imagined reward is r - lambda * u, u the largest member's norm of the predicted next-state standard deviation (MOPO). 0 turns it off."),

            SettingField.of("sac.hidden", SAC, "Hidden layers", Kind.INT_LIST, "Widths of actor and critic hidden layers, e.g. 256, 256."),
            SettingField.of("sac.actorLr", SAC, "Actor lr", Kind.DOUBLE, "Adam learning rate of the actor. > 0."),
            SettingField.of("sac.criticLr", SAC, "Critic lr", Kind.DOUBLE, "Adam learning rate of the twin critics. > 0."),
            SettingField.of("sac.alphaLr", SAC, "Alpha lr", Kind.DOUBLE, "Adam learning rate of the temperature. > 0."),
            SettingField.of("sac.gamma", SAC, "Gamma", Kind.DOUBLE, "Discount factor, > 0 and <= 1."),
            SettingField.of("sac.tau", SAC, "Tau", Kind.DOUBLE, "Polyak rate of the target critics, > 0 and <= 1."),
            SettingField.of("sac.batchSize", SAC, "Batch size", Kind.INT, "Transitions per SAC update."),
            SettingField.of("sac.targetEntropy", SAC, "Target entropy", Kind.DOUBLE, "Entropy the temperature is tuned toward; empty for -|A|.").orEmpty(),
            SettingField.of("sac.initialAlpha", SAC, "Initial alpha", Kind.DOUBLE, "Temperature at the start (the fixed one when auto alpha is off)."),
            SettingField.of("sac.autoAlpha", SAC, "Auto alpha", Kind.BOOL, "Tune the temperature toward the target entropy."),
            SettingField.of("sac.updatesPerStep", SAC, "Updates per step G", Kind.INT, "SAC updates per real step (paper: 20 to 40 for MBPO)."),
            SettingField.of("sac.initialRandomSteps", SAC, "Random steps", Kind.INT, "Uniformly random actions before the policy acts."),
            SettingField.choice("sac.update", SAC, "Update order", UpdateOrder.class, ""),

            SettingField.of("run.seed", RUN, "Seed", Kind.LONG, "Fixes the run: environments, buffers, initial weights, sampling."),
            SettingField.of("run.totalSteps", RUN, "Total steps", Kind.INT, "Real environment steps of the run."),
            SettingField.of("run.evalEvery", RUN, "Eval every", Kind.INT, "Real steps between evaluations."),
            SettingField.of("run.evalEpisodes", RUN, "Eval episodes", Kind.INT, "Deterministic episodes per evaluation."),
            SettingField.choice("run.device", RUN, "Device", RunSettings.DEVICES, "auto picks the GPU when PyTorch reports one and the SAC networks are at least 256 wide (narrower ones update faster on the CPU)."),
            SettingField.of("run.threads", RUN, "Threads", Kind.INT, "Torch intra-op threads (1 is fastest on 2 cores). Takes effect in a new process."),
            SettingField.choice("run.onFault", RUN, "On a numerical fault", List.of("stop", "recover"),
                    "stop: end the run as crashed, keeping the last good checkpoint. recover: skip a batch whose SAC loss is "
                            + "not finite and halve the SAC learning rates (at most 3 times an epoch); other faults still stop."));
    }
}
