package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test-side erf is itself checked against values computed to 30 digits. */
class ReferenceTest {
    private static void close(double expected, double actual) {
        assertEquals(expected, actual, 1e-14 * Math.abs(expected));
    }

    @Test
    void erfMatchesHighPrecisionValues() {
        close(0.52049987781304653768, Reference.erf(0.5));
        close(0.84270079294971486934, Reference.erf(1));
        close(0.99532226501895273416, Reference.erf(2));
        close(0.99999925690162765859, Reference.erf(3.5));
        close(-0.84270079294971486934, Reference.erf(-1));
    }

    @Test
    void erfcMatchesHighPrecisionValuesInTheTail() {
        close(0.00040695201744495893956, Reference.erfc(2.5));
        close(0.000022090496998585441373, Reference.erfc(3));
        close(1.5374597944280348502e-12, Reference.erfc(5));
        close(1.122429717298292708e-29, Reference.erfc(8));
        close(2.088487583762544757e-45, Reference.erfc(10));
    }
}
