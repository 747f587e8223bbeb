package dev.mbpo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Checks a {@code --preset} argument before it is read, so that each way of getting it wrong has its own message. */
final class PresetFiles {
    private PresetFiles() {
    }

    /** {@code file} when it is a regular file; otherwise a {@link UserInputException} saying what it is instead. */
    static Path require(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("--preset " + file + ": is a folder; give a preset file"
                    + examples(file).map(e -> " such as " + e).orElse(" (a .json file)"));
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--preset " + file + ": no such file (presets live in presets/)");
        }
        return file;
    }

    private static java.util.Optional<String> examples(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            java.util.List<String> json = files.filter(p -> p.toString().endsWith(".json")).map(Path::toString).sorted().limit(3).toList();
            return json.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(", ", json));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
