package dev.mbpo.model;

/** Why an ensemble training ended; {@link #label()} is the name written in run events. */
public enum StopReason {
    EARLY_STOP("early stop", "no member's holdout error improved by more than the threshold for patience epochs"),
    MAX_EPOCHS("max epochs", "model.maxEpochs epochs were trained"),
    TIME_CAP("time cap", "model.maxTrainSeconds were spent"),
    INTERRUPTED("interrupted", "the run was stopped during the training"),
    NON_FINITE("non-finite loss", "a minibatch loss or the data was not finite (that step was not applied)");

    private final String label;
    private final String description;

    StopReason(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The name in events.jsonl and in the window. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
