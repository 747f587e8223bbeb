package dev.mbpo.sweep;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Statistics over a handful of seeds, as rliable (Agarwal et al. 2021) recommends reporting them:
 * the interquartile mean, and percentile bootstrap confidence intervals. With at most
 * {@value #EXACT_UP_TO} values the bootstrap is exact (every one of the n^n resamples, equally
 * likely), so the interval is a fixed number that can be checked by hand; with more it draws
 * {@value #RESAMPLES} resamples from a seeded generator.
 */
public final class SeedStatistics {
    /** Sample sizes up to this get the exact bootstrap (7^7 = 823,543 resamples). */
    public static final int EXACT_UP_TO = 7;
    public static final int RESAMPLES = 20_000;

    private SeedStatistics() {
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * The interquartile mean: the mean of what is left after cutting floor(n / 4) values from each
     * end of the sorted sample (scipy's {@code trim_mean(x, 0.25)}, which rliable uses).
     */
    public static double iqm(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int cut = x.length / 4;
        return mean(Arrays.copyOfRange(s, cut, s.length - cut));
    }

    /** Which statistic the bootstrap resamples. */
    public enum Statistic { MEAN, IQM }

    /**
     * The percentile bootstrap interval of {@code statistic} at {@code confidence} (0.95: the 2.5th and
     * 97.5th percentiles of the bootstrap distribution, interpolated linearly between order statistics).
     *
     * @return {low, high}; {v, v} for one value; NaNs for none
     */
    public static double[] bootstrap(double[] x, Statistic statistic, double confidence, long seed) {
        int n = x.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] stats = n <= EXACT_UP_TO ? exact(x, statistic) : sampled(x, statistic, seed);
        Arrays.sort(stats);
        double tail = (1 - confidence) / 2;
        return new double[] {quantile(stats, tail), quantile(stats, 1 - tail)};
    }

    /** Every resample of n from n with replacement (n^n of them). */
    private static double[] exact(double[] x, Statistic statistic) {
        int n = x.length;
        int total = 1;
        for (int i = 0; i < n; i++) {
            total *= n;
        }
        double[] out = new double[total];
        int[] index = new int[n];
        double[] sample = new double[n];
        for (int k = 0; k < total; k++) {
            for (int i = 0; i < n; i++) {
                sample[i] = x[index[i]];
            }
            out[k] = of(sample, statistic);
            for (int i = 0; i < n; i++) { // next index tuple, as an odometer
                if (++index[i] < n) {
                    break;
                }
                index[i] = 0;
            }
        }
        return out;
    }

    private static double[] sampled(double[] x, Statistic statistic, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[RESAMPLES];
        double[] sample = new double[x.length];
        for (int k = 0; k < RESAMPLES; k++) {
            for (int i = 0; i < x.length; i++) {
                sample[i] = x[r.nextInt(x.length)];
            }
            out[k] = of(sample, statistic);
        }
        return out;
    }

    private static double of(double[] sample, Statistic statistic) {
        return statistic == Statistic.MEAN ? mean(sample) : iqm(sample);
    }

    /** The q-quantile of sorted values, linear between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The median of values (the mean of the middle two for an even count). */
    public static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return quantile(s, 0.5);
    }
}
