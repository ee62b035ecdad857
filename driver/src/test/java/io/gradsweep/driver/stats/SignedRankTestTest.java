package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Expected values: R 4.2.2 computed offline (Debian r-cran-exactranktests 0.8-35, r-cran-coin
 * 1.4-2): {@code exactRankTests::wilcox.exact(d)} and, agreeing to every digit,
 * {@code coin::pvalue(coin::wilcoxsign_test(d ~ rep(0, n), distribution = "exact", zero.method =
 * "Wilcoxon"))}; and a brute-force enumeration of all 2^n sign vectors written in this test.
 */
class SignedRankTestTest {
    @Test
    void fivePairsTiedInMagnitudeWithTheSameSignGiveTheFloorOf0625() {
        // R: wilcox.exact(c(1,1,1,1,1)): V = 15, p = 0.0625 (the normal approximation gave 0.0369)
        SignedRankTest test = SignedRankTest.test(new double[] {1, 1, 1, 1, 1});
        assertEquals(15, test.statistic());
        assertTrue(test.exact());
        assertTrue(test.tied());
        assertEquals(0.0625, test.pValue(), 1e-15);
        assertEquals(0.0625, test.minimumPValue(), 1e-15);
        assertEquals(0.03125, test.pValueGreater(), 1e-15); // R alternative = "greater"
        assertEquals(1.0, test.pValueLess(), 1e-15);
    }

    @Test
    void fourTiedPairsGive0125() {
        // R: wilcox.exact(c(2,2,2,2)): V = 10, p = 0.125
        SignedRankTest test = SignedRankTest.test(new double[] {2, 2, 2, 2});
        assertEquals(10, test.statistic());
        assertEquals(0.125, test.pValue(), 1e-15);
    }

    @Test
    void hollanderWolfeDepressionDataGiveV40AndP0039() {
        // Hollander and Wolfe (1973) p. 29f, R ?wilcox.test: V = 40, p = 0.03906; R wilcox.exact agrees,
        // one-sided greater 0.01953125, less 0.986328125
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        SignedRankTest test = SignedRankTest.test(d);
        assertEquals(40, test.statistic());
        assertEquals(9, test.n());
        assertEquals(0.0390625, test.pValue(), 1e-15);
        assertEquals(0.01953125, test.pValueGreater(), 1e-15);
        assertEquals(0.986328125, test.pValueLess(), 1e-15);
        assertFalse(test.tied());
    }

    @Test
    void tiesAndZerosGiveTheExactMidRankP() {
        // R: wilcox.exact(c(0, 1.5, -0.5, 1.5, 2, 0, -2, 3, 1.5, 0.5, 4, 2.5)): V = 47, p = 0.05078125,
        // greater 0.025390625, less 0.982421875 (the old normal approximation said 0.0519)
        SignedRankTest test = SignedRankTest.test(new double[] {0.0, 1.5, -0.5, 1.5, 2.0, 0.0, -2.0, 3.0, 1.5, 0.5,
            4.0, 2.5});
        assertEquals(10, test.n());
        assertEquals(2, test.zeroCount());
        assertEquals(47, test.statistic());
        assertTrue(test.exact());
        assertEquals(0.05078125, test.pValue(), 1e-15);
        assertEquals(0.025390625, test.pValueGreater(), 1e-15);
        assertEquals(0.982421875, test.pValueLess(), 1e-15);
        assertEquals("exact signed-rank, mid-ranks, 10 pairs, 2 zeros dropped", test.method());
    }

    @Test
    void twentyTiedPairsAreExact() {
        // R: wilcox.exact(d20): V = 182, p = 0.0025787353515625, greater 0.00128936767578125
        double[] d20 = {3, -1, 2, 2, 5, -2, 1, 4, 3, 3, -1, 6, 2, 1, 0, 4, -3, 2, 5, 1, 2};
        SignedRankTest test = SignedRankTest.test(d20);
        assertEquals(20, test.n());
        assertEquals(182, test.statistic());
        assertTrue(test.exact());
        assertEquals(0.0025787353515625, test.pValue(), 1e-15);
        assertEquals(0.00128936767578125, test.pValueGreater(), 1e-15);
        assertEquals(Math.scalb(1.0, -19), test.minimumPValue(), 0);
    }

    @Test
    void halfRankStatisticIsExact() {
        // R: wilcox.exact(c(1,1,-1,1,1,1)): V = 17.5, p = 0.21875
        SignedRankTest test = SignedRankTest.test(new double[] {1, 1, -1, 1, 1, 1});
        assertEquals(17.5, test.statistic());
        assertEquals(0.21875, test.pValue(), 1e-15);
    }

