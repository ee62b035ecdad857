package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

/**
 * Expected values: R 4.2.2 offline, {@code binom.test(x, n, conf.level = 0.975)$conf.int}
 * (Clopper-Pearson) and {@code binom.test(first, first + second)$p.value}; the coverage claim is
 * checked by enumerating every multinomial outcome.
 */
class FirstToEventTest {
    // ten pairs: 6 arm first (3 both reached, arm earlier; 3 only the arm reached), 2 reference first,
    // 2 ties (1 same time, 1 neither reached)
    static final double[] ARM = {1, 2, 3, 4, 5, 6, 9, 9, 4, 9};
    static final boolean[] ARM_REACHED = {true, true, true, true, true, true, false, true, true, false};
    static final double[] REF = {2, 3, 4, 9, 9, 9, 5, 3, 4, 9};
    static final boolean[] REF_REACHED = {true, true, true, false, false, false, true, true, true, false};

    @Test
    void countsScoresAndMatchesRsExactBounds() {
        FirstToEvent f = FirstToEvent.paired(ARM, ARM_REACHED, REF, REF_REACHED, 0.95);
        assertEquals(6, f.armFirst());
        assertEquals(2, f.referenceFirst());
        assertEquals(2, f.ties());
        assertEquals(0.7, f.estimate(), 1e-15);
        // R: binom.test(6, 10, conf.level = .975): 0.22815959375399833 0.90066644123532147;
        // binom.test(8, 10, conf.level = .975): 0.40096098654576967 0.98253839870377246; averaged
        assertEquals(0.31456029014988401, f.interval().lower(), 1e-12);
        assertEquals(0.94160241996954697, f.interval().upper(), 1e-12);
        assertEquals(0.28906250000000011, f.pValue(), 1e-14); // R: binom.test(6, 8)
        assertTrue(f.exact());
    }

    @Test
    void swappingArmsMirrorsTheEstimateAndKeepsP() {
        FirstToEvent ab = FirstToEvent.paired(ARM, ARM_REACHED, REF, REF_REACHED, 0.95);
        FirstToEvent ba = FirstToEvent.paired(REF, REF_REACHED, ARM, ARM_REACHED, 0.95);
        assertEquals(1 - ab.estimate(), ba.estimate(), 1e-15);
        assertEquals(1 - ab.interval().upper(), ba.interval().lower(), 1e-12);
        assertEquals(ab.pValue(), ba.pValue(), 0);
    }

    @Test
    void identicalArmsGiveOneHalfAndPOne() {
        FirstToEvent f = FirstToEvent.paired(ARM, ARM_REACHED, ARM, ARM_REACHED, 0.95);
        assertEquals(10, f.ties());
        assertEquals(0.5, f.estimate(), 0);
        assertEquals(1.0, f.pValue(), 0); // no untied pair: the degenerate null's exact p
        assertTrue(f.interval().contains(0.5));
        FirstToEvent none = FirstToEvent.paired(new double[0], new boolean[0], new double[0], new boolean[0], 0.95);
        assertTrue(Double.isNaN(none.pValue()));
        assertTrue(Double.isNaN(none.estimate()));
    }

    @Test
    void coverageIsAtLeastTheLevelAtSmallN() {
        // every outcome (first, tie, second) of n pairs, weighted by its multinomial probability
        for (int n : new int[] {3, 5, 8}) {
            for (double pFirst = 0.05; pFirst < 1; pFirst += 0.15) {
                for (double pTie = 0; pTie + pFirst < 1; pTie += 0.2) {
                    double theta = pFirst + pTie / 2;
                    double covered = 0;
                    for (int a = 0; a <= n; a++) {
                        for (int t = 0; a + t <= n; t++) {
                            int b = n - a - t;
                            double prob = CombinatoricsUtils.binomialCoefficientDouble(n, a)
                                * CombinatoricsUtils.binomialCoefficientDouble(n - a, t) * Math.pow(pFirst, a)
                                * Math.pow(pTie, t) * Math.pow(1 - pFirst - pTie, b);
                            if (outcome(a, t, b).interval().contains(theta)) {
                                covered += prob;
                            }
                        }
                    }
                    assertTrue(covered >= 0.95 - 1e-12, "n " + n + " pFirst " + pFirst + " pTie " + pTie + ": " + covered);
                }
            }
        }
    }

    private static FirstToEvent outcome(int first, int ties, int second) {
        int n = first + ties + second;
        double[] arm = new double[n];
        boolean[] armReached = new boolean[n];
        double[] ref = new double[n];
        boolean[] refReached = new boolean[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i < first ? 1 : 2;
            ref[i] = i < first ? 2 : i < first + ties ? 2 : 1;
            armReached[i] = true;
            refReached[i] = true;
        }
        return FirstToEvent.paired(arm, armReached, ref, refReached, 0.95);
    }
}
