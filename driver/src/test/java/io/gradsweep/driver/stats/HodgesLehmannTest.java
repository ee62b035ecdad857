package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Expected values: R 4.2.2, computed offline, {@code wilcox.test(d, conf.int = TRUE, exact = TRUE)}
 * ($estimate, $conf.int) and {@code 1 - 2 * psignrank(qsignrank(0.025, n) - 1, n)} for the
 * achieved coverage.
 */
class HodgesLehmannTest {
    static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    static double[] depressionDifferences() {
        double[] d = new double[X.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = X[i] - Y[i];
        }
        return d;
    }

    @Test
    void hollanderWolfeDataMatchR() {
        // R: wilcox.test(x, y, paired = TRUE, conf.int = TRUE): (pseudo)median 0.46, 95% CI 0.010 to 0.786;
        // conf.level = 0.9: 0.175 to 0.726. n = 9: qsignrank(0.025, 9) = 6, coverage 0.9609375
        HodgesLehmann hl = HodgesLehmann.paired(depressionDifferences(), 0.95);
        assertEquals(0.46, hl.estimate(), 1e-12);
        assertEquals(0.01, hl.interval().lower(), 1e-12);
        assertEquals(0.786, hl.interval().upper(), 1e-12);
        assertEquals(0.9609375, hl.coverage(), 1e-15);
        assertTrue(hl.attainable());
        assertTrue(hl.exact());
        assertEquals("Hodges-Lehmann, exact 96.1% interval (Walsh averages 6th from each end), 9 pairs", hl.method());
        HodgesLehmann ninety = HodgesLehmann.paired(depressionDifferences(), 0.90);
        assertEquals(0.175, ninety.interval().lower(), 1e-12);
        assertEquals(0.726, ninety.interval().upper(), 1e-12);
    }

    @Test
    void sixPairsGiveTheRangeWithCoverage96875() {
        // R: wilcox.test(c(0.3, -0.1, 0.7, 1.2, 0.45, 0.9), conf.int = TRUE): 0.575, CI -0.1 to 1.2
        HodgesLehmann hl = HodgesLehmann.paired(new double[] {0.3, -0.1, 0.7, 1.2, 0.45, 0.9}, 0.95);
        assertEquals(0.575, hl.estimate(), 1e-12);
        assertEquals(-0.1, hl.interval().lower(), 1e-12);
        assertEquals(1.2, hl.interval().upper(), 1e-12);
        assertEquals(0.96875, hl.coverage(), 1e-15);
    }

