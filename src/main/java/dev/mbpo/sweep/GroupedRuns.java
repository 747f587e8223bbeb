package dev.mbpo.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs grouped by the value of one setting (e.g. {@code rollout.horizon}), each group summarised
 * across its seeds: the mean evaluation curve with a 95% bootstrap band (at the evaluation steps
 * every run of the group has), the interquartile mean of the final returns with its interval,
 * and the steps to a threshold (median and range over the seeds that reached it).
 */
public final class GroupedRuns {
    /** One run as the grouping reads it. */
    public record Member(String id, RunConfig config, RunSummary summary) {
    }

    /**
     * @param value        the setting's value shared by the group, as the preset writes it
     * @param runs         the group's run ids
     * @param curve        rows {step, mean, low, high}
     * @param finalIqm     interquartile mean of the runs' last evaluation returns
     * @param finalIqmCi   its 95% bootstrap interval
     * @param finalMean    mean of the last evaluation returns
     * @param stepsTo      steps to the threshold of each run that reached it
     * @param notReached   runs that did not reach it
     */
    public record Group(String value, List<String> runs, List<double[]> curve, double finalIqm, double[] finalIqmCi,
                        double finalMean, double[] stepsTo, int notReached) {
        public double stepsToMedian() {
            return stepsTo.length == 0 ? Double.NaN : SeedStatistics.median(stepsTo);
        }

        public double stepsToMin() {
            return stepsTo.length == 0 ? Double.NaN : java.util.Arrays.stream(stepsTo).min().orElse(Double.NaN);
        }

        public double stepsToMax() {
            return stepsTo.length == 0 ? Double.NaN : java.util.Arrays.stream(stepsTo).max().orElse(Double.NaN);
        }
    }

    private GroupedRuns() {
    }

    /**
     * The value of a dotted preset key in a configuration, as JSON text ({@code 5}, {@code [20,150,1,15]}).
     *
     * @throws IllegalArgumentException naming the key when no such setting exists
     */
    public static String valueOf(RunConfig config, String key) {
        JsonNode n = Presets.toTree(config);
        for (String part : key.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        if (n == null || n.isMissingNode()) {
            throw new IllegalArgumentException("--group-by " + key + ": no such setting (mbpo keys lists them)");
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    /** Groups by {@code key}, groups in the order of their values; {@code seed} fixes the bootstrap where it samples. */
    public static List<Group> group(List<Member> members, String key, double threshold, long seed) {
        Map<String, List<Member>> byValue = new TreeMap<>(GroupedRuns::compareValues);
        for (Member m : members) {
            byValue.computeIfAbsent(valueOf(m.config(), key), k -> new ArrayList<>()).add(m);
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<Member>> e : byValue.entrySet()) {
            out.add(summarise(e.getKey(), e.getValue(), threshold, seed));
        }
        return out;
    }

    static Group summarise(String value, List<Member> runs, double threshold, long seed) {
        List<String> ids = runs.stream().map(Member::id).toList();
        double[] finals = runs.stream().mapToDouble(m -> m.summary().lastEval()).filter(Double::isFinite).toArray();
        List<Double> reached = new ArrayList<>();
        int notReached = 0;
        for (Member m : runs) {
            long s = m.summary().stepsTo(threshold);
            if (s >= 0) {
                reached.add((double) s);
            } else {
                notReached++;
            }
        }
        return new Group(value, ids, curve(runs, seed), SeedStatistics.iqm(finals),
                SeedStatistics.bootstrap(finals, SeedStatistics.Statistic.IQM, 0.95, seed),
                finals.length == 0 ? Double.NaN : SeedStatistics.mean(finals),
                reached.stream().mapToDouble(Double::doubleValue).toArray(), notReached);
    }

    /** Mean and 95% bootstrap band of the returns at every evaluation step all runs share. */
    static List<double[]> curve(List<Member> runs, long seed) {
        Map<Long, List<Double>> at = new LinkedHashMap<>();
        for (double[] p : runs.get(0).summary().evalCurve()) {
            at.put((long) p[0], new ArrayList<>());
        }
        for (Member m : runs) {
            Map<Long, Double> mine = new LinkedHashMap<>();
            for (double[] p : m.summary().evalCurve()) {
                mine.put((long) p[0], p[1]);
            }
            at.keySet().retainAll(mine.keySet());
            for (Map.Entry<Long, List<Double>> e : at.entrySet()) {
                e.getValue().add(mine.get(e.getKey()));
            }
        }
        List<double[]> out = new ArrayList<>();
        for (Map.Entry<Long, List<Double>> e : at.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double[] ci = SeedStatistics.bootstrap(v, SeedStatistics.Statistic.MEAN, 0.95, seed);
            out.add(new double[] {e.getKey(), SeedStatistics.mean(v), ci[0], ci[1]});
        }
        return out;
    }

    /** Numbers in numeric order, anything else as text. */
    static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
