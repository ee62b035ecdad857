package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The sample median with its distribution-free order-statistic interval [x_(k), x_(n-k+1)]: the
 * number of observations below the true median is Binomial(n, 1/2), so the interval covers it
 * with probability 1 - 2 P(B <= k - 1) for any continuous distribution (and at least that with
 * ties, the interval being closed). k is the largest with coverage >= level (Conover 1999, sec.
 * 3.2; the ranks of R's {@code DescTools::MedianCI(method = "exact")}, qbinom((1 - level) / 2, n,
 * 1/2)). Where no k reaches the level (n <= 5 at 95%) the interval is (-inf, +inf) and flagged.
 */
public final class MedianInterval implements java.io.Serializable {
    private final int n;
    private final int nanCount;
    private final double median;
    private final ConfidenceInterval interval;
    private final double coverage;
    private final int rank;

    private MedianInterval(int n, int nanCount, double median, ConfidenceInterval interval, double coverage,
            int rank) {
        this.n = n;
        this.nanCount = nanCount;
        this.median = median;
        this.interval = interval;
        this.coverage = coverage;
        this.rank = rank;
    }

    /** The median of {@code sample} (NaN dropped and counted) and its interval at {@code level}. */
    public static MedianInterval orderStatistic(double[] sample, double level) {
        Samples.checkLevel(level);
        double[] x = Samples.withoutNaN(sample);
        Arrays.sort(x);
        int n = x.length;
        if (n == 0) {
            return new MedianInterval(0, sample.length, Double.NaN, ConfidenceInterval.undefined(level), Double.NaN,
                0);
        }
        double median = n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
        BinomialDistribution binomial = new BinomialDistribution(null, n, 0.5);
        double alpha = 1 - level;
        int k = 0;
        while (k < (n + 1) / 2 && binomial.cumulativeProbability(k) <= alpha / 2) {
            k++; // P(B <= k - 1) <= alpha / 2 holds for the new k
        }
        if (k == 0) {
            return new MedianInterval(n, sample.length - n, median,
                new ConfidenceInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, level), Double.NaN, 0);
        }
        double coverage = 1 - 2 * binomial.cumulativeProbability(k - 1);
        return new MedianInterval(n, sample.length - n, median, new ConfidenceInterval(x[k - 1], x[n - k], level),
            coverage, k);
    }

    public int n() {
        return n;
    }

    public int nanCount() {
        return nanCount;
    }

    /** The sample median (mean of the middle two when n is even). */
    public double median() {
        return median;
    }

    /** [x_(k), x_(n-k+1)]; (-inf, +inf) when not attainable. */
    public ConfidenceInterval interval() {
        return interval;
    }

    /** Achieved coverage 1 - 2 P(B <= k - 1) >= level; NaN when not attainable. */
    public double coverage() {
        return coverage;
    }

    /** k: the interval's lower order statistic (1-based); 0 when not attainable. */
    public int rank() {
        return rank;
    }

    public boolean attainable() {
        return rank > 0;
    }

    /** True: the coverage is exact (binomial), not asymptotic. */
    public boolean exact() {
        return true;
    }

    public String method() {
        if (n == 0) {
            return "median, no values";
        }
        if (!attainable()) {
            return String.format(Locale.ROOT, "median, %d values: too few for a %.0f%% order-statistic interval", n,
                100 * interval.level());
        }
        return String.format(Locale.ROOT, "median, order-statistic interval (ranks %d and %d of %d, exact coverage"
            + " %.1f%%)", rank, n - rank + 1, n, 100 * coverage);
    }

    @Override
    public String toString() {
        return "MedianInterval[n=" + n + ", median=" + median + ", interval=" + interval + ", coverage=" + coverage
            + "]";
    }
}
