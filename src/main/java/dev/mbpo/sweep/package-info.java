/**
 * Many seeded runs read together: statistics across seeds as rliable reports them
 * ({@link dev.mbpo.sweep.SeedStatistics}: interquartile mean, percentile bootstrap confidence
 * intervals) and runs grouped by a setting ({@link dev.mbpo.sweep.GroupedRuns}). Uses
 * {@code config} and {@code run}; no DJL.
 */
package dev.mbpo.sweep;
