package dev.mbpo.config;

/** What a run learns with ({@code algorithm}). */
public enum Algorithm implements Choice {
    SAC("sac", "Soft Actor-Critic alone on real data: the model-free baseline"),
    MBPO("mbpo", "Model-Based Policy Optimization: SAC on real data and short rollouts of a learned ensemble");

    private final String label;
    private final String description;

    Algorithm(String label, String description) {
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
