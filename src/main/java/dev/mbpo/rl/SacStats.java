package dev.mbpo.rl;

/**
 * Statistics of one SAC update (metric names as in SB3: train/critic_loss, ...).
 *
 * @param criticLoss sum of both critics' mean squared TD errors
 * @param actorLoss  mean of alpha * log pi - min Q
 * @param alpha      temperature after the update
 * @param entropy    minus the mean log-probability of the sampled actions
 * @param meanQ      mean of the first critic's Q on the batch
 */
public record SacStats(double criticLoss, double actorLoss, double alpha, double entropy, double meanQ) {

    public boolean finite() {
        return Double.isFinite(criticLoss) && Double.isFinite(actorLoss) && Double.isFinite(alpha)
                && Double.isFinite(entropy) && Double.isFinite(meanQ);
    }
}
