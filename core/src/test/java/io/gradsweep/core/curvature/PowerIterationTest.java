package io.gradsweep.core.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Power iteration on diagonal operators, whose eigenvalues are their entries. */
class PowerIterationTest {
    private static PowerIteration.Operator diagonal(double... d) {
        return (v, out) -> {
            for (int i = 0; i < d.length; i++) {
                out[i] = d[i] * v[i];
            }
        };
    }

    @Test
    void findsTheDominantEigenvalueAndStopsAtTheTolerance() {
        PowerIteration.Estimate e = PowerIteration.run(diagonal(5, 1, -2), new double[] {1, 1, 1}, 100, 1e-12);
        assertEquals(5, e.value(), 1e-9);
        assertTrue(e.iterations() < 100, "stopped by the tolerance after " + e.iterations());
        PowerIteration.Estimate capped = PowerIteration.run(diagonal(5, 4.9, 1), new double[] {1, 1, 1}, 3, 0);
        assertEquals(3, capped.iterations());
    }

    @Test
    void theTopEigenvalueIsFoundWhenANegativeOneIsLargerInMagnitude() {
        PowerIteration.Estimate dominant = PowerIteration.run(diagonal(3, -8, 1), new double[] {1, 1, 1}, 500, 1e-12);
        assertEquals(-8, dominant.value(), 1e-9);
        PowerIteration.Estimate top = PowerIteration.top(diagonal(3, -8, 1), new double[] {1, 1, 1},
                new double[] {1, 2, 3}, 500, 1e-12);
        assertEquals(3, top.value(), 1e-6);
        PowerIteration.Estimate positive = PowerIteration.top(diagonal(3, -2, 1), new double[] {1, 1, 1},
                new double[] {1, 2, 3}, 500, 1e-12);
        assertEquals(3, positive.value(), 1e-9);
    }
}
