package dev.mbpo.config;

import java.util.List;

/**
 * The probabilistic dynamics ensemble and how it is trained (MBPO, after PETS).
 *
 * @param members          networks in the ensemble
 * @param elites           best members by holdout error that rollouts use
 * @param hidden           hidden layer widths (swish)
 * @param lr               Adam learning rate
 * @param weightDecay      L2 coefficient per layer (one per weight layer: hidden layers + output), or one value for all
 * @param batchSize        minibatch rows per member
 * @param holdoutRatio     share of the real data held out for early stopping and elite choice
 * @param maxHoldout       at most this many held-out rows
 * @param patience         stop after this many epochs in which no member's holdout MSE improved by more than
 *                         {@code improvement}
 * @param improvement      relative improvement that counts (0.01 = 1%)
 * @param maxEpochs        hard cap on epochs per training (0: none)
 * @param maxTrainSeconds  wall-time cap per training (0: none)
 * @param analyticReward   in rollouts, use the environment's closed-form reward instead of the learned one
 * @param normalizeTargets standardise (reward, s' - s) per output before training (the original code does not;
 *                         without it a reward of large scale can trap the NLL in a predict-the-mean optimum)
 */
public record EnsembleConfig(int members, int elites, List<Integer> hidden, double lr, List<Double> weightDecay,
                             int batchSize, double holdoutRatio, int maxHoldout, int patience, double improvement,
                             int maxEpochs, double maxTrainSeconds, boolean analyticReward, boolean normalizeTargets) {

    public static final EnsembleConfig DEFAULT = new EnsembleConfig(7, 5, List.of(200, 200, 200, 200), 1e-3,
            List.of(2.5e-5, 5e-5, 7.5e-5, 7.5e-5, 1e-4), 256, 0.2, 5000, 5, 0.01, 0, 0, false, true);

    public EnsembleConfig {
        Check.inRange("model.members", members, 1, 64);
        if (elites < 1 || elites > members) {
            throw Check.fail("model.elites", elites, "an integer from 1 to model.members (" + members + ")");
        }
        if (hidden == null || hidden.isEmpty() || hidden.size() > 8 || hidden.stream().anyMatch(h -> h == null || h < 1 || h > 4096)) {
            throw Check.fail("model.hidden", hidden, "a list of 1 to 8 layer widths from 1 to 4096, e.g. [200, 200, 200, 200]");
        }
        hidden = List.copyOf(hidden);
        Check.positive("model.lr", lr);
        if (weightDecay == null || (weightDecay.size() != 1 && weightDecay.size() != hidden.size() + 1)
                || weightDecay.stream().anyMatch(w -> w == null || !Double.isFinite(w) || w < 0)) {
            throw Check.fail("model.weightDecay", weightDecay, "one number >= 0, or one per weight layer ("
                    + (hidden.size() + 1) + " for " + hidden.size() + " hidden layers)");
        }
        weightDecay = List.copyOf(weightDecay);
        Check.inRange("model.batchSize", batchSize, 1, 65_536);
        if (!Double.isFinite(holdoutRatio) || holdoutRatio <= 0 || holdoutRatio >= 1) {
            throw Check.fail("model.holdoutRatio", holdoutRatio, "a number > 0 and < 1");
        }
        Check.inRange("model.maxHoldout", maxHoldout, 1, 10_000_000);
        Check.inRange("model.patience", patience, 1, 10_000);
        Check.unit("model.improvement", improvement);
        Check.inRange("model.maxEpochs", maxEpochs, 0, 1_000_000);
        Check.nonNegative("model.maxTrainSeconds", maxTrainSeconds);
    }

    /** Weight decay of weight layer {@code layer}. */
    public double decayOf(int layer) {
        return weightDecay.size() == 1 ? weightDecay.get(0) : weightDecay.get(layer);
    }
}
