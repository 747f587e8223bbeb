package dev.mbpo.nn;

/**
 * What a started engine is, for provenance and the status bar.
 *
 * @param engineName     e.g. "PyTorch"
 * @param engineVersion  the native library's version, e.g. "2.7.1"
 * @param djlVersion     e.g. "0.36.0"
 * @param device         e.g. "cpu()" or "gpu(0)"
 * @param gpuCount       GPUs DJL reported
 * @param intraOpThreads torch intra-op threads in force
 * @param interOpThreads torch inter-op threads in force
 */
public record EngineInfo(String engineName, String engineVersion, String djlVersion, String device,
                         int gpuCount, int intraOpThreads, int interOpThreads) {

    public boolean gpu() {
        return device.startsWith("gpu");
    }

    /** The entries a run's provenance keeps about the engine: engine, djl, device, threads. */
    public java.util.Map<String, String> provenance() {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("engine", engineName + " " + engineVersion);
        p.put("djl", djlVersion);
        p.put("device", device);
        p.put("threads", intraOpThreads + " intra-op / " + interOpThreads + " inter-op");
        return p;
    }

    /** One line for logs and the command line. */
    public String summary() {
        return engineName + " " + engineVersion + " (DJL " + djlVersion + ") on " + device
                + ", threads " + intraOpThreads + " intra-op / " + interOpThreads + " inter-op";
    }
}
