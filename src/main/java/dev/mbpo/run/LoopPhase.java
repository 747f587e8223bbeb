package dev.mbpo.run;

import dev.mbpo.config.Choice;

/** What the training loop is doing ({@link RunEvent.Phase}); {@link #description()} is how the window says it. */
public enum LoopPhase implements Choice {
    COLLECT("collecting and updating"),
    UPDATE("updating the policy on fixed data"),
    TRAIN_MODEL("training the ensemble"),
    ROLLOUT("branching rollouts"),
    EVALUATE("evaluating the policy"),
    CHECKPOINT("saving a checkpoint");

    private final String description;

    LoopPhase(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label();
    }
}
