package dev.mbpo.run;

import dev.mbpo.config.Choice;

/** Which environment an episode ran on ({@link RunEvent.Episode}). */
public enum EpisodeKind implements Choice {
    TRAIN("an episode of training on the real environment, with exploration"),
    EVAL("a deterministic evaluation episode on the evaluation environment");

    private final String description;

    EpisodeKind(String description) {
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
