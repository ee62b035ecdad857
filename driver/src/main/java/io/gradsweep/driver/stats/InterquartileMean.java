package io.gradsweep.driver.stats;

import java.util.Arrays;

/**
 * The interquartile mean (IQM): the mean of the middle half of the values, after dropping
 * floor(n / 4) from each end, as rliable (Agarwal et al. 2021, "Deep reinforcement learning at the
 * edge of the statistical precipice") computes it with {@code scipy.stats.trim_mean(x, 0.25)}.
 * Robust to the few outlying runs that dominate a mean, yet uses more runs than a median.
 */
public final class InterquartileMean {
    private InterquartileMean() {
    }

    /** The IQM of {@code values}; NaN dropped; NaN when none remain. */
    public static double of(double[] values) {
        double[] x = Samples.withoutNaN(values);
        if (x.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(x);
        return ofSorted(x);
    }

    /** The IQM of values already sorted ascending, none NaN. */
    static double ofSorted(double[] sorted) {
        int cut = sorted.length / 4;
        double sum = 0;
        for (int i = cut; i < sorted.length - cut; i++) {
            sum += sorted[i];
        }
        return sum / (sorted.length - 2 * cut);
    }
}
