package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.Well19937c;

/**
 * Percentile bootstrap confidence interval of a statistic (Efron and Tibshirani 1993, ch. 13):
 * the statistic of B resamples drawn with replacement, and the interval between their alpha/2
 * and 1 - alpha/2 quantiles (type 7, as {@link Quantiles}).
 */
public final class PercentileBootstrap {
    /** Resamples by default: enough for stable 2.5% and 97.5% quantiles (Efron and Tibshirani 1993, sec. 19.3). */
    public static final int DEFAULT_RESAMPLES = 2000;

    private PercentileBootstrap() {
    }

    /**
     * The interval for {@code statistic} of {@code sample} (no NaN). Undefined (NaN bounds) for
     * fewer than 2 values: one value resamples only to itself, and a zero-width interval would
     * claim a certainty the data do not give. The same seed gives the same interval.
     * {@code statistic} may reorder the array it is given (a reused buffer).
     */
    public static ConfidenceInterval interval(double[] sample, ToDoubleFunction<double[]> statistic, int resamples,
            double level, long seed) {
        Samples.checkLevel(level);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        int n = sample.length;
        if (n < 2) {
            return ConfidenceInterval.undefined(level);
        }
        // Well19937c, not SplittableRandom: its output is fixed by the published algorithm and the
        // pinned library, not by a JDK version
        Well19937c random = new Well19937c(seed);
        double[] statistics = new double[resamples];
        double[] resample = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                resample[i] = sample[random.nextInt(n)];
            }
            statistics[b] = statistic.applyAsDouble(resample);
        }
        Arrays.sort(statistics);
        double alpha = 1 - level;
        return new ConfidenceInterval(Quantiles.type7(statistics, alpha / 2), Quantiles.type7(statistics, 1 - alpha / 2),
            level);
    }
}
