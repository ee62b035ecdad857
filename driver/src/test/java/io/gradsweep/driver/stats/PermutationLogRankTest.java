package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Expected values: R 4.2.2 offline, coin 1.4-2 {@code logrank_test(Surv(time, status) ~ g,
 * distribution = "exact")} and survival 3.5-3 {@code survdiff} for O - E; and a full enumeration
 * of relabellings in this test through {@link LogRankTest}'s risk-set O - E (another code path).
 */
class PermutationLogRankTest {
    static final double[] TA = {2.1, 3.4, 5.0, 6.2, 8.8, 9.0};
    static final boolean[] RA = {true, true, false, true, true, false};
    static final double[] TB = {4.3, 7.7, 9.0, 9.5, 10.0, 11.2, 12.0};
    static final boolean[] RB = {true, true, true, false, true, false, false};

    @Test
    void smallArmsMatchCoinsExactLogRank() {
        // coin: Z = -1.2665, p = 0.21386946386946393 (= 367 / 1716); survdiff: O - E for A = 1.7224442224442225
        PermutationLogRank test = PermutationLogRank.compare(TA, RA, TB, RB, 1, 10_000);
        assertTrue(test.exact());
        assertEquals(1716, test.permutations()); // C(13, 6)
        assertEquals(1.7224442224442225, test.statistic(), 1e-12);
        assertEquals(0.21386946386946393, test.pValue(), 1e-14);
        assertEquals("exact permutation log-rank over all 1716 relabellings, 6 and 7 runs", test.method());
    }

    @Test
    void agreesWithFullEnumerationThroughTheRiskSetLogRank() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 10; trial++) {
            int nA = 2 + random.nextInt(4);
            int nB = 2 + random.nextInt(4);
            int n = nA + nB;
            double[] t = new double[n];
            boolean[] r = new boolean[n];
            for (int i = 0; i < n; i++) {
                t[i] = 1 + random.nextInt(5); // coarse times: ties within and across arms
                r[i] = random.nextInt(3) > 0;
            }
            r[0] = true;
            double observed = oMinusE(t, r, (1 << nA) - 1);
            int extreme = 0;
            int total = 0;
            for (int mask = 0; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) == nA) {
                    total++;
                    extreme += Math.abs(oMinusE(t, r, mask)) >= Math.abs(observed) - 1e-9 ? 1 : 0;
                }
            }
            double[] tA = java.util.Arrays.copyOf(t, nA);
            double[] tB = java.util.Arrays.copyOfRange(t, nA, n);
            boolean[] rA = java.util.Arrays.copyOf(r, nA);
            boolean[] rB = java.util.Arrays.copyOfRange(r, nA, n);
            PermutationLogRank test = PermutationLogRank.compare(tA, rA, tB, rB, 3, 1_000_000);
            assertEquals(observed, test.statistic(), 1e-12);
            assertEquals((double) extreme / total, test.pValue(), 1e-12);
        }
    }

    /** O - E of the runs in {@code mask} (arm A) by the existing risk-set log-rank. */
    private static double oMinusE(double[] t, boolean[] r, int mask) {
        int nA = Integer.bitCount(mask);
        double[] tA = new double[nA];
        boolean[] rA = new boolean[nA];
        double[] tB = new double[t.length - nA];
        boolean[] rB = new boolean[t.length - nA];
        int a = 0;
        int b = 0;
        for (int i = 0; i < t.length; i++) {
            if ((mask & (1 << i)) != 0) {
                tA[a] = t[i];
                rA[a++] = r[i];
            } else {
                tB[b] = t[i];
                rB[b++] = r[i];
            }
        }
        LogRankTest test = LogRankTest.compare(tA, rA, tB, rB);
        return test.observed()[0] - test.expected()[0];
    }

    @Test
    void monteCarloIsSeededAndCloseToTheExactP() {
        double[] tA = new double[10];
        double[] tB = new double[10];
        boolean[] rA = new boolean[10];
        boolean[] rB = new boolean[10];
        for (int i = 0; i < 10; i++) {
            tA[i] = 1 + i;
            tB[i] = 2.5 + i * 1.1;
            rA[i] = i % 4 != 3;
            rB[i] = i % 3 != 2;
        }
        PermutationLogRank exact = PermutationLogRank.compare(tA, rA, tB, rB, 0, 200_000); // C(20, 10) = 184756
        assertTrue(exact.exact());
        PermutationLogRank mc = PermutationLogRank.compare(tA, rA, tB, rB, 99, 20_000);
        assertFalse(mc.exact());
        assertEquals(20_000, mc.permutations());
        double se = Math.sqrt(exact.pValue() * (1 - exact.pValue()) / 20_000);
        assertEquals(exact.pValue(), mc.pValue(), 4 * se);
        assertEquals(mc.pValue(), PermutationLogRank.compare(tA, rA, tB, rB, 99, 20_000).pValue(), 0);
        assertTrue(mc.method().contains("20000 random relabellings (seed 99)"));
    }

    @Test
    void identicalArmsGivePOneAndSwappingKeepsP() {
        PermutationLogRank same = PermutationLogRank.compare(TA, RA, TA, RA, 1, 10_000);
        assertEquals(0, same.statistic(), 1e-12);
        assertEquals(1.0, same.pValue(), 0);
        PermutationLogRank ab = PermutationLogRank.compare(TA, RA, TB, RB, 1, 10_000);
        PermutationLogRank ba = PermutationLogRank.compare(TB, RB, TA, RA, 1, 10_000);
        assertEquals(-ab.statistic(), ba.statistic(), 1e-12);
        assertEquals(ab.pValue(), ba.pValue(), 1e-15);
    }

    @Test
    void noEventsGiveNaN() {
        PermutationLogRank none = PermutationLogRank.compare(new double[] {5, 5}, new boolean[2], new double[] {5},
            new boolean[1], 1, 100);
        assertTrue(Double.isNaN(none.pValue()));
    }
}
