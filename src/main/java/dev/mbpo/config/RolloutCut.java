package dev.mbpo.config;

/** Disagreement-aware branches ({@code rollout.cut}): where an imagined branch ends early. */
public enum RolloutCut implements Choice {
    NONE("none", "branches run their full length k (the paper)"),
    ABSOLUTE("absolute", "a branch ends at the first step whose ensemble disagreement exceeds rollout.cutThreshold"),
    QUANTILE("quantile", "as absolute, with the threshold at that quantile of the disagreement on held-out real data "
            + "after each model training");

    private final String label;
    private final String description;

    RolloutCut(String label, String description) {
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
