package dev.mbpo.plan;

import dev.mbpo.env.RewardFn;
import dev.mbpo.model.DynamicsEnsemble;
import dev.mbpo.model.MemberSubset;
import dev.mbpo.model.SampledPrediction;
import java.util.random.RandomGenerator;

/**
 * The dynamics ensemble's elites as particle models: each step samples from the member's
 * Gaussian (PETS's trajectory sampling), the reward from the model or, where the task has one
 * and the configuration asks for it, from the closed form. One batched pass over all elites
 * per step ({@link MemberSubset}).
 */
public final class EnsembleParticles implements ParticleModel {
    private final DynamicsEnsemble ensemble;
    private final RewardFn analyticReward;
    private final RandomGenerator random;
    /** Time spent in the network's forward passes, and in whole steps (forward, sampling, rewards), for benchmarks. */
    private long forwardNanos;
    private long stepNanos;

    /** @param analyticReward the closed-form reward, or null to use the learned one */
    public EnsembleParticles(DynamicsEnsemble ensemble, RewardFn analyticReward, RandomGenerator random) {
        this.ensemble = ensemble;
        this.analyticReward = analyticReward;
        this.random = random;
    }

    /** Nanoseconds in forward passes since the last {@link #resetTimes}. */
    public long forwardNanos() {
        return forwardNanos;
    }

    /** Nanoseconds in whole model steps (forward passes, Gaussian sampling, rewards) since the last {@link #resetTimes}. */
    public long stepNanos() {
        return stepNanos;
    }

    public void resetTimes() {
        forwardNanos = 0;
        stepNanos = 0;
    }

    @Override
    public int obsDim() {
        return ensemble.obsDim();
    }

    @Override
    public int actDim() {
        return ensemble.actDim();
    }

    @Override
    public int members() {
        return ensemble.elites().length;
    }

    @Override
    public Stepper begin() {
        MemberSubset elites = ensemble.subset(ensemble.elites());
        return new Stepper() {
            @Override
            public void step(float[] obs, float[] actions, int rowsPer, float[] nextObs, float[] rewards) {
                long t0 = System.nanoTime();
                SampledPrediction p = elites.predict(obs, actions, rowsPer);
                forwardNanos += System.nanoTime() - t0;
                int obsDim = obsDim();
                int actDim = actDim();
                int rows = p.rows();
                for (int r = 0; r < rows; r++) {
                    rewards[r] = p.mean(r, 0) + p.std(r, 0) * (float) random.nextGaussian();
                    for (int d = 0; d < obsDim; d++) {
                        int i = r * obsDim + d;
                        nextObs[i] = obs[i] + p.mean(r, d + 1) + p.std(r, d + 1) * (float) random.nextGaussian();
                    }
                }
                if (analyticReward != null) {
                    analyticReward.rewardRows(obs, actions, nextObs, rows, obsDim, actDim, rewards);
                }
                stepNanos += System.nanoTime() - t0;
            }

            @Override
            public void close() {
                elites.close();
            }
        };
    }
}
