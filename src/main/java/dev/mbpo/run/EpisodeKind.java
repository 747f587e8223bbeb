package dev.mbpo.run;

import dev.mbpo.config.Choice;

/** Which environment an episode ran on ({@link RunEvent.Episode}). */
public enum EpisodeKind implements Choice {
    TRAIN("train", "an episode of training on the real environment, with exploration"),
    EVAL("eval", "a deterministic evaluation episode on the evaluation environment");

    private final String label;
    private final String description;

    EpisodeKind(String label, String description) {
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
