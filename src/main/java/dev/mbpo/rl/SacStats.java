package dev.mbpo.rl;

/**
 * Statistics of one SAC update (metric names as in SB3: train/critic_loss, ...).
 *
 * @param criticLoss sum of both critics' mean squared TD errors
 * @param actorLoss  mean of alpha * log pi - min Q
 * @param alpha      temperature after the update
 * @param entropy    minus the mean log-probability of the sampled actions
 * @param meanQ      mean of the first critic's Q on the batch
 * @param note       null, or what the update found when a gradient was not finite (a fault's diagnosis)
 */
public record SacStats(double criticLoss, double actorLoss, double alpha, double entropy, double meanQ, String note) {

    public SacStats(double criticLoss, double actorLoss, double alpha, double entropy, double meanQ) {
        this(criticLoss, actorLoss, alpha, entropy, meanQ, null);
    }

    public boolean finite() {
        return Double.isFinite(criticLoss) && Double.isFinite(actorLoss) && Double.isFinite(alpha)
                && Double.isFinite(entropy) && Double.isFinite(meanQ);
    }
}
