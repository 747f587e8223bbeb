package dev.mbpo.config;

/** How MBPO's loop runs ({@code mbpo.loop}). */
public enum LoopMode implements Choice {
    SYNC("the paper's order, one thing at a time, reproducible from the seed"),
    ASYNC("a collector thread steps the environment and a model thread trains the ensemble and branches "
            + "rollouts while SAC updates run; uses more cores, not reproducible");

    private final String description;

    LoopMode(String description) {
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
