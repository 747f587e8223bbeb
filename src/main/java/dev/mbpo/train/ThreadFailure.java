package dev.mbpo.train;

/** Raises again, on the learner's thread, what ended one of the loop's helper threads. */
final class ThreadFailure {
    private ThreadFailure() {
    }

    /** Throws {@code failure} as it was (unchecked exception or Error); does nothing for null. */
    static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
