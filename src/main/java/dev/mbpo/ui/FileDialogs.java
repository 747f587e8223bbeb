package dev.mbpo.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's file choices: the preset files to choose from, where to save a preset, which saved run to open. */
final class FileDialogs {
    private FileDialogs() {
    }

    /** The names of the folder's {@code .json} files, sorted; none when the folder is missing or unreadable. */
    static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Asks where to save a preset, starting in the folder; null when cancelled. */
    static Path askSaveTarget(Window owner, Path dir) {
        FileChooser fc = new FileChooser();
        fc.setInitialDirectory(Files.isDirectory(dir) ? dir.toFile() : null);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Preset", "*.json"));
        File f = fc.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Asks for a run folder, starting in the runs folder; null when cancelled. */
    static Path askRunFolder(Window owner, Path runsDir, String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        if (Files.isDirectory(runsDir)) {
            dc.setInitialDirectory(runsDir.toFile());
        }
        File f = dc.showDialog(owner);
        return f == null ? null : f.toPath();
    }
}
