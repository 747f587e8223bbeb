package dev.mbpo.config;

/**
 * Offline model-based RL ({@code algorithm = offline}, MOPO-style): the ensemble is trained
 * once on a fixed dataset; SAC learns from the dataset mixed with branched model rollouts
 * from dataset states (the MBPO settings: rollout, real ratio, G), whose reward is
 * r - penalty * u(s, a), u the largest member's norm of the predicted next-state standard
 * deviation. No environment step is taken except in evaluation; a run's step is one round
 * of G updates.
 *
 * @param dataset     a run id in the runs folder (its real transitions), a run folder, or a
 *                    dataset folder made by {@code mbpo dataset collect}
 * @param datasetSize use only the first N transitions; 0 for all
 * @param penalty     lambda; 0 turns the penalty off (to show what it prevents)
 */
public record OfflineConfig(String dataset, int datasetSize, double penalty) {

    public static final OfflineConfig DEFAULT = new OfflineConfig("", 0, 1.0);

    public OfflineConfig {
        dataset = dataset == null ? "" : dataset.trim();
        Check.atLeast("offline.datasetSize", datasetSize, 0);
        Check.nonNegative("offline.penalty", penalty);
    }

    public OfflineConfig withDataset(String d) {
        return new OfflineConfig(d, datasetSize, penalty);
    }
}
