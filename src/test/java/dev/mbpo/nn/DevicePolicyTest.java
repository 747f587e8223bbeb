package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.TestPaths;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** auto takes the GPU only where it was measured faster: SAC networks at least 256 wide. */
class DevicePolicyTest {

    @Test
    void autoKeepsNarrowNetworksOnTheCpuEvenWithAGpu() {
        assertEquals("cpu", DevicePolicy.choose("auto", List.of(64, 64), 1));
        assertEquals("cpu", DevicePolicy.choose("auto", List.of(128, 255), 1));
        assertEquals("gpu", DevicePolicy.choose("auto", List.of(256, 256), 1));
        assertEquals("gpu", DevicePolicy.choose("auto", List.of(64, 512), 1));
        assertEquals("cpu", DevicePolicy.choose("auto", List.of(256, 256), 0), "no GPU");
        assertTrue(DevicePolicy.reason(List.of(64, 64), 1).contains("CPU although a GPU is present"));
    }

    @Test
    void anExplicitChoiceIsKept() {
        assertEquals("gpu", DevicePolicy.choose("gpu", List.of(64, 64), 1));
        assertEquals("cpu", DevicePolicy.choose("cpu", List.of(256, 256), 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevicePolicy.choose("gpu", List.of(64), 0));
        assertTrue(e.getMessage().contains("reports no GPU"), e.getMessage());
    }

    @Test
    void theDefaultPresetRunsOnTheCpuAndAWideOneOnTheGpu() {
        RunConfig preset = Presets.load(TestPaths.projectDir().resolve("presets/pendulum-mbpo.json"), List.of());
        assertEquals("auto", preset.run().device());
        assertEquals("cpu", DevicePolicy.choose(preset.run().device(), preset.sac().hidden(), 1));
        RunConfig wide = Presets.load(TestPaths.projectDir().resolve("presets/pendulum-mbpo.json"), List.of("sac.hidden=[256,256]"));
        assertEquals("gpu", DevicePolicy.choose(wide.run().device(), wide.sac().hidden(), 1));
    }
}
