package dev.mbpo.config;

/** What a run learns with ({@code algorithm}). */
public enum Algorithm implements Choice {
    SAC("Soft Actor-Critic alone on real data: the model-free baseline"),
    MBPO("Model-Based Policy Optimization: SAC on real data and short rollouts of a learned ensemble"),
    MPC("Model-predictive control (PETS-style): no policy; every action is planned by the cross-entropy method through the ensemble"),
    OFFLINE("Offline model-based RL (MOPO-style): the ensemble trained once on a fixed dataset, SAC on it and on rollouts with an uncertainty penalty; no environment step but evaluation");

    private final String description;

    Algorithm(String description) {
        this.description = description;
    }

    /** True when the run trains the dynamics ensemble. */
    public boolean learnsModel() {
        return this != SAC;
    }

    /** True when the run learns a policy (SAC) that acts; MPC plans instead. */
    public boolean learnsPolicy() {
        return this != MPC;
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
