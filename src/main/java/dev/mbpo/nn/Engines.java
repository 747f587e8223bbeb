package dev.mbpo.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.mbpo.config.RunConfig;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine once per JVM, offline: the natives come from the Maven jars
 * (pytorch-native-cpu or, with -Pcuda, pytorch-native-cu124) and nothing is downloaded.
 * Thread counts are read by DJL once, before the engine's first use, so the first
 * {@link #start(EngineOptions)} wins; later calls return the same engine and say so if they
 * asked for different threads.
 */
public final class Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);
    private static final Object LOCK = new Object();
    private static EngineInfo started;
    private static Device device;

    private Engines() {
    }

    /** Starts the engine with {@link EngineOptions#DEFAULT} (or returns the one started). */
    public static EngineInfo start() {
        return start(EngineOptions.DEFAULT);
    }

    /**
     * Starts the engine (first call) and returns what it is.
     *
     * @throws IllegalStateException when the natives are missing or the GPU was asked for but none exists
     */
    public static EngineInfo start(EngineOptions options) {
        synchronized (LOCK) {
            if (started != null) {
                if (started.intraOpThreads() != options.intraOpThreads() || started.interOpThreads() != options.interOpThreads()) {
                    LOG.warn("Engine already started with {} intra-op / {} inter-op threads; {} / {} asked now take effect only in a new process",
                            started.intraOpThreads(), started.interOpThreads(), options.intraOpThreads(), options.interOpThreads());
                }
                return started;
            }
            // Must be set before DJL is first touched: offline means a missing native jar fails
            // at once instead of trying the network, and thread counts are read once.
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.intraOpThreads()));
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(options.interOpThreads()));
            Engine engine;
            try {
                engine = Engine.getEngine("PyTorch");
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new IllegalStateException("Could not start the PyTorch engine offline (are the pytorch-jni and "
                        + "pytorch-native jars on the classpath?): " + e.getMessage(), e);
            }
            int gpus = engine.getGpuCount();
            // The engine's default device (benchmarks, the engine command), where auto means any
            // GPU; a run picks its own with deviceFor.
            String choice = options.device().equals("auto") ? (gpus > 0 ? "gpu" : "cpu")
                    : DevicePolicy.choose(options.device(), List.of(), gpus);
            Device chosen = DevicePolicy.toDevice(choice);
            device = chosen;
            started = new EngineInfo(engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(),
                    chosen.toString(), gpus, options.intraOpThreads(), options.interOpThreads());
            LOG.info("Engine started: {}", started.summary());
            return started;
        }
    }

    /**
     * Prepares the calling thread for engine work outside gradient recording: PyTorch's grad
     * mode is per thread and DJL switches it off only on the thread that started the engine.
     */
    public static void prepareThread() {
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /**
     * The device of a run: its {@code run.device}, with auto decided by {@link DevicePolicy}
     * from the SAC networks' width. Starts the engine if needed (with the run's threads).
     */
    public static Device deviceFor(RunConfig config) {
        EngineInfo engine = start(new EngineOptions(config.run().device(), config.run().threads(), 1));
        String chosen = DevicePolicy.choose(config.run().device(), config.sac().hidden(), engine.gpuCount());
        if (config.run().device().equals("auto")) {
            LOG.info("Run device {}: {}", chosen, DevicePolicy.reason(config.sac().hidden(), engine.gpuCount()));
        }
        return DevicePolicy.toDevice(chosen);
    }

    /** The device chosen at start (benchmarks and the engine command; runs use {@link #deviceFor}). */
    public static Device device() {
        synchronized (LOCK) {
            if (device == null) {
                throw new IllegalStateException("Engines.start() has not been called");
            }
            return device;
        }
    }
}
