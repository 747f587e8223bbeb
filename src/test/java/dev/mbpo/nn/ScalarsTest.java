package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScalarsTest {
    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    @Test
    void aProductWithANumberKeepsItsGradientThroughAGarbageCollection() {
        try (NDManager root = NDManager.newBaseManager()) {
            for (int i = 0; i < 5; i++) {
                try (NDManager m = root.newSubManager(); Gradients.Recording gc = Gradients.record()) {
                    NDArray x = m.create(new float[] {1f, -2f, 0.5f});
                    x.setRequiresGradient(true);
                    NDArray y = Scalars.mul(Scalars.mul(x, 3f).square(), 0.25f).sum();
                    ForcedCollection.run();
                    gc.backward(y);
                    // d/dx (0.25 (3x)^2) = 4.5 x
                    assertArrayEquals(new float[] {4.5f, -9f, 2.25f}, x.getGradient().toFloatArray(), 1e-6f, "round " + i);
                }
            }
        }
    }
}
