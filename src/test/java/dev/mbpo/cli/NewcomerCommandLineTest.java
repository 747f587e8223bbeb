package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a newcomer types it, mistakes included: one clear line each, the source of an error named. */
class NewcomerCommandLineTest {
    @TempDir
    Path dir;

    private static String oneLine(Object[] r) {
        String err = ((String) r[2]).strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        return err;
    }

    @Test
    void aValueThatIsNotANumberIsOneLineNotTheWholeUsage() {
        Object[] r = MainTest.run("train", "--steps", "abc");
        assertEquals(2, r[0]);
        String err = oneLine(r);
        assertTrue(err.contains("--steps") && err.contains("'abc'") && err.contains("mbpo train --help"), err);
    }

    @Test
    void aMistypedCommandOrOptionIsOneLineWithASuggestion() {
        String err = oneLine(MainTest.run("trian"));
        assertTrue(err.contains("did you mean train"), err);
        err = oneLine(MainTest.run("train", "--preset", "presets/pendulum-mbpo.json", "--stpes", "5"));
        assertTrue(err.contains("did you mean --steps"), err);
    }

    @Test
    void aFolderGivenAsPresetIsCalledAFolder() {
        Object[] r = MainTest.run("train", "--preset", "presets", "--runs", dir.resolve("runs").toString());
        assertEquals(2, r[0]);
        String err = oneLine(r);
        assertTrue(err.contains("is a folder") && err.contains("presets/"), err);
        assertFalse(err.contains("no such file"), err);
    }

    @Test
    void aBadSetIsBlamedOnTheSetNotOnThePresetFile() {
        Object[] r = MainTest.run("train", "--preset", "presets/pendulum-mbpo.json", "--set", "sac.actorLr=abc", "--runs", dir.toString());
        String err = oneLine(r);
        assertTrue(err.startsWith("mbpo: --set sac.actorLr=abc: "), err);
        assertFalse(err.contains("pendulum-mbpo.json"), err);

        err = oneLine(MainTest.run("train", "--preset", "presets/pendulum-mbpo.json", "--set", "sac.lr=abc", "--runs", dir.toString()));
        assertTrue(err.startsWith("mbpo: --set sac.lr=abc: unknown key 'sac.lr'"), err);
        String listed = err.substring(err.indexOf('[') + 1, err.indexOf(']'));
        List<String> keys = List.of(listed.split(", "));
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys, "known keys sorted");
        assertTrue(keys.contains("actorLr"), listed);
    }

    @Test
    void trainingNoStepBeyondTheRandomOnesIsWarnedAboutNamingBothSettings() {
        Object[] r = MainTest.run("train", "--preset", "presets/pendulum-mbpo.json", "--steps", "400", "--quiet",
                "--runs", dir.toString());
        assertEquals(0, r[0], (String) r[2]);
        String err = (String) r[2];
        assertTrue(err.contains("warning") && err.contains("run.totalSteps (400)") && err.contains("sac.initialRandomSteps (400)"), err);
        Object[] fine = MainTest.run("train", "--preset", "presets/pendulum-mbpo.json", "--steps", "401", "--quiet",
                "--set", "sac.updatesPerStep=1", "--set", "model.maxEpochs=2", "--runs", dir.toString());
        assertFalse(((String) fine[2]).contains("warning"), (String) fine[2]);
    }

    @Test
    void keysListsEveryKeyWithItsWindowLabelTypeAndDefault() {
        Object[] r = MainTest.run("keys");
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        String gamma = out.lines().filter(l -> l.startsWith("sac.gamma ")).findFirst().orElse("");
        assertTrue(gamma.contains("SAC > Gamma") && gamma.contains("number") && gamma.contains("0.99") && gamma.contains("<= 1"), gamma);
        String members = out.lines().filter(l -> l.startsWith("model.members ")).findFirst().orElse("");
        assertTrue(members.contains("Ensemble > Members") && members.contains("integer") && members.contains("1 to 64"), members);
        // Every key of the preset format is listed, including those the window does not show.
        for (String key : List.of("run.checkpointEvery", "rollout.predictionHorizon", "mbpo.asyncSlack", "model.improvement")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(key + " ")), key + " in\n" + out);
        }
        Object[] hopper = MainTest.run("keys", "--preset", "presets/hopper-mbpo.json");
        assertTrue(((String) hopper[1]).lines().anyMatch(l -> l.startsWith("env ") && l.contains("Hopper-v4")), (String) hopper[1]);
    }

    @Test
    void runsShowPrintsTheConfigurationItPromises() {
        Object[] t = MainTest.run("train", "--preset", "presets/pendulum-sac.json", "--steps", "300", "--quiet",
                "--set", "sac.gamma=0.97", "--runs", dir.toString());
        assertEquals(0, t[0], (String) t[2]);
        String id = dir.toFile().list((d, n) -> n.contains("Pendulum"))[0];
        Object[] r = MainTest.run("runs", "show", id, "--runs", dir.toString());
        String out = (String) r[1];
        assertTrue(out.contains("configuration"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("gamma=0.97")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("algorithm=sac") && l.contains("env=Pendulum-v1")), out);
        assertTrue(out.contains("preset:") && out.contains("engine:") && out.contains("threads:"), out);
    }

    @Test
    void aResumedRunsSummaryAgreesWithRunsShow() {
        Object[] first = MainTest.run("train", "--preset", "presets/pendulum-sac.json", "--steps", "1500", "--quiet",
                "--set", "run.evalEvery=500", "--runs", dir.toString());
        assertEquals(0, first[0], (String) first[2]);
        String id = dir.toFile().list((d, n) -> n.contains("Pendulum"))[0];
        Object[] resumed = MainTest.run("train", "--resume", id, "--steps", "2000", "--quiet", "--runs", dir.toString());
        assertEquals(0, resumed[0], (String) resumed[2]);
        Object[] show = MainTest.run("runs", "show", id, "--runs", dir.toString());
        String best = ((String) show[1]).lines().filter(l -> l.startsWith("best eval:")).findFirst().orElseThrow()
                .replaceAll("[^0-9.-]", "");
        String summaryBest = ((String) resumed[1]).lines().filter(l -> l.startsWith("best eval:")).findFirst().orElseThrow()
                .replaceAll("[^0-9.-]", "");
        assertEquals(best, summaryBest, "train --resume's summary and runs show:\n" + resumed[1] + "\n" + show[1]);
    }

    /** A real Ctrl+C: a JVM of its own gets SIGINT while it trains, and prints the whole summary. */
    @Test
    @Tag("slow")
    void ctrlCStopsTheRunAndStillPrintsTheSummary() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "train", "--preset", "presets/pendulum-mbpo.json",
                "--steps", "5000", "--runs", dir.resolve("runs").toString());
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(out, StandardCharsets.UTF_8).contains("step     500/") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(p.isAlive(), "still training when interrupted");
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ended within a minute of Ctrl+C");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("---") && text.contains("status:       stopped") && text.contains("best eval:")
                && text.contains("run folder:"), text);
    }
}
