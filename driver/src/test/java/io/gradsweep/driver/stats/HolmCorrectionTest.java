package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values: R's {@code p.adjust(p, method = "holm")}, and by hand from Holm (1979) in the comments. */
class HolmCorrectionTest {
    @Test
    void matchesRsPAdjustHolm() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02: sorted 0.005 x 4 = 0.02,
        // 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 raised to 0.06 by monotonicity
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
            HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
    }

    @Test
    void adjustedValuesAreCappedAtOne() {
        // 0.5 x 2 = 1, 0.6 x 1 = 0.6 raised to 1; 0.7 x 2 = 1.4 capped
        assertArrayEquals(new double[] {1.0, 1.0}, HolmCorrection.adjust(new double[] {0.6, 0.5}), 1e-15);
        assertArrayEquals(new double[] {1.0, 1.0}, HolmCorrection.adjust(new double[] {0.7, 0.9}), 1e-15);
    }

    @Test
    void nanStaysNaNAndIsNotCountedInTheFamily() {
        // R: p.adjust(c(0.01, NA, 0.04), "holm") = 0.02 NA 0.04 (n = number of non-NA)
        assertArrayEquals(new double[] {0.02, Double.NaN, 0.04},
            HolmCorrection.adjust(new double[] {0.01, Double.NaN, 0.04}), 1e-15);
    }

    @Test
    void tiedPValuesGetTheSameAdjustedValue() {
        assertArrayEquals(new double[] {0.04, 0.04}, HolmCorrection.adjust(new double[] {0.02, 0.02}), 1e-15);
    }

    @Test
    void emptyAndSingleFamiliesAreUnchanged() {
        assertArrayEquals(new double[0], HolmCorrection.adjust(new double[0]));
        assertArrayEquals(new double[] {0.2}, HolmCorrection.adjust(new double[] {0.2}));
    }

    @Test
    void valuesOutsideZeroOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HolmCorrection.adjust(new double[] {0.1, 1.5}));
    }
}
