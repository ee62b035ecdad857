/**
 * Statistics for the {@code analyze} command: summaries with bootstrap intervals, proportions
 * with Wilson intervals, Kaplan-Meier curves of time-to-threshold, the chi-square log-rank test
 * (the reference the permutation version is checked against) and Holm's correction.
 *
 * <p>Exact inference for few pairs: {@link io.gradsweep.driver.stats.SignedRankTest} (exact with
 * ties), {@link io.gradsweep.driver.stats.SignTest}, {@link io.gradsweep.driver.stats.MinimumP}
 * (the 2/2^n floor), {@link io.gradsweep.driver.stats.HodgesLehmann} and
 * {@link io.gradsweep.driver.stats.MedianInterval} (order-statistic intervals with their achieved
 * coverage), {@link io.gradsweep.driver.stats.EquivalenceTest} (TOST) and
 * {@link io.gradsweep.driver.stats.PermutationLogRank}. Censoring-aware effects:
 * {@link io.gradsweep.driver.stats.RestrictedMeanTime}, {@link io.gradsweep.driver.stats.FirstToEvent},
 * {@link io.gradsweep.driver.stats.Turnbull} for interval-censored times. Across cells:
 * {@link io.gradsweep.driver.stats.Heterogeneity}; rliable-style aggregates:
 * {@link io.gradsweep.driver.stats.InterquartileMean}, {@link io.gradsweep.driver.stats.StratifiedBootstrap},
 * {@link io.gradsweep.driver.stats.PerformanceProfile}. Every test result says by {@code exact()}
 * whether its p-value is exact and by {@code method()} how it was computed, for captions.
 *
 * <p>Pure Java: no Spark. Distributions, ranking and linear algebra come from commons-math3
 * (3.6.1, which Spark brings); the rest is written here where commons-math3 is missing or
 * differs from R. Every random choice comes from a {@code Well19937c} seeded by the caller, a
 * generator fully specified by its published algorithm, so every result is reproducible; a row's
 * seed comes from {@link io.gradsweep.driver.stats.Streams#derive}, so rows draw independent
 * streams that do not shift when other rows change.
 *
 * <p>Conventions: NaN inputs are excluded and counted, never silently used; a value that the
 * data cannot define (an interval from one observation, a p-value from no pairs, a median the
 * curve never reaches) is NaN, as NaN is already how the output tables spell "no value". Pairs
 * that all tie (identical arms) are data, not missing: their exact p is 1.
 */
package io.gradsweep.driver.stats;
