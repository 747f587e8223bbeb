package dev.mbpo.train.bench;

import java.util.Map;

/**
 * One benchmark's figures.
 *
 * @param name    e.g. "sac-update-256"
 * @param unit    unit of the samples, e.g. "ms"
 * @param samples timed repetitions after warm-up
 * @param extra   other figures (GFLOP/s, RSS, ...), name to value
 */
public record BenchResult(String name, String unit, double[] samples, Map<String, Double> extra) {

    public double median() {
        return percentile(0.5);
    }

    public double percentile(double q) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] s = samples.clone();
        java.util.Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }
}
