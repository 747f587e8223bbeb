package dev.mbpo.run;

import dev.mbpo.config.Choice;

/** What the training loop is doing ({@link RunEvent.Phase}); {@link #description()} is how the window says it. */
public enum LoopPhase implements Choice {
    COLLECT("collect", "collecting and updating"),
    TRAIN_MODEL("train_model", "training the ensemble"),
    ROLLOUT("rollout", "branching rollouts"),
    EVALUATE("evaluate", "evaluating the policy"),
    CHECKPOINT("checkpoint", "saving a checkpoint");

    private final String label;
    private final String description;

    LoopPhase(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
