/**
 * Statistics for the {@code analyze} command: summaries with bootstrap intervals, proportions
 * with Wilson intervals, Kaplan-Meier curves of time-to-threshold, the log-rank test, the
 * Wilcoxon signed-rank test with its rank-biserial effect size, a paired bootstrap of the median
 * difference and Holm's correction.
 *
 * <p>Pure Java: no Spark. Distributions, ranking and linear algebra come from commons-math3
 * (3.6.1, which Spark brings); the rest is written here where commons-math3 is missing or
 * differs from R. Every random choice comes from a {@code Well19937c} seeded by the caller, a
 * generator fully specified by its published algorithm, so every result is reproducible.
 *
 * <p>Conventions: NaN inputs are excluded and counted, never silently used; a value that the
 * data cannot define (an interval from one observation, a p-value from no pairs, a median the
 * curve never reaches) is NaN, as NaN is already how the output tables spell "no value".
 */
package io.gradsweep.driver.stats;
