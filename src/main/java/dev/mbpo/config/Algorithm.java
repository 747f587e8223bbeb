package dev.mbpo.config;

/** What a run learns with ({@code algorithm}). */
public enum Algorithm implements Choice {
    SAC("Soft Actor-Critic alone on real data: the model-free baseline"),
    MBPO("Model-Based Policy Optimization: SAC on real data and short rollouts of a learned ensemble");

    private final String description;

    Algorithm(String description) {
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
