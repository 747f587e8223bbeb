package dev.mbpo.run;

/**
 * One event of a run. A run is a stream of these: live training emits them, the recorder
 * writes them to events.jsonl, the reader turns the file back into them, and views consume
 * them without knowing which source they came from. {@link #type()} is the stable name
 * written to files.
 */
public sealed interface RunEvent
        permits RunEvent.Started, RunEvent.Phase, RunEvent.Metrics, RunEvent.Episode, RunEvent.Progress, RunEvent.Ended {

    /** Version of the event schema written in every line of events.jsonl. */
    int SCHEMA_VERSION = 1;

    String type();

    /** Real environment steps taken when the event was emitted. */
    long step();

    /**
     * The run began (or resumed).
     *
     * @param algorithm   "sac" or "mbpo"
     * @param env         environment id
     * @param seed        the run's seed
     * @param totalSteps  real steps planned
     * @param device      e.g. "cpu()"
     * @param epochSteps  real steps per epoch (the evaluation interval for SAC)
     */
    record Started(long step, String algorithm, String env, long seed, long totalSteps, String device, long epochSteps)
            implements RunEvent {
        public String type() {
            return "started";
        }
    }

    /** The loop entered a phase: collect, train_model, rollout, update_policy, evaluate. */
    record Phase(long step, String phase) implements RunEvent {
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
     * @param kind          "train" or "eval"
     * @param index         episode number within its kind
     * @param episodeReturn sum of rewards
     * @param length        steps
     * @param states        the environment's physical state before each step and after the last
     * @param actions       the action of each step
     */
    record Episode(long step, String kind, int index, double episodeReturn, int length, double[][] states,
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
     * The run ended.
     *
     * @param status "finished", "stopped" or "crashed"
     * @param reason why it stopped or crashed; empty when finished
     */
    record Ended(long step, String status, String reason) implements RunEvent {
        public String type() {
            return "ended";
        }
    }
}
