package dev.mbpo.config;

/**
 * The MBPO loop (Algorithm 2). G, the SAC updates per real step, is {@code sac.updatesPerStep}.
 *
 * @param epochLength    E: real steps per epoch (the rollout schedule counts epochs)
 * @param modelTrainFreq real steps between model trainings (each followed by fresh rollouts)
 * @param realRatio      share of real transitions in every SAC batch
 * @param loop           the paper's synchronous order or the asynchronous loop ({@link LoopMode})
 * @param publishEvery   async: SAC updates between two policy snapshots handed to the collector and the model thread
 * @param asyncSlack     async: real steps the collector may run ahead of the learner's G updates per step
 */
public record MbpoConfig(int epochLength, int modelTrainFreq, double realRatio, LoopMode loop, int publishEvery,
                         int asyncSlack) {

    public static final MbpoConfig DEFAULT = new MbpoConfig(1000, 250, 0.05, LoopMode.SYNC, 100, 20);

    public MbpoConfig {
        Check.inRange("mbpo.epochLength", epochLength, 1, 10_000_000);
        Check.inRange("mbpo.modelTrainFreq", modelTrainFreq, 1, 10_000_000);
        Check.unit("mbpo.realRatio", realRatio);
        Choice.required("mbpo.loop", loop, LoopMode.class);
        Check.inRange("mbpo.publishEvery", publishEvery, 1, 1_000_000);
        Check.inRange("mbpo.asyncSlack", asyncSlack, 1, 100_000);
    }

    public boolean async() {
        return loop == LoopMode.ASYNC;
    }

    /** Capacity of the model buffer for horizon k: retainEpochs * k * M * E / modelTrainFreq. */
    public long modelBufferCapacity(RolloutConfig r, int k) {
        long trainingsPerEpoch = Math.max(1, (long) Math.ceil(epochLength / (double) modelTrainFreq));
        return (long) r.retainEpochs() * k * r.batchSize() * trainingsPerEpoch;
    }
}
