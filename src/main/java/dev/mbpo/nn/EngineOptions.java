package dev.mbpo.nn;

import dev.mbpo.config.RunSettings;

/**
 * How to start the deep-learning engine.
 *
 * @param device         "auto" (GPU when DJL reports one, else CPU; a run's own choice is {@link Engines#deviceFor}), "cpu" or "gpu"
 * @param intraOpThreads torch intra-op threads; 1 was measured faster and steadier on 2 cores
 * @param interOpThreads torch inter-op threads
 */
public record EngineOptions(String device, int intraOpThreads, int interOpThreads) {

    public static final EngineOptions DEFAULT = new EngineOptions("auto", 1, 1);

    public EngineOptions {
        if (!RunSettings.DEVICES.contains(device)) {
            throw new IllegalArgumentException("device is '" + device + "'; allowed: " + String.join(", ", RunSettings.DEVICES));
        }
        if (intraOpThreads < 1 || intraOpThreads > 256) {
            throw new IllegalArgumentException("intraOpThreads is " + intraOpThreads + "; allowed: 1 to 256");
        }
        if (interOpThreads < 1 || interOpThreads > 256) {
            throw new IllegalArgumentException("interOpThreads is " + interOpThreads + "; allowed: 1 to 256");
        }
    }
}