    @Test
    void achievedCoverageMatchesRsSignRankQuantiles() {
        // R: n = 7: 0.953125, 8: 0.9609375, 10: 0.951171875, 20: 0.95155906677246094
        double[] expected = {0, 0, 0, 0, 0, 0, 0, 0.953125, 0.9609375, 0.9609375, 0.951171875};
        for (int n = 7; n <= 10; n++) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = i + 1;
            }
            assertEquals(expected[n], HodgesLehmann.paired(d, 0.95).coverage(), 1e-15, "n = " + n);
        }
        double[] d20 = new double[20];
        Arrays.setAll(d20, i -> i * 0.37 - 2);
        assertEquals(0.95155906677246094, HodgesLehmann.paired(d20, 0.95).coverage(), 1e-14);
    }

    @Test
    void seventyPairsMatchRsExactInterval() {
        // R: set.seed(1); d <- round(rnorm(70, 0.3), 4); wilcox.test(d, conf.int = TRUE, exact = TRUE):
        // estimate 0.46695, CI 0.2535 to 0.6772; qsignrank(0.025, 70) = 908, coverage 0.95048258948702535
        double[] d = {-0.3265, 0.4836, -0.5356, 1.8953, 0.6295, -0.5205, 0.7874, 1.0383, 0.8758, -0.0054, 1.8118,
            0.6898, -0.3212, -1.9147, 1.4249, 0.2551, 0.2838, 1.2438, 1.1212, 0.8939, 1.219, 1.0821, 0.3746, -1.6894,
            0.9198, 0.2439, 0.1442, -1.1708, -0.1782, 0.7179, 1.6587, 0.1972, 0.6877, 0.2462, -1.0771, -0.115, -0.0943,
            0.2407, 1.4, 1.0632, 0.1355, 0.0466, 0.997, 0.8567, -0.3888, -0.4075, 0.6646, 1.0685, 0.1877, 1.1811,
            0.6981, -0.312, 0.6411, -0.8294, 1.733, 2.2804, -0.0672, -0.7441, 0.8697, 0.1649, 2.7016, 0.2608, 0.9897,
            0.328, -0.4433, 0.4888, -1.505, 1.7656, 0.4533, 2.4726};
        HodgesLehmann hl = HodgesLehmann.paired(d, 0.95);
        assertEquals(0.46695, hl.estimate(), 1e-12);
        assertEquals(0.2535, hl.interval().lower(), 1e-12);
        assertEquals(0.6772, hl.interval().upper(), 1e-12);
        assertEquals(0.95048258948702535, hl.coverage(), 1e-12);
    }

    @Test
    void fivePairsCannotReach95Percent() {
        // 1 - 2 / 2^5 = 0.9375 < 0.95 even for [min, max] (R warns "requested conf.level not achievable")
        HodgesLehmann hl = HodgesLehmann.paired(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertFalse(hl.attainable());
        assertEquals(Double.NEGATIVE_INFINITY, hl.interval().lower());
        assertEquals(Double.POSITIVE_INFINITY, hl.interval().upper());
        assertEquals(3, hl.estimate(), 1e-15);
        assertTrue(hl.method().contains("too few"));
        // at 90% five pairs suffice: 1 - 2/32 = 0.9375 >= 0.9
        assertTrue(HodgesLehmann.paired(new double[] {1, 2, 3, 4, 5}, 0.90).attainable());
    }

    @Test
    void constantDifferencesGiveTheConstantAndSwappingArmsNegates() {
        HodgesLehmann zero = HodgesLehmann.paired(new double[] {0, 0, 0, 0, 0, 0, 0}, 0.95);
        assertEquals(0, zero.estimate());
        assertEquals(0, zero.interval().lower());
        assertEquals(0, zero.interval().upper());
        double[] d = depressionDifferences();
        HodgesLehmann a = HodgesLehmann.paired(d, 0.95);
        HodgesLehmann b = HodgesLehmann.paired(Arrays.stream(d).map(x -> -x).toArray(), 0.95);
        assertEquals(-a.estimate(), b.estimate(), 1e-12);
        assertEquals(-a.interval().upper(), b.interval().lower(), 1e-12);
        assertEquals(-a.interval().lower(), b.interval().upper(), 1e-12);
    }

    @Test
    void coverageHoldsWithHeavyTies() {
        // integer differences round(N(1/2, 1)) are symmetric about 1/2, their pseudo-median; with ties the
        // closed interval should cover at least as often as stated (simulated: n = 10 covers ~97%)
        java.util.Random random = new java.util.Random(5);
        int trials = 5000;
        int covered = 0;
        HodgesLehmann last = null;
        for (int t = 0; t < trials; t++) {
            double[] d = new double[10];
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.rint(0.5 + random.nextGaussian());
            }
            last = HodgesLehmann.paired(d, 0.95);
            covered += last.interval().contains(0.5) ? 1 : 0;
        }
        double coverage = covered / (double) trials;
        // at least the stated 0.951171875 less 3 SE of the simulation
        assertTrue(coverage >= last.coverage() - 3 * Math.sqrt(0.95 * 0.05 / trials), "coverage " + coverage);
    }

    @Test
    void untiedTailMatchesTheLongCountingDistribution() {
        // two independent counts of the same null: probabilities halved per rank against integer counts
        double[] tail = HodgesLehmann.untiedLowerTail(20);
        SignedRankDistribution counts = SignedRankDistribution.untied(20);
        for (int v = 0; v <= 210; v++) {
            assertEquals(counts.atOrBelow(2 * v), tail[v], 1e-14);
        }
    }
}
