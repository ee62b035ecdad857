package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reference values: numpy 2.4 (driver/src/test/python/stats_references.py), unless said otherwise. */
class SummaryTest {
    private static final double EXACT = 1e-12;

    @Test
    void quartilesInterpolateLinearlyAsRAndNumpyDefaults() {
        // numpy.percentile([3.5, 1, 7.25, 2, 10, 4, 6], [25, 50, 75]) = [2.75, 4, 6.625]; mean 4.821428571428571
        Summary s = Summary.of(new double[] {3.5, 1.0, 7.25, 2.0, 10.0, 4.0, 6.0}, 1);
        assertEquals(7, s.n());
        assertEquals(2.75, s.firstQuartile(), EXACT);
        assertEquals(4.0, s.median(), EXACT);
        assertEquals(6.625, s.thirdQuartile(), EXACT);
        assertEquals(4.821428571428571, s.mean(), EXACT);
    }

    @Test
    void evenCountMedianIsMeanOfMiddleValues() {
        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25] (type 6 would give 1.25 and 3.75)
        Summary s = Summary.of(new double[] {4, 3, 2, 1}, 1);
        assertEquals(1.75, s.firstQuartile(), EXACT);
        assertEquals(2.5, s.median(), EXACT);
        assertEquals(3.25, s.thirdQuartile(), EXACT);
    }

    @Test
    void nanValuesAreExcludedAndCounted() {
        Summary s = Summary.of(new double[] {Double.NaN, 4, 3, Double.NaN, 2, 1}, 1);
        assertEquals(4, s.n());
        assertEquals(2, s.nanCount());
        assertEquals(2.5, s.median(), EXACT);
        assertEquals(2.5, s.mean(), EXACT);
    }

    @Test
    void emptyOrAllNaNSampleHasOnlyNaNStatistics() {
        for (double[] values : new double[][] {{}, {Double.NaN, Double.NaN}}) {
            Summary s = Summary.of(values, 1);
            assertEquals(0, s.n());
            assertEquals(values.length, s.nanCount());
            assertTrue(Double.isNaN(s.median()));
            assertTrue(Double.isNaN(s.firstQuartile()));
            assertTrue(Double.isNaN(s.mean()));
            assertTrue(Double.isNaN(s.meanInterval().lower()));
            assertTrue(Double.isNaN(s.meanInterval().upper()));
        }
    }

    @Test
    void singleValueHasItsValueButNoInterval() {
        Summary s = Summary.of(new double[] {0.25}, 1);
        assertEquals(1, s.n());
        assertEquals(0.25, s.firstQuartile());
        assertEquals(0.25, s.median());
        assertEquals(0.25, s.thirdQuartile());
        assertEquals(0.25, s.mean());
        assertTrue(Double.isNaN(s.meanInterval().lower()));
        assertTrue(Double.isNaN(s.meanInterval().upper()));
    }

    @Test
    void bootstrapIntervalIsReproducibleForASeedAndDiffersAcrossSeeds() {
        double[] values = sample();
        assertEquals(Summary.of(values, 42).meanInterval(), Summary.of(values, 42).meanInterval());
        assertNotEquals(Summary.of(values, 42).meanInterval(), Summary.of(values, 43).meanInterval());
    }

    @Test
    void bootstrapIntervalOfMeanAgreesWithNormalTheoryForALargeSample() {
        // x_i = (37 i mod 101) / 10, i = 0..199: mean 5.0045, s / sqrt(n) x 1.959964 = 0.40623, so the
        // normal-theory 95% interval is [4.598270, 5.410730] (python3, scipy.stats.norm.ppf). The
        // percentile bootstrap estimates the same interval; 8% of the half-width allows for its Monte
        // Carlo error (about 3% at B = 2000) but not for a 90% interval (16% narrower).
        Summary s = Summary.of(sample(), 7);
        double halfWidth = 0.4062303311287622;
        assertEquals(5.0045, s.mean(), EXACT);
        assertEquals(4.598269668871238, s.meanInterval().lower(), 0.08 * halfWidth);
        assertEquals(5.410730331128763, s.meanInterval().upper(), 0.08 * halfWidth);
        assertEquals(0.95, s.meanInterval().level());
    }

    @Test
    void infiniteValueIsKeptAndMakesTheMeanInfinite() {
        Summary s = Summary.of(new double[] {1, 2, Double.POSITIVE_INFINITY}, 1);
        assertEquals(3, s.n());
        assertEquals(2, s.median(), EXACT);
        assertEquals(Double.POSITIVE_INFINITY, s.mean());
    }

    @Test
    void confidenceLevelOutsideZeroOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(sample(), 1, 2000, 95));
    }

    private static double[] sample() {
        return IntStream.range(0, 200).mapToDouble(i -> (i * 37 % 101) / 10.0).toArray();
    }
}
