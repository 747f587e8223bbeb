package dev.mbpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    /** Runs the command line and returns [exit status, stdout, stderr]. */
    static Object[] run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Object[] {status, out.toString(), err.toString()};
    }

    @Test
    void envsListsTheFourEnvironmentsWithShapesAndLimits() {
        Object[] r = run("envs");
        assertEquals(0, r[0]);
        String out = (String) r[1];
        assertTrue(out.contains("Pendulum-v1") && out.contains("(3,)") && out.contains("200"), out);
        assertTrue(out.contains("MountainCarContinuous-v0") && out.contains("999"), out);
        assertTrue(out.contains("ContinuousCartPole-v0") && out.contains("CartPoleSwingUp-v0") && out.contains("500"), out);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Object[] r = run("--version");
        assertEquals(0, r[0]);
        assertTrue(((String) r[1]).startsWith("mbpo-workbench "), (String) r[1]);
    }

    @Test
    void unknownOptionIsBadInput() {
        Object[] r = run("--no-such-option");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("Unknown option"), (String) r[2]);
    }

    @Test
    void badDeviceIsBadInputWithOneLine() {
        Object[] r = run("engine", "--device", "tpu");
        assertEquals(2, r[0]);
        String err = (String) r[2];
        assertTrue(err.startsWith("mbpo: device is 'tpu'; allowed: auto, cpu, gpu"), err);
        assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void benchNamesTheBadDeviceBeforeStartingAnything() {
        Object[] r = run("bench", "--device", "tpu", "--only", "sgemm");
        assertEquals(2, r[0]);
        String err = (String) r[2];
        assertTrue(err.startsWith("mbpo: --device is 'tpu'; allowed: auto, cpu, gpu"), err);
        assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
    }
}
