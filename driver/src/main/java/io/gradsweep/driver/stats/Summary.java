package io.gradsweep.driver.stats;

import java.util.Arrays;

/**
 * Summary of a sample: count, quartiles (type 7, as R's and numpy's defaults), mean and a
 * percentile-bootstrap confidence interval for the mean. NaN values are excluded and counted;
 * infinities are kept (a diverged run's infinite loss is data, and makes the mean infinite).
 */
public final class Summary implements java.io.Serializable {
    private final int n;
    private final int nanCount;
    private final double firstQuartile;
    private final double median;
    private final double thirdQuartile;
    private final double mean;
    private final ConfidenceInterval meanInterval;

    private Summary(int n, int nanCount, double firstQuartile, double median, double thirdQuartile, double mean,
            ConfidenceInterval meanInterval) {
        this.n = n;
        this.nanCount = nanCount;
        this.firstQuartile = firstQuartile;
        this.median = median;
        this.thirdQuartile = thirdQuartile;
        this.mean = mean;
        this.meanInterval = meanInterval;
    }

    /** The summary with a 95% interval from {@value PercentileBootstrap#DEFAULT_RESAMPLES} resamples seeded by {@code seed}. */
    public static Summary of(double[] values, long seed) {
        return of(values, seed, PercentileBootstrap.DEFAULT_RESAMPLES, 0.95);
    }

    /**
     * The summary with a {@code level} interval from {@code resamples} resamples seeded by
     * {@code seed}. Empty (or all NaN): every statistic NaN. One value: the quartiles and mean are
     * that value, the interval is undefined (NaN).
     */
    public static Summary of(double[] values, long seed, int resamples, double level) {
        double[] sorted = Samples.withoutNaN(values);
        Arrays.sort(sorted);
        int n = sorted.length;
        double mean = n == 0 ? Double.NaN : mean(sorted);
        return new Summary(n, values.length - n, Quantiles.type7(sorted, 0.25), Quantiles.type7(sorted, 0.5),
            Quantiles.type7(sorted, 0.75), mean,
            PercentileBootstrap.interval(sorted, Summary::mean, resamples, level, seed));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Values used (not NaN). */
    public int n() {
        return n;
    }

    /** NaN values excluded. */
    public int nanCount() {
        return nanCount;
    }

    /** First quartile, type 7. */
    public double firstQuartile() {
        return firstQuartile;
    }

    /** Median, type 7 (the mean of the two middle values when n is even). */
    public double median() {
        return median;
    }

    /** Third quartile, type 7. */
    public double thirdQuartile() {
        return thirdQuartile;
    }

    /** Arithmetic mean. */
    public double mean() {
        return mean;
    }

    /** Percentile-bootstrap confidence interval for the mean. */
    public ConfidenceInterval meanInterval() {
        return meanInterval;
    }

    @Override
    public String toString() {
        return "Summary[n=" + n + ", nan=" + nanCount + ", q1=" + firstQuartile + ", median=" + median + ", q3="
            + thirdQuartile + ", mean=" + mean + ", meanInterval=" + meanInterval + "]";
    }
}
