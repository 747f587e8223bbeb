package dev.mbpo.train;

import dev.mbpo.run.CheckpointNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes checkpoints as {@code checkpoints/epoch-NNNN/} atomically: everything goes into a
 * temporary folder that is renamed into place only when complete, so a crash never leaves
 * a half-written checkpoint under a real name. Keeps the newest {@code keep} (0: all).
 */
final class Checkpoints {
    /** What a checkpoint holds; the loop writes it into the folder it is given. */
    @FunctionalInterface
    interface Writer {
        void writeTo(Path dir) throws IOException;
    }

    private final Path root;
    private final int keep;

    Checkpoints(Path runDir, int keep) {
        this.root = runDir.resolve("checkpoints");
        this.keep = keep;
    }

    Path write(long epoch, Writer writer) throws IOException {
        Files.createDirectories(root);
        Path target = root.resolve(CheckpointNames.name(epoch));
        Path tmp = root.resolve(CheckpointNames.name(epoch) + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        writer.writeTo(tmp);
        deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        prune();
        return target;
    }

    private void prune() throws IOException {
        if (keep <= 0) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(root)) {
            all = s.filter(CheckpointNames::isCheckpoint).sorted().toList();
        }
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
