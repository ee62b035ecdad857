package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Published: Hollander and Wolfe (1973), Nonparametric Statistical Methods, p. 29f (Hamilton
 * depression scale, 9 patients), the example of R's {@code ?wilcox.test}: {@code wilcox.test(x, y,
 * paired = TRUE)} gives V = 40, p-value = 0.03906. Other
 * values: scipy 1.17 {@code stats.wilcoxon} (zero_method="wilcox", correction=True) and the hand
 * computation in the comments (driver/src/test/python/stats_references.py).
 */
class WilcoxonSignedRankTest {
    @Test
    void depressionDataGiveV40AndExactP0039() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        WilcoxonSignedRank test = WilcoxonSignedRank.test(d);
        assertEquals(9, test.n());
        assertEquals(40, test.positiveRankSum());
        assertEquals(5, test.negativeRankSum());
        assertTrue(test.exact());
        assertEquals(0.0390625, test.pValue(), 1e-15); // 2 x 10 / 2^9: R's 0.03906, scipy 0.0390625
        // Kerby (2014): r = (40 - 5) / 45
        assertEquals(35.0 / 45, test.rankBiserialCorrelation(), 1e-15);
    }

    @Test
    void zerosAreDroppedBeforeRankingAndTheExactPUsesTheRest() {
        // nonzero 1, -2, 3, 4, 5, 6: n = 6, W+ = 19, W- = 2; P(W+ <= 2) = #{{}, {1}, {2}} / 64, p = 6/64
        // = 0.09375 (scipy with zero_method="wilcox" agrees)
        WilcoxonSignedRank test = WilcoxonSignedRank.test(new double[] {0, 0, 1, -2, 3, 4, 5, 6});
        assertEquals(6, test.n());
        assertEquals(2, test.zeroCount());
        assertEquals(19, test.positiveRankSum());
        assertEquals(2, test.negativeRankSum());
        assertTrue(test.exact());
        assertEquals(0.09375, test.pValue(), 1e-15);
        assertEquals(17.0 / 21, test.rankBiserialCorrelation(), 1e-15);
    }

    @Test
    void tiesUseMidRanksAndTheCorrectedNormalApproximation() {
        // nonzero |d| = 1.5, 0.5, 1.5, 2, 2, 3, 1.5, 0.5, 4, 2.5 (two zeros dropped): mid-ranks 4, 1.5, 4,
        // 6.5, 6.5, 9, 4, 1.5, 10, 8; W+ = 47 (negatives -0.5 and -2: 1.5 + 6.5 = 8). Ties 2, 3, 2:
        // var = 10 x 11 x 21 / 24 - (6 + 24 + 6) / 48 = 95.5; z = (47 - 27.5 - 0.5) / sqrt(95.5) =
        // 1.944249, p = 2 (1 - Phi(z)) = 0.05186541479146726 (scipy agrees)
        WilcoxonSignedRank test = WilcoxonSignedRank.test(new double[] {0.0, 1.5, -0.5, 1.5, 2.0, 0.0, -2.0, 3.0, 1.5,
            0.5, 4.0, 2.5});
        assertEquals(10, test.n());
        assertEquals(2, test.zeroCount());
        assertEquals(47, test.positiveRankSum());
        assertEquals(8, test.negativeRankSum());
        assertFalse(test.exact());
        assertEquals(0.05186541479146726, test.pValue(), 1e-12);
    }

    @Test
    void moreThan25PairsUseTheNormalApproximation() {
        // 30 untied differences (numpy default_rng(7), rounded to 3 decimals): W+ = 217, scipy
        // method="approx", correction=True: p = 0.7576828114579746
        double[] d = {0.301, 0.599, 0.026, -0.591, -0.155, -0.692, 0.36, 1.64, -0.192, -0.32, 0.79, 0.657, 0.405, -0.63,
            0.271, 0.995, -1.044, -0.158, -1.601, -0.99, -1.542, 0.065, -0.967, 0.571, 0.457, 0.113, -2.217, -0.239,
            0.251, 0.413};
        WilcoxonSignedRank test = WilcoxonSignedRank.test(d);
        assertEquals(30, test.n());
        assertEquals(217, test.positiveRankSum());
        assertFalse(test.exact());
        assertEquals(0.7576828114579746, test.pValue(), 1e-12);
    }

    @Test
    void exactPIsCappedAtOneWhenWIsAtTheCentre() {
        // 1, -2, -3, 4: W+ = 5 = n(n+1)/4; 2 P(W+ >= 5) = 2 x 9/16 = 1.125 uncapped; R and scipy say 1
        WilcoxonSignedRank test = WilcoxonSignedRank.test(new double[] {1, -2, -3, 4});
        assertEquals(5, test.positiveRankSum());
        assertEquals(1.0, test.pValue());
        assertEquals(0.0, test.rankBiserialCorrelation());
    }

    @Test
    void exactNullDistributionMatchesTabulatedTailProbabilities() {
        // n = 10, W+ = 8: P(W+ <= 8) = 25/1024: 25 subsets of 1..10 sum to <= 8 (enumerated with python3 itertools)
        assertEquals(2 * 25 / 1024.0, WilcoxonSignedRank.exactP(10, 8), 1e-15);
        // n = 25 in under a second: 2^25 sign patterns would be too slow to enumerate
        assertEquals(1.0, WilcoxonSignedRank.exactP(25, 162), 1e-15);
    }

    @Test
    void singlePairHasPOne() {
        WilcoxonSignedRank test = WilcoxonSignedRank.test(new double[] {2.0}); // scipy: p = 1
        assertEquals(1, test.n());
        assertEquals(1.0, test.pValue());
        assertEquals(1.0, test.rankBiserialCorrelation());
    }

    @Test
    void allZeroOrNoDifferencesGiveNaNWithNZero() {
        for (double[] d : new double[][] {{0, 0, 0}, {}, {Double.NaN}}) {
            WilcoxonSignedRank test = WilcoxonSignedRank.test(d);
            assertEquals(0, test.n());
            assertTrue(Double.isNaN(test.pValue()));
            assertTrue(Double.isNaN(test.rankBiserialCorrelation()));
        }
        assertEquals(3, WilcoxonSignedRank.test(new double[] {0, 0, 0}).zeroCount());
    }

    @Test
    void nanDifferencesAreDroppedAndCounted() {
        WilcoxonSignedRank test = WilcoxonSignedRank.test(new double[] {Double.NaN, 0, 1, -2, 3, 4, 5, 6, 0});
        assertEquals(6, test.n());
        assertEquals(1, test.nanCount());
        assertEquals(2, test.zeroCount());
        assertEquals(0.09375, test.pValue(), 1e-15);
    }
}