    @Test
    void aboveFiftyPairsUsesTheTieCorrectedNormalApproximation() {
        // R: d <- ((1:60 * 37) %% 23) - 9; wilcox.test(d, exact = FALSE, correct = TRUE): 58 non-zero,
        // V = 1145.5, p = 0.024875747413353737; greater 0.012437873706676868, less 0.98780963109144027
        double[] d = new double[60];
        for (int i = 1; i <= 60; i++) {
            d[i - 1] = (i * 37) % 23 - 9;
        }
        SignedRankTest test = SignedRankTest.test(d);
        assertEquals(58, test.n());
        assertEquals(1145.5, test.statistic());
        assertFalse(test.exact());
        assertEquals(0.024875747413353737, test.pValue(), 1e-12);
        assertEquals(0.012437873706676868, test.pValueGreater(), 1e-12);
        assertEquals(0.98780963109144027, test.pValueLess(), 1e-12);
        assertTrue(test.method().contains("normal approximation"));
    }

    @Test
    void agreesWithBruteForceEnumerationOfSignVectorsOnRandomTiedData() {
        assertEquals(bruteForce(new double[] {0, 0})[0], SignedRankTest.test(new double[] {0, 0}).pValue(), 0);
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(14);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = random.nextInt(9) - 4; // small integers: many ties and zeros
            }
            double[] expected = bruteForce(d);
            SignedRankTest test = SignedRankTest.test(d);
            assertEquals(expected[0], test.pValue(), 1e-12, Arrays.toString(d));
            assertEquals(expected[1], test.pValueGreater(), 1e-12, Arrays.toString(d));
            assertEquals(expected[2], test.pValueLess(), 1e-12, Arrays.toString(d));
        }
    }

    /**
     * Independent path: mid-ranks by counting (rank = #smaller + (#equal + 1) / 2), then every one of
     * the 2^n sign vectors; p two-sided = P(|V - mean| >= |v - mean|).
     */
    private static double[] bruteForce(double[] d) {
        double[] kept = Arrays.stream(d).filter(x -> x != 0).toArray();
        int n = kept.length; // n = 0 (all zero) leaves the one empty pattern: every p is 1
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            int smaller = 0;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                if (Math.abs(kept[j]) < Math.abs(kept[i])) {
                    smaller++;
                } else if (Math.abs(kept[j]) == Math.abs(kept[i])) {
                    equal++;
                }
            }
            rank[i] = smaller + (equal + 1) / 2.0;
        }
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += kept[i] > 0 ? rank[i] : 0;
        }
        double mean = n * (n + 1) / 4.0;
        int extreme = 0;
        int above = 0;
        int below = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    v += rank[i];
                }
            }
            extreme += Math.abs(v - mean) >= Math.abs(observed - mean) - 1e-9 ? 1 : 0;
            above += v >= observed - 1e-9 ? 1 : 0;
            below += v <= observed + 1e-9 ? 1 : 0;
        }
        double total = 1 << n;
        return new double[] {extreme / total, above / total, below / total};
    }

    @Test
    void swappingArmsKeepsTheTwoSidedPAndSwapsTheOneSided() {
        double[] d = {3, -1, 2, 2, 5, -2, 1, 4};
        double[] negated = Arrays.stream(d).map(x -> -x).toArray();
        SignedRankTest a = SignedRankTest.test(d);
        SignedRankTest b = SignedRankTest.test(negated);
        assertEquals(a.pValue(), b.pValue(), 1e-15);
        assertEquals(a.pValueGreater(), b.pValueLess(), 1e-15);
        assertEquals(-a.rankBiserialCorrelation(), b.rankBiserialCorrelation(), 1e-15);
    }

    @Test
    void identicalArmsGivePOneAndNoDataGivesNaN() {
        // all differences zero: one (empty) sign pattern remains, so the exact p is 1
        SignedRankTest same = SignedRankTest.test(new double[] {0, 0, 0, Double.NaN});
        assertEquals(0, same.n());
        assertEquals(3, same.zeroCount());
        assertEquals(1, same.nanCount());
        assertEquals(1.0, same.pValue(), 0);
        assertTrue(same.exact());
        assertEquals(1.0, same.minimumPValue(), 0);
        for (double[] none : new double[][] {{}, {Double.NaN}}) {
            SignedRankTest test = SignedRankTest.test(none);
            assertTrue(Double.isNaN(test.pValue()));
            assertFalse(test.exact());
        }
    }

    @Test
    void symmetricSignsGivePOne() {
        // V at the centre of the null: 1, -2, -3, 4 has V = 5 = n(n+1)/4; R wilcox.exact: p = 1
        assertEquals(1.0, SignedRankTest.test(new double[] {1, -2, -3, 4}).pValue(), 1e-15);
    }
}
