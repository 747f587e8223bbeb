package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command helps itself, and every unreadable input ends in one line and exit status 2. */
class HelpAndInputTest {
    @TempDir
    Path dir;

    /** Every command and subcommand, as the words that reach it (e.g. [runs, list]). */
    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(Main.newCommandLine(), new ArrayList<>(), out);
        return out.stream();
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, out);
            }
        });
    }

    static Stream<Arguments> helpCalls() {
        return commands().flatMap(c -> Stream.of("--help", "-h").map(flag -> Arguments.of(c, flag)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("helpCalls")
    void everyCommandAnswersHelp(List<String> command, String flag) {
        List<String> args = new ArrayList<>(command);
        args.add(flag);
        Object[] r = MainTest.run(args.toArray(String[]::new));
        assertEquals(0, r[0], "exit status of " + args + ": " + r[2]);
        String out = (String) r[1];
        assertTrue(out.startsWith("Usage: mbpo" + (command.isEmpty() ? "" : " " + String.join(" ", command))), out);
        assertTrue(out.contains("-h, --help"), out);
        assertEquals("", r[2], "nothing on stderr (picocli warns there about a broken description)");
    }

    @Test
    void theTopLevelHelpListsEveryCommandWithOneLine() {
        String out = (String) MainTest.run("--help")[1];
        for (String c : List.of("envs", "engine", "train", "runs", "eval", "bench", "gui")) {
            assertTrue(out.lines().anyMatch(l -> l.strip().startsWith(c + " ") && l.strip().length() > c.length() + 10),
                    "a line for " + c + " in:\n" + out);
        }
    }

    @Test
    void theRunsFolderIsCalledRunsEverywhereAndTrainStillTakesOut() {
        for (String[] c : new String[][] {{"train"}, {"runs", "list"}, {"runs", "show"}, {"eval"}, {"gui"}}) {
            List<String> args = new ArrayList<>(List.of(c));
            args.add("--help");
            String out = (String) MainTest.run(args.toArray(String[]::new))[1];
            assertTrue(out.contains("--runs=DIR"), String.join(" ", c) + ":\n" + out);
        }
        assertTrue(((String) MainTest.run("train", "--help")[1]).contains("--out=DIR"), "the older spelling stays an alias");
    }

    static Stream<String> unreadablePresets() {
        return Stream.of(
                "{\"env\": \"Pendulum-v1\",",                 // cut short
                "[".repeat(200) + "]".repeat(200),             // nested deeper than the reader allows
                "{\"run\": {\"seed\": 1e999999}}",             // a number out of range
                "{\"env\": \"Pendulum-v1\"} trailing",        // text after the object
                "\u0000\u0001\u0002",                         // not text at all
                "{\"sac\": {\"hidden\": [64, {\"a\": 1}]}}",  // a list of the wrong things
                "{\"algorithm\": 5}",                         // a number where a choice goes
                "{\"run\": \"fast\"}");                       // a string where an object goes
    }

    @ParameterizedTest
    @MethodSource("unreadablePresets")
    void anUnreadablePresetEndsInOneLineAndExitStatus2(String text) throws IOException {
        Path preset = dir.resolve("bad.json");
        Files.writeString(preset, text);
        Object[] r = MainTest.run("train", "--preset", preset.toString(), "--steps", "10", "--runs", dir.resolve("runs").toString());
        String err = ((String) r[2]).strip();
        assertEquals(2, r[0], err);
        assertTrue(err.startsWith("mbpo: "), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertTrue(err.contains(preset.toString()), "names the file: " + err);
        assertFalse(Files.exists(dir.resolve("runs")), "a refused run leaves nothing behind");
    }
}
