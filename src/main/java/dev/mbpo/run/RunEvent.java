package dev.mbpo.run;

/**
 * One event of a run. A run is a stream of these: live training emits them, the recorder
 * writes them to events.jsonl, the reader turns the file back into them, and views consume
 * them without knowing which source they came from. {@link #type()} is the stable name
 * written to files.
 */
public sealed interface RunEvent
        permits RunEvent.Started, RunEvent.Phase, RunEvent.Metrics, RunEvent.Episode, RunEvent.Progress, RunEvent.Ended,
        RunEvent.ModelTrained, RunEvent.Rollout, RunEvent.Predictions, RunEvent.Fault, RunEvent.Horizon,
        RunEvent.ValueMap, RunEvent.Plan {

    /** Version of the event schema written in every line of events.jsonl. */
    int SCHEMA_VERSION = 1;

    /** The metric that carries an evaluation's mean return. */
    String EVAL_RETURN = "eval/return";

    String type();

    /** The mean evaluation return this event reports, if it is an evaluation's metrics. */
    static java.util.OptionalDouble evalReturn(RunEvent e) {
        Double v = e instanceof Metrics m ? m.values().get(EVAL_RETURN) : null;
        if (v != null) {
            return java.util.OptionalDouble.of(v);
        }
        return java.util.OptionalDouble.empty();
    }

    /** Real environment steps taken when the event was emitted. */
    long step();

    /**
     * The run began (or resumed).
     *
     * @param algorithm   what the run learns with
     * @param env         environment id
     * @param seed        the run's seed
     * @param totalSteps  real steps planned
     * @param device      e.g. "cpu()"
     * @param epochSteps  real steps per epoch (the evaluation interval for SAC)
     */
    record Started(long step, dev.mbpo.config.Algorithm algorithm, String env, long seed, long totalSteps, String device, long epochSteps)
            implements RunEvent {
        public String type() {
            return "started";
        }
    }

    /** The loop entered a phase ({@link LoopPhase}). */
    record Phase(long step, LoopPhase phase) implements RunEvent {
        public String type() {
            return "phase";
        }
    }

    /** Named scalars at a step, e.g. eval/return, train/critic_loss, time/steps_per_s. */
    record Metrics(long step, java.util.Map<String, Double> values) implements RunEvent {
        public Metrics {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        public String type() {
            return "metrics";
        }
    }

    /**
     * A finished episode with its trajectory (physical states and actions), so that views
     * can animate it and replays need nothing else.
     *
     * @param kind          training or evaluation
     * @param index         episode number within its kind
     * @param episodeReturn sum of rewards
     * @param length        steps
     * @param states        the environment's physical state before each step and after the last
     * @param actions       the action of each step
     */
    record Episode(long step, EpisodeKind kind, int index, double episodeReturn, int length, double[][] states,
                   float[][] actions) implements RunEvent {
        public String type() {
            return "episode";
        }
    }

    /** Progress for status bars: steps, speed, elapsed and remaining time. */
    record Progress(long step, long totalSteps, double stepsPerSecond, double elapsedSeconds, double etaSeconds)
            implements RunEvent {
        public String type() {
            return "progress";
        }
    }

    /**
     * A numerical fault was detected (NaN or infinite loss or statistic); the run stops with
     * status "crashed" right after, keeping its last good checkpoint.
     *
     * @param kind   what failed, e.g. "sac_update" or "model_training"
     * @param detail the offending values
     */
    record Fault(long step, String kind, String detail) implements RunEvent {
        public String type() {
            return "fault";
        }
    }

    /**
     * The run ended.
     *
     * @param status finished, stopped or crashed
     * @param reason why it stopped or crashed; empty when finished
     */
    record Ended(long step, RunStatus status, String reason) implements RunEvent {
        public String type() {
            return "ended";
        }
    }

    /**
     * One training of the dynamics ensemble.
     *
     * @param index        training number in the run (0-based)
     * @param trainLoss    per epoch: mean minibatch loss
     * @param holdoutMse   per epoch: holdout MSE averaged over members
     * @param holdoutNll   per epoch: holdout Gaussian NLL averaged over members
     * @param memberMse    final holdout MSE of each member
     * @param elites       member indices of the elites, best first
     * @param stopReason   early stop, max epochs, time cap or interrupted
     * @param trainRows    rows trained on
     * @param holdoutRows  rows held out
     * @param seconds      wall time of the training
     */
    record ModelTrained(long step, int index, double[] trainLoss, double[] holdoutMse, double[] holdoutNll,
                        double[] memberMse, int[] elites, String stopReason, int trainRows, int holdoutRows,
                        double seconds) implements RunEvent {
        public String type() {
            return "model_trained";
        }
    }

    /**
     * Branched rollouts after a model training: per rollout step, how many branches were
     * still alive and the distribution of ensemble disagreement over them.
     *
     * @param epoch            epoch index that set the horizon
     * @param horizon          k
     * @param branches         M
     * @param alive            per step: branches stepped
     * @param disagreementMean per step
     * @param disagreementP10  per step
     * @param disagreementP50  per step
     * @param disagreementP90  per step
     * @param imagined         transitions added
     * @param bufferSize       model buffer size after adding
     * @param bufferCapacity   model buffer capacity
     * @param seconds          wall time
     * @param cut              per step: branches cut there because their disagreement exceeded the threshold
     *                         (disagreement-aware rollouts; all zero, or absent in older runs, otherwise)
     * @param cutThreshold     the disagreement threshold used, NaN when branches are not cut
     */
    record Rollout(long step, int epoch, int horizon, int branches, int[] alive, double[] disagreementMean,
                   double[] disagreementP10, double[] disagreementP50, double[] disagreementP90, long imagined,
                   long bufferSize, long bufferCapacity, double seconds, int[] cut, double cutThreshold) implements RunEvent {
        public String type() {
            return "rollout";
        }
    }

    /**
     * Real versus imagined: real segments of the latest evaluation episode predicted
     * open-loop by every member (each from its own previous prediction, with the real actions).
     *
     * @param observationLabels names of the observation coordinates
     * @param segments          the predicted segments
     */
    /**
     * What an MPC run planned at a real step: the CEM mean action sequence, and each elite's mean
     * prediction of the states it leads to (what the planner believed would happen).
     *
     * @param start   the observation planned from
     * @param actions [H][actDim] the plan's mean actions (the first one was applied)
     * @param paths   [elites][H + 1][obsDim] each elite's predicted observations (row 0 is the start)
     */
    record Plan(long step, float[] start, float[][] actions, float[][][] paths) implements RunEvent {
        public String type() {
            return "plan";
        }
    }

    record Predictions(long step, String[] observationLabels, java.util.List<Segment> segments) implements RunEvent {
        public String type() {
            return "predictions";
        }
    }

    /**
     * One open-loop prediction.
     *
     * @param start  index of the first state in its episode
     * @param real   [H + 1][obsDim] real observations
     * @param means  [members][H + 1][obsDim] each member's predicted mean (row 0 is the real start)
     * @param stds   [members][H + 1][obsDim] each member's one-step predicted std along its path
     * @param error  [H + 1] mean absolute error of the ensemble-mean prediction, averaged over coordinates
     * @param disagreement [H + 1] std across members' means, averaged over coordinates
     */
    record Segment(int start, float[][] real, float[][][] means, float[][][] stds, double[] error, double[] disagreement) {
    }

    /**
     * How far open-loop predictions drift with the rollout step k, after a model training:
     * from many real start states of the latest evaluation, every member predicts up to H
     * steps ahead with the real actions; per k, the error of the ensemble mean against the
     * real observations (mean absolute error over coordinates) and the disagreement (std
     * across members, averaged over coordinates). Index 0 is the start (both zero).
     *
     * @param starts           start states used
     * @param errorMean        [H + 1] mean error over start states
     * @param errorP10         [H + 1] 10th percentile
     * @param errorP90         [H + 1] 90th percentile
     * @param disagreementMean [H + 1] mean disagreement
     * @param correlation      Pearson correlation of disagreement and error over all (start, k >= 1) pairs
     * @param rankCorrelation  Spearman (rank) correlation of the same pairs
     */
    record Horizon(long step, int starts, double[] errorMean, double[] errorP10, double[] errorP90,
                   double[] disagreementMean, double correlation, double rankCorrelation) implements RunEvent {
        public String type() {
            return "horizon";
        }
    }

    /**
     * The learned value over a 2-D picture of the state (the environment's phase plane):
     * Q(s, mean action) of the first critic on an nx x ny grid, row-major from (xMin, yMin).
     */
    record ValueMap(long step, int nx, int ny, double xMin, double xMax, double yMin, double yMax, float[] values)
            implements RunEvent {
        public String type() {
            return "value_map";
        }
    }
}
