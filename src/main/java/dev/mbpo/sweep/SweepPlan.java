package dev.mbpo.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as {@code sweeps/<name>/sweep.json} keeps it: the preset it started from (its text, so
 * that editing the file later changes nothing), the grid, the seeds, and every run it expands to
 * with its settings, seed, run id and state. Written atomically after every change of state.
 *
 * @param name       the sweep's name (its folder)
 * @param preset     the preset file it was made from
 * @param presetJson the preset's text when the sweep was made
 * @param grid       the settings varied, in order
 * @param seeds      the seeds each setting runs with
 * @param steps      run.totalSteps for every run, or null for the preset's
 * @param parallel   runs at once (local executor)
 * @param executor   local (or slurm)
 * @param runsFolder where the runs are recorded
 * @param runs       one entry per (setting, seed)
 * @param slurm      the cluster options (slurm executor), else null
 */
public record SweepPlan(String name, String preset, String presetJson, List<Axis> grid, List<Long> seeds, Integer steps,
                        int parallel, String executor, String runsFolder, List<Entry> runs, SlurmExecutor.Options slurm) {

    /** One varied setting: its preset key and values (each as --set takes it). */
    public record Axis(String key, List<String> values) {
    }

    /** What a run of a sweep is doing. */
    public enum State { PENDING, RUNNING, FINISHED, FAILED, CANCELLED }

    /**
     * @param index    its place in the sweep
     * @param settings key = value for each axis
     * @param seed     run.seed
     * @param runId    the recorded run's id once it started, else null
     * @param state    where it stands
     * @param reason   why it failed or was cancelled, else ""
     * @param pid      the process running it (local executor), else 0
     */
    public record Entry(int index, Map<String, String> settings, long seed, String runId, State state, String reason, long pid) {
        public Entry with(State s, String why, String id, long process) {
            return new Entry(index, settings, seed, id, s, why, process);
        }

        /** The --set arguments this run is made with. */
        public List<String> overrides() {
            List<String> o = new ArrayList<>();
            settings.forEach((k, v) -> o.add(k + "=" + v));
            return o;
        }

        /** "rollout.horizon=5, seed 2". */
        public String label() {
            List<String> parts = new ArrayList<>(overrides());
            parts.add("seed " + seed);
            return String.join(", ", parts);
        }
    }

    public static final String FILE = "sweep.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The runs a grid and seeds expand to: every combination of the axes' values, times every seed. */
    public static List<Entry> expand(List<Axis> grid, List<Long> seeds) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Axis a : grid) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : a.values()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(a.key(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Entry> out = new ArrayList<>();
        for (Map<String, String> c : combos) {
            for (long s : seeds) {
                out.add(new Entry(out.size(), c, s, null, State.PENDING, "", 0));
            }
        }
        return out;
    }

    public SweepPlan withRuns(List<Entry> r) {
        return new SweepPlan(name, preset, presetJson, grid, seeds, steps, parallel, executor, runsFolder, List.copyOf(r), slurm);
    }

    /** Writes {@code dir/sweep.json} through a temporary file and a rename. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static SweepPlan load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IOException("no sweep in " + dir + " (" + FILE + " missing)");
        }
        return JSON.readValue(f.toFile(), SweepPlan.class);
    }

    /** The Slurm job array a run was submitted in ("slurm job 12_3" in its reason), or null. */
    public static String slurmJobOf(Entry e) {
        String r = e.reason();
        if (r == null || !r.startsWith("slurm job ")) {
            return null;
        }
        String task = r.substring("slurm job ".length()).split("\\s")[0];
        return task.contains("_") ? task.substring(0, task.indexOf('_')) : task;
    }

    /** True while the run is running as far as this machine can tell: its process lives, or Slurm has it. */
    public static boolean liveLocally(Entry e) {
        return e.state() == State.RUNNING && ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** How many runs are in each state. */
    public Map<State, Integer> counts() {
        Map<State, Integer> m = new LinkedHashMap<>();
        for (State s : State.values()) {
            m.put(s, 0);
        }
        for (Entry e : runs) {
            m.merge(e.state(), 1, Integer::sum);
        }
        return m;
    }
}
