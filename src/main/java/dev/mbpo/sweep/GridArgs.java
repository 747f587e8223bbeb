package dev.mbpo.sweep;

import java.util.ArrayList;
import java.util.List;

/** Parses the sweep's command-line pieces: {@code key=v1,v2,...} (brackets keep a list value whole) and seed ranges. */
public final class GridArgs {
    private GridArgs() {
    }

    /**
     * {@code rollout.horizon=1,5} or {@code rollout.schedule=[20,150,1,15],[20,150,1,5]}.
     *
     * @throws IllegalArgumentException in one line naming the --grid
     */
    public static SweepPlan.Axis axis(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--grid " + arg + ": expected KEY=V1,V2,... (e.g. rollout.horizon=1,5)");
        }
        String key = arg.substring(0, eq).trim();
        List<String> values = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : arg.substring(eq + 1).toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                values.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        values.add(cur.toString().trim());
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--grid " + arg + ": an empty value; give KEY=V1,V2,...");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("--grid " + arg + ": a value twice");
        }
        return new SweepPlan.Axis(key, List.copyOf(values));
    }

    /** {@code 1-5}, {@code 1,3,7} or {@code 2}. */
    public static List<Long> seeds(String arg) {
        List<Long> out = new ArrayList<>();
        try {
            for (String part : arg.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    long a = Long.parseLong(p.substring(0, dash).trim());
                    long b = Long.parseLong(p.substring(dash + 1).trim());
                    if (b < a || b - a > 999) {
                        throw new IllegalArgumentException("--seeds " + arg + ": a range from low to high, at most 1000 seeds");
                    }
                    for (long s = a; s <= b; s++) {
                        out.add(s);
                    }
                } else {
                    out.add(Long.parseLong(p));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds " + arg + ": expected 1-5, 1,3,7 or a single seed");
        }
        if (out.stream().distinct().count() != out.size()) {
            throw new IllegalArgumentException("--seeds " + arg + ": a seed twice");
        }
        return out;
    }
}
