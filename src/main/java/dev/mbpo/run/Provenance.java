package dev.mbpo.run;

import dev.mbpo.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every run.json records about where it ran; callers add the engine and the source. */
public final class Provenance {
    private Provenance() {
    }

    /** Project version, Java, operating system and cores, in a map callers may extend. */
    public static Map<String, String> machine() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("project", "mbpo-workbench " + Version.get());
        p.put("java", System.getProperty("java.version") + " " + System.getProperty("java.vendor"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return p;
    }
}
