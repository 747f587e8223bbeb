package dev.mbpo.nn;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: what a garbage collection can do between a forward and a backward pass. It
 * collects, waits until the collector has handed unreachable direct buffers to their cleaners
 * (which free their native memory), then allocates small direct buffers filled with NaN that
 * take over freed memory, so any tensor still reading a freed buffer reads NaN or allocator
 * bookkeeping instead of its values.
 */
public final class ForcedCollection {
    private static final List<ByteBuffer> HELD = new ArrayList<>();

    private ForcedCollection() {
    }

    public static synchronized void run() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> sentinel = new PhantomReference<>(ByteBuffer.allocateDirect(4), queue);
        try {
            for (int i = 0; i < 20 && queue.remove(1) == null; i++) {
                System.gc();
            }
            Thread.sleep(5); // the reference handler frees the other collected buffers in the same batch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sentinel.clear();
        HELD.clear();
        for (int i = 0; i < 256; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 << (i % 4)).order(ByteOrder.nativeOrder());
            for (int k = 0; k + 4 <= b.capacity(); k += 4) {
                b.putFloat(k, Float.NaN);
            }
            HELD.add(b);
        }
    }
}
