package dev.mbpo.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The folder that holds runs; resolves user-given run ids without ever leaving it. */
public final class RunsFolder {
    private final Path root;

    public RunsFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The folder of a run id (or of a path to a run inside this folder).
     *
     * @throws RunFormatException for ids with path separators, "..", or folders outside the runs folder
     */
    public Path resolve(String id) throws RunFormatException {
        String name = id;
        Path asPath = Path.of(id).toAbsolutePath().normalize();
        if (asPath.getParent() != null && asPath.getParent().equals(root)) {
            name = asPath.getFileName().toString();
        }
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || !name.matches("[A-Za-z0-9._-]+")) {
            throw new RunFormatException("run id '" + id + "' is not a run in " + root
                    + "; ids are folder names such as 20261125-101500-Pendulum-v1-mbpo-s1 (mbpo runs list shows them)");
        }
        Path dir = root.resolve(name).normalize();
        if (!dir.getParent().equals(root)) {
            throw new RunFormatException("run id '" + id + "' points outside " + root);
        }
        if (Files.isSymbolicLink(dir)) {
            throw new RunFormatException(dir + ": is a symbolic link; run folders must be real folders inside " + root);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunFormatException("no run '" + name + "' in " + root + " (mbpo runs list shows the runs)");
        }
        return dir;
    }

    /** Run folders, oldest first (ids start with the UTC start time); dataset folders are not runs. */
    public List<Path> list() throws IOException {
        return folders(false);
    }

    /** Dataset folders ({@code mbpo dataset collect}: they hold a {@value #DATASET_META}), oldest first. */
    public List<Path> datasets() throws IOException {
        return folders(true);
    }

    /** The file that marks a dataset folder. */
    public static final String DATASET_META = "dataset.json";

    private List<Path> folders(boolean datasets) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.exists(p.resolve(DATASET_META)) == datasets).sorted().toList();
        }
    }
}
