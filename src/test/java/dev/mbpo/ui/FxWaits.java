package dev.mbpo.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/** Waits on conditions of the window instead of sleeping for a guessed time. */
final class FxWaits {
    private FxWaits() {
    }

    static void waitUntil(String what, double seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what);
        }
    }

    /**
     * Waits until the node is on screen and has stopped moving (an expanding category, a toolbar
     * laid out again): its bounds on screen are the same over several consecutive checks.
     */
    static void untilStill(String what, double seconds, Supplier<Node> node) throws Exception {
        Bounds[] last = new Bounds[1];
        int[] same = new int[1];
        waitUntil(what + " stops moving", seconds, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            Node n = node.get();
            Bounds b = n == null || n.getScene() == null ? null : n.localToScreen(n.getBoundsInLocal());
            same[0] = b != null && b.equals(last[0]) ? same[0] + 1 : 0;
            last[0] = b;
            return same[0] >= 3;
        });
    }
}
