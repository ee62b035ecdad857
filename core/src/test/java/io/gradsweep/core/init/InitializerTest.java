package io.gradsweep.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.random.SplitMix64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class InitializerTest {

    @ParameterizedTest
    @EnumSource(value = Initializer.class, names = "ORTHOGONAL", mode = EnumSource.Mode.EXCLUDE)
    void drawsWithThePublishedVariance(Initializer init) {
        int fanIn = 300;
        int fanOut = 200;
        float[] w = new float[fanIn * fanOut];
        init.fill(w, fanIn, fanOut, 1.5, new SplitMix64(3));
        double mean = 0;
        double sq = 0;
        for (float v : w) {
            mean += v;
            sq += (double) v * v;
        }
        mean /= w.length;
        double std = Math.sqrt(sq / w.length - mean * mean);
        double expected = 1.5 * switch (init) {
            case HE_NORMAL, HE_UNIFORM -> Math.sqrt(2.0 / fanIn);
            case GLOROT_NORMAL, GLOROT_UNIFORM -> Math.sqrt(2.0 / (fanIn + fanOut));
            default -> Math.sqrt(1.0 / fanIn);
        };
        // 60,000 draws: the sample std is within 1% of the true one with overwhelming probability
        assertEquals(expected, std, 0.01 * expected, init.label());
        assertEquals(0, mean, 0.02 * expected, init.label());
        if (init.label().endsWith("uniform")) {
            double limit = expected * Math.sqrt(3);
            for (float v : w) {
                assertTrue(Math.abs(v) <= limit * (1 + 1e-6));
            }
        }
    }

    @Test
    void orthogonalRowsOrColumnsAreOrthonormalTimesGain() {
        for (int[] shape : new int[][] {{20, 50}, {50, 20}, {32, 32}}) {
            int fanIn = shape[0];
            int fanOut = shape[1];
            float[] w = new float[fanIn * fanOut];
            Initializer.ORTHOGONAL.fill(w, fanIn, fanOut, 2.0, new SplitMix64(9));
            boolean rows = fanIn <= fanOut;
            int count = rows ? fanIn : fanOut;
            for (int a = 0; a < count; a++) {
                for (int b = 0; b < count; b++) {
                    double dot = 0;
                    for (int k = 0; k < (rows ? fanOut : fanIn); k++) {
                        dot += rows ? (double) w[a * fanOut + k] * w[b * fanOut + k]
                                : (double) w[k * fanOut + a] * w[k * fanOut + b];
                    }
                    assertEquals(a == b ? 4.0 : 0.0, dot, 1e-5, "shape " + fanIn + "x" + fanOut);
                }
            }
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.parse("he"));
        assertTrue(e.getMessage().contains("he_normal") && e.getMessage().contains("orthogonal"), e.getMessage());
    }
}
