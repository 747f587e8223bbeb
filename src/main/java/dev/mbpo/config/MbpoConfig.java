package dev.mbpo.config;

/**
 * The MBPO loop (Algorithm 2). G, the SAC updates per real step, is {@code sac.updatesPerStep}.
 *
 * @param epochLength    E: real steps per epoch (the rollout schedule counts epochs)
 * @param modelTrainFreq real steps between model trainings (each followed by fresh rollouts)
 * @param realRatio      share of real transitions in every SAC batch
 */
public record MbpoConfig(int epochLength, int modelTrainFreq, double realRatio) {

    public static final MbpoConfig DEFAULT = new MbpoConfig(1000, 250, 0.05);

    public MbpoConfig {
        Check.inRange("mbpo.epochLength", epochLength, 1, 10_000_000);
        Check.inRange("mbpo.modelTrainFreq", modelTrainFreq, 1, 10_000_000);
        Check.unit("mbpo.realRatio", realRatio);
    }

    /** Capacity of the model buffer for horizon k: retainEpochs * k * M * E / modelTrainFreq. */
    public long modelBufferCapacity(RolloutConfig r, int k) {
        long trainingsPerEpoch = Math.max(1, (long) Math.ceil(epochLength / (double) modelTrainFreq));
        return (long) r.retainEpochs() * k * r.batchSize() * trainingsPerEpoch;
    }
}
