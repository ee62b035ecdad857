package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Published values: Newcombe (1998), Statistics in Medicine 17:857-872, worked examples, method 3 (Wilson
 * score without continuity correction), 4 decimals. Full-precision values: scipy 1.17
 * {@code binomtest(k, n).proportion_ci(0.95, method="wilson")}.
 */
class WilsonIntervalTest {
    @Test
    void matchesNewcombesPublishedIntervals() {
        assertInterval(81, 263, 0.2553, 0.3662, 5e-5);
        assertInterval(15, 148, 0.0624, 0.1605, 5e-5);
        assertInterval(0, 20, 0.0000, 0.1611, 5e-5);
        assertInterval(1, 29, 0.0061, 0.1718, 5e-5);
    }

    @Test
    void matchesScipyToFullPrecision() {
        assertInterval(81, 263, 0.2552885198782742, 0.36620957698280004, 1e-12);
        assertInterval(15, 148, 0.06238639953073629, 0.16048724172330803, 1e-12);
        assertInterval(1, 29, 0.006113214292762667, 0.17175521879320282, 1e-12);
    }

    @Test
    void allSuccessesReachExactlyOne() {
        WilsonInterval w = WilsonInterval.of(29, 29);
        assertEquals(1.0, w.proportion());
        assertEquals(0.8830302015002592, w.interval().lower(), 1e-12); // scipy
        assertEquals(1.0, w.interval().upper());
        assertEquals(0.0, WilsonInterval.of(0, 20).interval().lower());
    }

    @Test
    void noTrialsGiveNaNProportionAndInterval() {
        WilsonInterval w = WilsonInterval.of(0, 0);
        assertTrue(Double.isNaN(w.proportion()));
        assertTrue(Double.isNaN(w.interval().lower()));
        assertTrue(Double.isNaN(w.interval().upper()));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 2));
    }

    private static void assertInterval(long k, long n, double lower, double upper, double tolerance) {
        WilsonInterval w = WilsonInterval.of(k, n);
        assertEquals((double) k / n, w.proportion(), 1e-15);
        assertEquals(lower, w.interval().lower(), tolerance, k + "/" + n + " lower");
        assertEquals(upper, w.interval().upper(), tolerance, k + "/" + n + " upper");
    }
}
