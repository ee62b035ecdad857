package io.gradsweep.driver.stats;

import java.util.Arrays;

/**
 * Median of paired differences with a percentile-bootstrap confidence interval, resampling whole
 * pairs (a difference is one pair): the size of an effect, in the metric's own units, to report
 * beside the Wilcoxon test. Zero differences are kept here (they are part of the effect); NaN
 * differences are excluded and counted.
 */
public final class PairedBootstrap {
    private final int n;
    private final int nanCount;
    private final double median;
    private final ConfidenceInterval interval;

    private PairedBootstrap(int n, int nanCount, double median, ConfidenceInterval interval) {
        this.n = n;
        this.nanCount = nanCount;
        this.median = median;
        this.interval = interval;
    }

    /** The median difference with a 95% interval from {@value PercentileBootstrap#DEFAULT_RESAMPLES} resamples seeded by {@code seed}. */
    public static PairedBootstrap median(double[] differences, long seed) {
        return median(differences, seed, PercentileBootstrap.DEFAULT_RESAMPLES, 0.95);
    }

    /**
     * The median difference (type 7) with a {@code level} interval from {@code resamples}
     * resamples. No differences: median NaN; one difference: the median is it, the interval NaN.
     */
    public static PairedBootstrap median(double[] differences, long seed, int resamples, double level) {
        double[] kept = Samples.withoutNaN(differences);
        double[] sorted = kept.clone();
        Arrays.sort(sorted);
        ConfidenceInterval interval = PercentileBootstrap.interval(kept, PairedBootstrap::medianInPlace, resamples,
            level, seed);
        return new PairedBootstrap(kept.length, differences.length - kept.length, Quantiles.type7(sorted, 0.5),
            interval);
    }

    private static double medianInPlace(double[] values) {
        Arrays.sort(values);
        return Quantiles.type7(values, 0.5);
    }

    /** Differences used (not NaN). */
    public int n() {
        return n;
    }

    /** NaN differences excluded. */
    public int nanCount() {
        return nanCount;
    }

    /** Median of the differences. */
    public double median() {
        return median;
    }

    /** Percentile-bootstrap interval of the median. */
    public ConfidenceInterval interval() {
        return interval;
    }

    @Override
    public String toString() {
        return "PairedBootstrap[n=" + n + ", nan=" + nanCount + ", median=" + median + ", interval=" + interval + "]";
    }
}
