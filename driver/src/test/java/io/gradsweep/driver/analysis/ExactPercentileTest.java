package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Spark's exact percentile as the analysis computes it without Spark, against numpy's default
 * (linear) percentile: the expected quartiles were computed offline with numpy 2.4.6,
 * {@code np.percentile(x, [25, 50, 75])}; every value here is exact in binary, so the two ways of
 * writing the interpolation give the same double.
 */
class ExactPercentileTest {
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};

    @Test
    void oneValueIsEveryPercentile() {
        assertArrayEquals(new double[] {3.5, 3.5, 3.5}, ExactPercentile.of(new double[] {3.5}, QUARTILES));
    }

    @Test
    void anEvenCountInterpolatesBetweenTheClosestRanks() {
        assertArrayEquals(new double[] {1.75, 2.5, 3.25}, ExactPercentile.of(new double[] {1.0, 4.0}, QUARTILES));
        assertArrayEquals(new double[] {2.5, 5.0, 7.75}, ExactPercentile.of(new double[] {7.0, 1.0, 3.0, 10.0}, QUARTILES));
    }

    @Test
    void anOddCountFallsOnRanks() {
        assertArrayEquals(new double[] {0.2, 0.4, 0.7}, ExactPercentile.of(new double[] {0.1, 0.7, 0.2, 0.9, 0.4}, QUARTILES));
    }

    @Test
    void tiesCountEachTime() {
        assertArrayEquals(new double[] {2.0, 2.0, 5.0}, ExactPercentile.of(new double[] {2.0, 2.0, 2.0, 5.0, 9.0}, QUARTILES));
        assertArrayEquals(new double[] {2.0}, ExactPercentile.of(new double[] {9.0, 2.0, 2.0}, 0.5));
    }

    /** Spark orders NaN above every number (numpy propagates it instead): by hand, sorted {1, 3, NaN}. */
    @Test
    void nanSortsLastAsInSpark() {
        assertArrayEquals(new double[] {2.0, 3.0, Double.NaN}, ExactPercentile.of(new double[] {1.0, Double.NaN, 3.0}, QUARTILES));
    }

    @Test
    void noValuesIsNull() {
        assertNull(ExactPercentile.of(new double[0], QUARTILES));
    }

    @Test
    void theInputIsLeftAsItWas() {
        double[] values = {3.0, 1.0, 2.0};
        ExactPercentile.of(values, 0.5);
        assertArrayEquals(new double[] {3.0, 1.0, 2.0}, values);
    }
}
