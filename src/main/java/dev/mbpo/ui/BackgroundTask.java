package dev.mbpo.ui;

import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Work that must not run on the FX thread (reading a run folder, starting PyTorch, running a
 * checkpoint's policy) on a daemon thread of its own; its result, or its failure, comes back
 * on the FX thread.
 */
final class BackgroundTask {
    /** The work itself; any exception it throws goes to the failure handler. */
    interface Work<T> {
        T call() throws Exception;
    }

    private BackgroundTask() {
    }

    static <T> void run(String threadName, Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        Thread t = new Thread(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        }, threadName);
        t.setDaemon(true);
        t.start();
    }
}
