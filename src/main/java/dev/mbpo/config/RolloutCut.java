package dev.mbpo.config;

/** Disagreement-aware branches ({@code rollout.cut}): where an imagined branch ends early. */
public enum RolloutCut implements Choice {
    NONE("branches run their full length k (the paper)"),
    ABSOLUTE("a branch ends at the first step whose ensemble disagreement exceeds rollout.cutThreshold"),
    QUANTILE("as absolute, with the threshold at that quantile of the disagreement on held-out real data "
            + "after each model training");

    private final String description;

    RolloutCut(String description) {
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
