package dev.mbpo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static void addNumbered(ReplayBuffer b, int i) {
        b.add(new float[] {i, -i}, new float[] {i / 10f}, i, new float[] {i + 1, -i - 1}, i % 2 == 0);
    }

    @Test
    void ringOverwritesTheOldestAndKeepsRowsConsistent() {
        ReplayBuffer b = new ReplayBuffer(5, 2, 1);
        for (int i = 0; i < 8; i++) {
            addNumbered(b, i);
        }
        assertEquals(5, b.size());
        assertEquals(8, b.added());
        Batch all = b.all();
        for (int k = 0; k < 5; k++) {
            int i = k + 3;
            assertEquals(i, all.obs()[2 * k]);
            assertEquals(-i, all.obs()[2 * k + 1]);
            assertEquals(i / 10f, all.actions()[k]);
            assertEquals(i, all.rewards()[k]);
            assertEquals(i + 1, all.nextObs()[2 * k]);
            assertEquals(i % 2 == 0 ? 1f : 0f, all.terminated()[k]);
        }
    }

    @Test
    void aResizedBufferKeepsTheNewestRowsInOrder() {
        ReplayBuffer old = new ReplayBuffer(5, 2, 1);
        for (int i = 0; i < 8; i++) {
            addNumbered(old, i); // holds 3..7, wrapped around
        }
        ReplayBuffer smaller = new ReplayBuffer(3, 2, 1);
        smaller.appendNewestOf(old, smaller.capacity());
        assertEquals(3, smaller.size());
        Batch s = smaller.all();
        for (int k = 0; k < 3; k++) {
            int i = k + 5;
            assertEquals(i, s.obs()[2 * k]);
            assertEquals(i / 10f, s.actions()[k]);
            assertEquals(i, s.rewards()[k]);
            assertEquals(-i - 1, s.nextObs()[2 * k + 1]);
            assertEquals(i % 2 == 0 ? 1f : 0f, s.terminated()[k]);
        }
        ReplayBuffer larger = new ReplayBuffer(9, 2, 1);
        larger.appendNewestOf(old, larger.capacity());
        assertEquals(5, larger.size(), "all that the old one held");
        assertEquals(3f, larger.all().obs()[0]);
        ReplayBuffer copy = old.copy();
        assertEquals(java.util.Arrays.toString(old.all().obs()), java.util.Arrays.toString(copy.all().obs()));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(3, 3, 1).appendNewestOf(old, 3));
    }

    @Test
    void samplingIsUniformSeededAndOnlyFromHeldRows() {
        ReplayBuffer b = new ReplayBuffer(100, 2, 1);
        for (int i = 0; i < 10; i++) {
            addNumbered(b, i);
        }
        Batch x = b.sample(5000, new SplittableRandom(3));
        Batch y = b.sample(5000, new SplittableRandom(3));
        assertEquals(java.util.Arrays.toString(x.rewards()), java.util.Arrays.toString(y.rewards()));
        int[] counts = new int[10];
        for (int r = 0; r < 5000; r++) {
            int i = (int) x.rewards()[r];
            counts[i]++;
            assertEquals(i, x.obs()[2 * r], "row is one transition");
        }
        for (int c : counts) {
            assertTrue(c > 400 && c < 600, "uniform: " + java.util.Arrays.toString(counts));
        }
        assertThrows(IllegalStateException.class, () -> new ReplayBuffer(3, 1, 1).sample(1, new SplittableRandom(1)));
    }

    @Test
    void mixedSamplerTakesTheRealShareFromTheRealBuffer() {
        ReplayBuffer real = new ReplayBuffer(10, 2, 1);
        ReplayBuffer imagined = new ReplayBuffer(10, 2, 1);
        for (int i = 0; i < 5; i++) {
            addNumbered(real, i);
            addNumbered(imagined, 100 + i);
        }
        MixedSampler s = new MixedSampler(real, imagined, 0.25);
        Batch out = Batch.allocate(40, 2, 1);
        s.sampleInto(out, new SplittableRandom(1));
        int realRows = 0;
        Set<Integer> seen = new HashSet<>();
        for (float r : out.rewards()) {
            if (r < 100) {
                realRows++;
            }
            seen.add((int) r);
        }
        assertEquals(10, realRows);
        assertTrue(seen.size() > 5);
        MixedSampler noImagined = new MixedSampler(real, new ReplayBuffer(3, 2, 1), 0.05);
        assertEquals(40, noImagined.realRows(40), "all real while the model buffer is empty");
        assertThrows(IllegalArgumentException.class, () -> new MixedSampler(real, imagined, 1.5));
    }
}
