package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values: R 4.2.2 {@code binom.test(x, n)$p.value}, computed offline, and the 2 / 2^n floor by hand. */
class SignTestTest {
    @Test
    void matchesRBinomTest() {
        // binom.test(7, 9): 0.1796875; binom.test(1, 10): 0.021484375; binom.test(5, 5): 0.0625
        assertEquals(0.1796875, SignTest.test(7, 2).pValue(), 1e-15);
        assertEquals(0.021484375, SignTest.test(1, 9).pValue(), 1e-15);
        assertEquals(0.0625, SignTest.test(5, 0).pValue(), 1e-15);
        assertEquals(1.0, SignTest.test(3, 3).pValue(), 1e-15);
        assertTrue(SignTest.test(3, 3).exact());
    }

    @Test
    void differencesDropZerosAndNaN() {
        SignTest test = SignTest.of(new double[] {1, 2, 0, -1, 3, Double.NaN, 4, 5, 6, 7});
        assertEquals(7, test.positives());
        assertEquals(1, test.negatives());
        assertEquals(0.0703125, test.pValue(), 1e-15); // binom.test(7, 8): 0.0703125
        assertEquals("exact sign test, 7 of 8 pairs positive, ties dropped", test.method());
    }

    @Test
    void swappingArmsKeepsP() {
        assertEquals(SignTest.test(2, 9).pValue(), SignTest.test(9, 2).pValue(), 0);
    }

    @Test
    void allTiedGivesPOneNoDataNaNAndNegativeCountsAreRefused() {
        assertEquals(1.0, SignTest.test(0, 0).pValue(), 0);
        assertEquals(1.0, SignTest.of(new double[] {0, 0, 0}).pValue(), 0);
        assertTrue(Double.isNaN(SignTest.of(new double[] {Double.NaN}).pValue()));
        assertThrows(IllegalArgumentException.class, () -> SignTest.test(-1, 2));
    }

    @Test
    void minimumPIsTwoOverTwoToTheN() {
        // 2 / 2^n: n = 5 -> 0.0625, n = 6 -> 0.03125; n = 1 -> 1
        assertEquals(0.0625, SignTest.minimumPValue(5), 0);
        assertEquals(0.0625, MinimumP.smallestTwoSided(5), 0);
        assertEquals(0.03125, MinimumP.smallestTwoSided(6), 0);
        assertEquals(1.0, MinimumP.smallestTwoSided(1), 0);
        assertEquals(1.0, MinimumP.smallestTwoSided(0), 0);
        assertEquals(0.03125, MinimumP.smallestOneSided(5), 0);
        assertTrue(MinimumP.cannotReach(5, 0.05));
        assertFalse(MinimumP.cannotReach(6, 0.05));
        assertEquals(6, MinimumP.pairsNeeded(0.05));
        assertEquals(8, MinimumP.pairsNeeded(0.01)); // 2/128 = 0.0156 > 0.01, 2/256 = 0.0078
        assertThrows(IllegalArgumentException.class, () -> MinimumP.cannotReach(5, 1.5));
    }
}
