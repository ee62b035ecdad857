package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reference values: numpy and scipy (driver/src/test/python/stats_references.py). */
class PairedBootstrapTest {
    /** d_i = 10 ((53 i mod 97) / 97)^3, i = 0..149: skewed, median 1.137570630444858, mean 2.363. */
    private static double[] skewed() {
        return IntStream.range(0, 150).mapToDouble(i -> 10 * Math.pow((i * 53 % 97) / 97.0, 3)).toArray();
    }

    @Test
    void medianIsTheSampleMedianOfTheDifferences() {
        assertEquals(1.137570630444858, PairedBootstrap.median(skewed(), 1).median(), 1e-12);
        // zeros are kept: median of 0, 0, 0, 5 is 0, not 5
        assertEquals(0.0, PairedBootstrap.median(new double[] {0, 0, 0, 5}, 1).median());
    }

    @Test
    void intervalAgreesWithTheDistributionFreeOrderStatisticInterval() {
        // The binomial interval for the median, order statistics 63 and 88 of 150 (coverage 95.9%), is
        // [0.6499, 1.8229] (scipy.stats.binom). The bootstrap percentile interval estimates about the same
        // range; 0.25 is a third of its half-width, and far from the mean (2.36) a wrong statistic would give.
        ConfidenceInterval interval = PairedBootstrap.median(skewed(), 11).interval();
        assertEquals(0.6499480098567614, interval.lower(), 0.25);
        assertEquals(1.8229420613954832, interval.upper(), 0.25);
        assertTrue(interval.contains(1.137570630444858));
    }

    @Test
    void sameSeedSameIntervalOtherSeedsOtherIntervals() {
        assertEquals(PairedBootstrap.median(skewed(), 5).interval(), PairedBootstrap.median(skewed(), 5).interval());
        // bootstrap medians take the data's values, so two seeds may give the same bounds; five may not all
        long distinct = IntStream.range(0, 5).mapToObj(seed -> PairedBootstrap.median(skewed(), seed).interval())
            .distinct().count();
        assertTrue(distinct > 1, "intervals for five seeds: " + distinct + " distinct");
    }

    @Test
    void nanDifferencesAreExcludedAndCounted() {
        PairedBootstrap result = PairedBootstrap.median(new double[] {Double.NaN, 1, 2, 3, Double.NaN}, 1);
        assertEquals(3, result.n());
        assertEquals(2, result.nanCount());
        assertEquals(2.0, result.median());
    }

    @Test
    void emptyAndSingleDifferenceHaveNoInterval() {
        PairedBootstrap empty = PairedBootstrap.median(new double[0], 1);
        assertEquals(0, empty.n());
        assertTrue(Double.isNaN(empty.median()));
        assertTrue(Double.isNaN(empty.interval().lower()));
        PairedBootstrap one = PairedBootstrap.median(new double[] {-0.5}, 1);
        assertEquals(-0.5, one.median());
        assertTrue(Double.isNaN(one.interval().upper()));
    }
}
