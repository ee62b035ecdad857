package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Expected values: R 4.2.2 offline, exactRankTests 0.8-35: {@code wilcox.exact(d, mu = m,
 * alternative = "less")} (upper) and {@code wilcox.exact(d, mu = -m, alternative = "greater")} (lower).
 */
class EquivalenceTestTest {
    @Test
    void quarterStepsMatchR() {
        // R: d = c(0.25, -0.25, 0, 0.5, -0.75, 0.25, 0.25, -0.5, 0, 0.75, 0.25, -0.25), m = 0.5:
        // less vs +0.5: V = 3, p = 0.0029296875; greater vs -0.5: V = 64, p = 0.001953125
        double[] d = {0.25, -0.25, 0, 0.5, -0.75, 0.25, 0.25, -0.5, 0, 0.75, 0.25, -0.25};
        EquivalenceTest tost = EquivalenceTest.pairedTost(d, 0.5, 0.05);
        assertEquals(3, tost.upperTest().statistic());
        assertEquals(0.0029296875, tost.pValueUpper(), 1e-15);
        assertEquals(64, tost.lowerTest().statistic());
        assertEquals(0.001953125, tost.pValueLower(), 1e-15);
        assertEquals(0.0029296875, tost.pValue(), 1e-15);
        assertTrue(tost.equivalent());
        assertTrue(tost.exact());
    }

    @Test
    void decimalDifferencesTieAsInDecimal() {
        // R on the same data in tenths as integers (scale-free): d10 = c(3, -1, 2, 0, 1, -2, 1, 3, -1, 0, 2, 1,
        // -3, 1), m = 2: less V = 7, p = 0.00537109375; greater V = 89, p = 0.00048828125.
        // In doubles 0.3 - 0.2 and 0.2 - 0.1 differ; snapping makes them tie as in R's integers.
        double[] d = {0.3, -0.1, 0.2, 0, 0.1, -0.2, 0.1, 0.3, -0.1, 0, 0.2, 0.1, -0.3, 0.1};
        EquivalenceTest tost = EquivalenceTest.pairedTost(d, 0.2, 0.05);
        assertEquals(7, tost.upperTest().statistic());
        assertEquals(0.00537109375, tost.pValueUpper(), 1e-15);
        assertEquals(89, tost.lowerTest().statistic());
        assertEquals(0.00048828125, tost.pValueLower(), 1e-15);
    }

    @Test
    void fourIdenticalPairsCannotShowEquivalenceAtFivePercent() {
        // R: wilcox.exact(rep(0, 4), mu = 1, alternative = "less"): p = 0.0625 = 1/2^4; six pairs: 0.015625
        EquivalenceTest four = EquivalenceTest.pairedTost(new double[] {0, 0, 0, 0}, 1, 0.05);
        assertEquals(0.0625, four.pValue(), 1e-15);
        assertEquals(0.0625, four.minimumPValue(), 1e-15);
        assertFalse(four.equivalent());
        assertTrue(four.cannotShowEquivalence());
        EquivalenceTest six = EquivalenceTest.pairedTost(new double[6], 1, 0.05);
        assertEquals(0.015625, six.pValue(), 1e-15);
        assertTrue(six.equivalent());
    }

    @Test
    void swappingArmsSwapsTheOneSidedTestsAndKeepsP() {
        double[] d = {0.25, -0.25, 0, 0.5, -0.75, 0.25, 0.25, -0.5, 0, 0.75, 0.25, -0.25};
        EquivalenceTest ab = EquivalenceTest.pairedTost(d, 0.5, 0.05);
        EquivalenceTest ba = EquivalenceTest.pairedTost(Arrays.stream(d).map(x -> -x).toArray(), 0.5, 0.05);
        assertEquals(ab.pValueUpper(), ba.pValueLower(), 1e-15);
        assertEquals(ab.pValue(), ba.pValue(), 1e-15);
    }

    @Test
    void badMarginOrAlphaIsRefused() {
        assertEquals("equivalence margin must be positive and finite, got 0.0", assertThrows(
            IllegalArgumentException.class, () -> EquivalenceTest.pairedTost(new double[] {1}, 0, 0.05)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EquivalenceTest.pairedTost(new double[] {1}, 1, 0));
    }
}
