package dev.mbpo.config;

import java.util.List;

/**
 * Soft Actor-Critic settings (Haarnoja et al. 2018, v2 with automatic temperature).
 *
 * @param hidden             hidden layer widths of the actor and of each critic
 * @param actorLr            Adam learning rate of the actor
 * @param criticLr           Adam learning rate of the twin critics
 * @param alphaLr            Adam learning rate of log(temperature)
 * @param gamma              discount factor
 * @param tau                Polyak rate of the target critics
 * @param batchSize          transitions per update
 * @param targetEntropy      entropy the temperature is tuned toward; null means -|A|
 * @param initialAlpha       temperature at the start (the fixed one when autoAlpha is false)
 * @param autoAlpha          tune the temperature toward targetEntropy
 * @param updatesPerStep     gradient updates per real environment step (G in MBPO)
 * @param initialRandomSteps uniformly random actions before the policy acts
 * @param bufferSize         capacity of the real replay buffer
 * @param update             the order of the critic and actor steps ({@link UpdateOrder})
 */
public record SacConfig(List<Integer> hidden, double actorLr, double criticLr, double alphaLr, double gamma,
                        double tau, int batchSize, Double targetEntropy, double initialAlpha, boolean autoAlpha,
                        int updatesPerStep, int initialRandomSteps, int bufferSize, UpdateOrder update) {

    public static final SacConfig DEFAULT = new SacConfig(List.of(256, 256), 3e-4, 3e-4, 3e-4, 0.99, 0.005,
            256, null, 1.0, true, 1, 1000, 1_000_000, UpdateOrder.SEQUENTIAL);

    public SacConfig {
        if (hidden == null || hidden.isEmpty() || hidden.size() > 8) {
            throw Check.fail("sac.hidden", hidden, "a list of 1 to 8 layer widths, e.g. [256, 256]");
        }
        for (Integer h : hidden) {
            if (h == null || h < 1 || h > 4096) {
                throw Check.fail("sac.hidden", hidden, "widths from 1 to 4096");
            }
        }
        hidden = List.copyOf(hidden);
        Check.positive("sac.actorLr", actorLr);
        Check.positive("sac.criticLr", criticLr);
        Check.positive("sac.alphaLr", alphaLr);
        Check.openClosedUnit("sac.gamma", gamma);
        Check.openClosedUnit("sac.tau", tau);
        Check.inRange("sac.batchSize", batchSize, 1, 65_536);
        if (targetEntropy != null) {
            Check.finite("sac.targetEntropy", targetEntropy);
        }
        Check.positive("sac.initialAlpha", initialAlpha);
        Check.inRange("sac.updatesPerStep", updatesPerStep, 1, 1000);
        Check.atLeast("sac.initialRandomSteps", initialRandomSteps, 0);
        Check.inRange("sac.bufferSize", bufferSize, 1, 50_000_000);
        Choice.required("sac.update", update, UpdateOrder.class);
    }

    /** Critic and actor losses from the same parameters ("simultaneous" or "parallel"). */
    public boolean simultaneous() {
        return update != UpdateOrder.SEQUENTIAL;
    }

    /** The entropy target in force for an action space of the given size. */
    public double targetEntropyFor(int actionDim) {
        return targetEntropy != null ? targetEntropy : -actionDim;
    }
}
