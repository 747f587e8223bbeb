package dev.mbpo.run;

import java.nio.file.Path;

/**
 * The one home of checkpoint folder names: {@code checkpoints/epoch-NNNN} (at least four
 * digits), NNNN the number of epochs completed when it was written.
 */
public final class CheckpointNames {
    private static final String PREFIX = "epoch-";
    private static final String PATTERN = PREFIX + "\\d{4,}";

    private CheckpointNames() {
    }

    /** The folder name of the checkpoint written after {@code epoch} epochs. */
    public static String name(long epoch) {
        return String.format("%s%04d", PREFIX, epoch);
    }

    /** True for a checkpoint folder's name (not for a half-written {@code .tmp} folder). */
    public static boolean isCheckpoint(Path p) {
        return p.getFileName().toString().matches(PATTERN);
    }

    /** The epochs completed when the checkpoint at {@code p} was written. */
    public static long epochOf(Path p) {
        if (!isCheckpoint(p)) {
            throw new IllegalArgumentException(p + " is not a checkpoint folder (" + PREFIX + "NNNN)");
        }
        return Long.parseLong(p.getFileName().toString().substring(PREFIX.length()));
    }
}
