package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Expected ranks and coverage: R 4.2.2 offline, k = {@code qbinom(0.025, n, 0.5)} and
 * {@code 1 - 2 * pbinom(k - 1, n, 0.5)} (DescTools' exact MedianCI rule); the coverage claim is
 * also checked by simulation.
 */
class MedianIntervalTest {
    @Test
    void ranksAndCoverageMatchR() {
        // n = 6: k 1, 0.96875; 8: 1, 0.9921875; 10: 2, 0.978515625; 20: 6, 0.95861053466796875;
        // 50: 18, 0.96716086243573141
        int[] ns = {6, 8, 10, 20, 50};
        int[] ks = {1, 1, 2, 6, 18};
        double[] cover = {0.96875, 0.9921875, 0.978515625, 0.95861053466796875, 0.96716086243573141};
        for (int i = 0; i < ns.length; i++) {
            double[] x = new double[ns[i]];
            for (int j = 0; j < x.length; j++) {
                x[j] = x.length - j; // descending: the interval must sort
            }
            MedianInterval m = MedianInterval.orderStatistic(x, 0.95);
            assertEquals(ks[i], m.rank(), "n " + ns[i]);
            assertEquals(cover[i], m.coverage(), 1e-12, "n " + ns[i]);
            assertEquals(ks[i], m.interval().lower(), 0); // x_(k) = k here
            assertEquals(ns[i] - ks[i] + 1, m.interval().upper(), 0);
        }
    }

    @Test
    void tenValuesGiveSecondAndNinthAndTheMedian() {
        double[] x = {3.1, 0.4, 2.2, 5.0, 1.7, 4.4, 2.9, 0.9, 3.8, 2.0};
        MedianInterval m = MedianInterval.orderStatistic(x, 0.95);
        assertEquals((2.2 + 2.9) / 2, m.median(), 1e-15);
        assertEquals(0.9, m.interval().lower(), 0);
        assertEquals(4.4, m.interval().upper(), 0);
        assertEquals("median, order-statistic interval (ranks 2 and 9 of 10, exact coverage 97.9%)", m.method());
        // R: qbinom(0.05, 9, 0.5) = 2, coverage 0.9609375 at 90%
        assertEquals(0.9609375, MedianInterval.orderStatistic(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0.9)
            .coverage(), 1e-15);
    }

    @Test
    void fiveValuesCannotReach95AndConstantsGiveTheConstant() {
        MedianInterval five = MedianInterval.orderStatistic(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertFalse(five.attainable());
        assertTrue(Double.isInfinite(five.interval().lower()));
        MedianInterval constant = MedianInterval.orderStatistic(new double[] {7, 7, 7, 7, 7, 7, 7}, 0.95);
        assertEquals(7, constant.interval().lower());
        assertEquals(7, constant.interval().upper());
    }

    @Test
    void simulatedCoverageIsAtLeastTheLevel() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 12;
        int covered = 0;
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = -Math.log(random.nextDouble()); // Exp(1), median ln 2
            }
            covered += MedianInterval.orderStatistic(x, 0.95).interval().contains(Math.log(2)) ? 1 : 0;
        }
        // exact coverage for n = 12: k = 3, 1 - 2 * pbinom(2, 12, .5) = 0.96142578125; 4 SE of 20000 draws
        assertEquals(0.96142578125, covered / (double) trials, 4 * Math.sqrt(0.0386 * 0.9614 / trials));
    }
}
