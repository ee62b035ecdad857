package io.gradsweep.driver.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A proportion k/n with its Wilson score interval (Wilson 1927; method 3 of Newcombe 1998),
 * without continuity correction. Chosen over the Wald interval because it stays inside [0, 1]
 * and keeps its coverage near 0/n and n/n, where "runs that diverged" often sit.
 */
public final class WilsonInterval implements java.io.Serializable {
    private final long successes;
    private final long trials;
    private final ConfidenceInterval interval;

    private WilsonInterval(long successes, long trials, ConfidenceInterval interval) {
        this.successes = successes;
        this.trials = trials;
        this.interval = interval;
    }

    /** The 95% interval of k successes in n trials. */
    public static WilsonInterval of(long k, long n) {
        return of(k, n, 0.95);
    }

    /**
     * The {@code level} interval of k successes in n trials (0 <= k <= n). With n = 0 the
     * proportion and both bounds are NaN: nothing was observed.
     */
    public static WilsonInterval of(long k, long n, double level) {
        Samples.checkLevel(level);
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k = " + k + ", n = " + n);
        }
        if (n == 0) {
            return new WilsonInterval(k, n, ConfidenceInterval.undefined(level));
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        double p = (double) k / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double halfWidth = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
        // at k = 0 and k = n the bounds are exactly 0 and 1; rounding would leave them just off
        double lower = k == 0 ? 0 : centre - halfWidth;
        double upper = k == n ? 1 : centre + halfWidth;
        return new WilsonInterval(k, n, new ConfidenceInterval(lower, upper, level));
    }

    /** k. */
    public long successes() {
        return successes;
    }

    /** n. */
    public long trials() {
        return trials;
    }

    /** k / n; NaN when n = 0. */
    public double proportion() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** The Wilson score interval. */
    public ConfidenceInterval interval() {
        return interval;
    }

    @Override
    public String toString() {
        return successes + "/" + trials + " " + interval;
    }
}
