package dev.mbpo.nn;

import ai.djl.Device;
import java.util.List;

/**
 * What {@code run.device = auto} means for a run. Measured on an H200 against one core of the
 * same machine (docs/BENCHMARKS.md, section GPU, 2026-11-26): a SAC update of 64x64 networks on
 * 256 rows takes 5.8 ms on the GPU against 2.2-2.5 ms on the CPU (a few hundred small kernels,
 * each launched from the host), and the Pendulum preset's whole loop ran at 9.6 real steps/s on
 * the GPU against 16.9 on one CPU thread; with 256x256 networks the GPU is ahead (6.7-6.9 against
 * 7.6-8.5 ms per update, and model training 3-5 x faster). SAC updates dominate MBPO's time, so
 * auto takes the GPU only for SAC networks at least {@value #GPU_FROM_WIDTH} wide.
 */
public final class DevicePolicy {
    /** The narrowest widest-hidden-layer for which auto takes the GPU. */
    public static final int GPU_FROM_WIDTH = 256;

    private DevicePolicy() {
    }

    /**
     * "cpu" or "gpu" for a run that asked for {@code requested} (auto, cpu or gpu), with SAC
     * hidden layers {@code sacHidden}, on a machine with {@code gpus} GPUs.
     *
     * @throws IllegalStateException when the GPU was asked for and there is none
     */
    public static String choose(String requested, List<Integer> sacHidden, int gpus) {
        return switch (requested) {
            case "cpu" -> "cpu";
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device 'gpu' was asked for, but PyTorch reports no GPU; "
                            + "use device 'cpu' or 'auto', and build with -Pcuda on a CUDA machine");
                }
                yield "gpu";
            }
            default -> gpus > 0 && widest(sacHidden) >= GPU_FROM_WIDTH ? "gpu" : "cpu";
        };
    }

    /** DJL's device for a {@link #choose} result: the first GPU or the CPU. */
    static Device toDevice(String choice) {
        return choice.equals("gpu") ? Device.gpu(0) : Device.cpu();
    }

    /** Why auto chose what it chose, for the log. */
    public static String reason(List<Integer> sacHidden, int gpus) {
        if (gpus == 0) {
            return "auto: no GPU reported";
        }
        int w = widest(sacHidden);
        return w >= GPU_FROM_WIDTH
                ? "auto: GPU (SAC networks " + w + " wide)"
                : "auto: CPU although a GPU is present (SAC networks " + w + " wide; below " + GPU_FROM_WIDTH
                        + " their updates are faster on the CPU, docs/BENCHMARKS.md section GPU)";
    }

    private static int widest(List<Integer> hidden) {
        return hidden.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
