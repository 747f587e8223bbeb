package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlatParametersTest {

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    private static final List<Shape> SHAPES = List.of(new Shape(2, 3), new Shape(2), new Shape(1, 2), new Shape(1));

    private static float[] values() {
        float[] v = new float[11];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        return v;
    }

    @Test
    void viewsAreShapedSlicesThatFollowInPlaceChangesOfTheFlatArray() {
        try (NDManager m = NDManager.newBaseManager()) {
            FlatParameters p = FlatParameters.of(m, SHAPES, values(), true);
            assertEquals(4, p.count());
            assertEquals(11, p.size());
            assertEquals(new Shape(2, 3), p.views().get(0).getShape());
            assertArrayEquals(new float[] {7, 8}, p.views().get(1).toFloatArray());
            assertArrayEquals(new float[] {11}, p.views().get(3).toFloatArray());
            assertFalse(p.views().get(0).hasGradient(), "fixed views record no gradient");
            p.flat().muli(2);
            assertArrayEquals(new float[] {18, 20}, p.views().get(2).toFloatArray(), "same storage");
            p.views().get(1).set(new NDIndex("..."), 0f);
            assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12, 0, 0, 18, 20, 22}, p.flat().toFloatArray(), "writes through views land in the flat array");
        }
    }

    @Test
    void gradientsThroughRecordedViewsLandInTheFlatGradientAtTheirOffsets() {
        try (NDManager m = NDManager.newBaseManager()) {
            FlatParameters p = FlatParameters.of(m, SHAPES, values(), true);
            try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                assertTrue(p.recording());
                List<NDArray> v = p.recordedViews(1, 3); // the bias [2] and the weight [1, 2]
                assertEquals(new Shape(2), v.get(0).getShape());
                assertEquals(new Shape(1, 2), v.get(1).getShape());
                NDArray loss = v.get(0).sum().mul(3f).add(v.get(1).square().sum());
                v.forEach(NDArray::close);
                rec.backward(loss);
            }
            assertFalse(p.recording(), "not recording outside");
            try (NDArray g = p.flat().getGradient()) {
                // d/d bias of 3 sum = 3; d/d w of sum w^2 = 2 w = 2 * (9, 10); the rest untouched
                assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 3, 3, 18, 20, 0}, g.toFloatArray());
            }
        }
    }

    @Test
    void theRecordedViewsAreCutOnceAndCarryGradientsOnEveryPass() {
        try (NDManager m = NDManager.newBaseManager()) {
            FlatParameters p = FlatParameters.of(m, SHAPES, values(), true);
            assertThrows(IllegalStateException.class, p::recordedViews, "they must be cut under recording");
            List<NDArray> first = null;
            for (int pass = 1; pass <= 3; pass++) {
                try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                    List<NDArray> v = p.recordedViews();
                    if (first == null) {
                        first = v;
                    }
                    assertTrue(v == first, "the same views on every pass");
                    NDArray loss = v.get(1).sum().mul(3f).add(v.get(3).square().sum());
                    loss.attach(s);
                    rec.backward(loss);
                }
                try (NDArray g = p.flat().getGradient()) {
                    // accumulated over the passes: 3 per bias entry and 2 * 11 for the last bias, each time
                    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 3 * pass, 3 * pass, 0, 0, 22 * pass}, g.toFloatArray(), "pass " + pass);
                }
            }
        }
    }

    /**
     * The recorded views come from one split of the flat array, and PyTorch refuses such views
     * once their base has been written in place through the engine (the engine's Adam kernel on a
     * GPU, a checkpoint loaded through the fixed views): the store must cut them again.
     */
    @Test
    void theRecordedViewsAreCutAgainAfterTheEngineWritesTheFlatArrayInPlace() {
        try (NDManager m = NDManager.newBaseManager()) {
            FlatParameters p = FlatParameters.of(m, SHAPES, values(), true);
            List<NDArray> before;
            try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                before = p.recordedViews();
                NDArray loss = before.get(3).square().sum();
                loss.attach(s);
                rec.backward(loss);
            }
            try (Gradients.Recording rec = Gradients.record()) {
                assertTrue(p.recordedViews() == before, "nothing written: the same views");
            }
            p.views().get(3).set(new NDIndex("..."), 5f); // an engine write through a fixed view (as ParamIo.load does)
            p.flat().getGradient().set(new NDIndex("..."), 0f);
            p.forgetRecordedViews();
            try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                List<NDArray> after = p.recordedViews();
                assertFalse(after == before, "cut again");
                NDArray loss = after.get(3).square().sum();
                loss.attach(s);
                rec.backward(loss);
            }
            try (NDArray g = p.flat().getGradient()) {
                assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10}, g.toFloatArray(), "2 x the new value 5");
            }
        }
    }

    @Test
    void adamWithTheEnginesKernelKeepsTheRecordedViewsUsable() {
        try (NDManager m = NDManager.newBaseManager()) {
            Mlp net = Mlp.create(m, 2, List.of(4), 1, Mlp.Act.RELU, true, new SplittableRandom(5));
            AdamOptimizer opt = new AdamOptimizer(m, net.store(), 1e-2f);
            opt.useEngineKernel(); // what a GPU runs: the kernel writes the flat array in place through the engine
            float last = Float.NaN;
            for (int pass = 0; pass < 4; pass++) {
                try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                    NDArray out = net.forward(s.create(new float[] {1, -1, 0.5f, 2}, new Shape(2, 2)));
                    NDArray loss = out.square().sum();
                    last = loss.getFloat();
                    rec.backward(loss);
                }
                opt.step();
            }
            assertTrue(Float.isFinite(last), "four passes and steps through the engine's kernel");
        }
    }

    @Test
    void polyakAndCopyWorkOnTheWholeArray() {
        try (NDManager m = NDManager.newBaseManager()) {
            FlatParameters source = FlatParameters.of(m, SHAPES, values(), true);
            FlatParameters target = source.copy(m, false);
            assertFalse(target.flat().hasGradient());
            target.flat().muli(0);
            source.polyakInto(target, 0.25f);
            float[] expected = values();
            for (int i = 0; i < expected.length; i++) {
                expected[i] *= 0.25f;
            }
            assertArrayEquals(expected, target.flat().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {expected[8], expected[9]}, target.views().get(2).toFloatArray(), 1e-6f, "views of the target follow");
            FlatParameters other = FlatParameters.of(m, List.of(new Shape(3)), new float[3], false);
            assertThrows(IllegalArgumentException.class, () -> source.polyakInto(other, 0.5f));
        }
    }

    @Test
    void adamOverAStoreSavesItsMomentsPerParameterAndRefusesViews() {
        try (NDManager m = NDManager.newBaseManager()) {
            Mlp net = Mlp.create(m, 2, List.of(4), 1, Mlp.Act.RELU, true, new SplittableRandom(3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AdamOptimizer(m, net.parameters(), 1e-3f, null));
            assertTrue(e.getMessage().contains("net.store()"), e.getMessage());
            AdamOptimizer opt = new AdamOptimizer(m, net.store(), 1e-2f);
            List<NDArray> state = opt.state();
            assertEquals(2 * net.parameters().size(), state.size(), "first moments per parameter, then second moments");
            for (int i = 0; i < net.parameters().size(); i++) {
                assertEquals(net.parameters().get(i).getShape(), state.get(i).getShape());
            }
            float[] before = net.parameters().get(0).toFloatArray();
            try (NDManager s = m.newSubManager(); Gradients.Recording rec = Gradients.record()) {
                rec.backward(net.forward(s.create(new float[] {1, -1, 0.5f, 2}, new Shape(2, 2))).sum());
            }
            assertTrue(opt.gradientsFinite());
            opt.step();
            assertFalse(java.util.Arrays.equals(before, net.parameters().get(0).toFloatArray()), "the views see the step");
            float[] firstMoment = state.get(0).toFloatArray();
            boolean moved = false;
            for (float f : firstMoment) {
                moved |= f != 0;
            }
            assertTrue(moved, "the per-parameter moment views see the flat moments");
        }
    }
}
