package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

class GeneratorsTest {

    static void assertSameBits(Dataset a, Dataset b) {
        assertEquals(a.rows(), b.rows());
        assertEquals(a.features(), b.features());
        assertArrayEquals(a.x(), b.x()); // assertArrayEquals on float[] compares floatToIntBits
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.targets(), b.targets());
    }

    static void checkDeterminism(LongFunction<Dataset> gen) {
        Dataset a = gen.apply(42);
        assertSameBits(a, gen.apply(42));
        assertFalse(Arrays.equals(a.x(), gen.apply(43).x()), "another seed must give other data");
    }

    @Test
    void everyGeneratorIsAPureFunctionOfItsSeed() {
        checkDeterminism(s -> Spirals.generate(s, 200, 0.05, 1.5));
        checkDeterminism(s -> Circles.generate(s, 200, 0.05, 0.5));
        checkDeterminism(s -> Parity.generate(s, 3, 200, 0.1, true));
        checkDeterminism(s -> Blobs.generate(s, 3, 4, 200, 1.0));
        checkDeterminism(s -> TeacherStudent.regression(s, 5, 8, 2, 2, 200, 0.1));
        checkDeterminism(s -> TeacherStudent.classification(s, 5, 8, 2, 4, 200));
    }

    @Test
    void spiralsAlternateLabelsAndStayInTheUnitDiscWithoutNoise() {
        Dataset d = Spirals.generate(1, 401, 0, 2);
        assertEquals(Dataset.Task.BINARY, d.task());
        int ones = 0;
        for (int i = 0; i < d.rows(); i++) {
            assertEquals(i % 2, d.labels()[i]);
            ones += d.labels()[i];
            double r = Math.hypot(d.x()[2 * i], d.x()[2 * i + 1]);
            assertTrue(r >= Spirals.INNER_RADIUS - 1e-6 && r <= 1 + 1e-6, "radius " + r);
        }
        assertEquals(200, ones);
    }

    @Test
    void spiralArmsAreHalfATurnApart() {
        // without noise, a class 1 point turned by pi lies on the class 0 arm: its angle matches
        // the one the class 0 arm has at that radius
        double turns = 1.5;
        Dataset d = Spirals.generate(5, 100, 0, turns);
        for (int i = 0; i < d.rows(); i++) {
            double px = d.x()[2 * i];
            double py = d.x()[2 * i + 1];
            double r = Math.hypot(px, py);
            double u = (r - Spirals.INNER_RADIUS) / (1 - Spirals.INNER_RADIUS);
            double expected = 2 * Math.PI * turns * u + Math.PI * d.labels()[i];
            assertEquals(StrictMath.cos(expected) * r, px, 1e-4);
            assertEquals(StrictMath.sin(expected) * r, py, 1e-4);
        }
    }

    @Test
    void innerCircleRadiusIsFactorTimesOuterRadius() {
        double factor = 0.3;
        Dataset d = Circles.generate(7, 2000, 0.02, factor);
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < d.rows(); i++) {
            int c = d.labels()[i];
            sum[c] += Math.hypot(d.x()[2 * i], d.x()[2 * i + 1]);
            count[c]++;
        }
        assertEquals(1000, count[0]);
        assertEquals(1000, count[1]);
        double outer = sum[0] / count[0];
        double inner = sum[1] / count[1];
        assertEquals(1.0, outer, 0.01);
        assertEquals(factor, inner / outer, 0.01);
        assertThrows(IllegalArgumentException.class, () -> Circles.generate(1, 10, 0, 1.0));
    }

    @Test
    void xorAndParityLabelsAreTheParityOfTheBits() {
        for (boolean signed : new boolean[] {true, false}) {
            for (int bits : new int[] {2, 5}) {
                Dataset d = Parity.generate(11, bits, 500, 0, signed);
                assertEquals(bits, d.features());
                int ones = 0;
                for (int i = 0; i < d.rows(); i++) {
                    int set = 0;
                    for (int j = 0; j < bits; j++) {
                        float v = d.x()[i * bits + j];
                        assertTrue(signed ? v == -1f || v == 1f : v == 0f || v == 1f, "value " + v);
                        set += v == 1f ? 1 : 0;
                    }
                    assertEquals(set % 2, d.labels()[i]);
                    ones += d.labels()[i];
                }
                assertTrue(ones > 200 && ones < 300, "parity should be about balanced, was " + ones + "/500");
            }
        }
    }

    @Test
    void parityNoiseMovesTheSameBits() {
        Dataset clean = Parity.generate(3, 4, 300, 0, true);
        Dataset noisy = Parity.generate(3, 4, 300, 0.1, true);
        assertArrayEquals(clean.labels(), noisy.labels());
        for (int i = 0; i < clean.x().length; i++) {
            assertEquals(clean.x()[i] > 0, noisy.x()[i] > 0); // 0.1 noise never crosses 10 std devs
            assertTrue(Math.abs(clean.x()[i] - noisy.x()[i]) < 0.6);
        }
        assertFalse(Arrays.equals(clean.x(), noisy.x()));
    }

    @Test
    void blobsScatterAroundTheirCentresWithTheGivenSpread() {
        int classes = 4;
        int features = 3;
        double spread = 0.5;
        Dataset d = Blobs.generate(9, classes, features, 4000, spread);
        double[] centres = Blobs.centres(9, classes, features);
        double[] sum = new double[classes * features];
        double[] sq = new double[classes * features];
        int[] count = new int[classes];
        for (int i = 0; i < d.rows(); i++) {
            int c = d.labels()[i];
            count[c]++;
            for (int j = 0; j < features; j++) {
                double v = d.x()[i * features + j] - centres[c * features + j];
                sum[c * features + j] += v;
                sq[c * features + j] += v * v;
            }
        }
        for (int c = 0; c < classes; c++) {
            assertEquals(1000, count[c]);
            for (int j = 0; j < features; j++) {
                assertTrue(Math.abs(centres[c * features + j]) <= Blobs.BOX);
                assertEquals(0, sum[c * features + j] / count[c], 0.05);
                assertEquals(spread, Math.sqrt(sq[c * features + j] / count[c]), 0.05);
            }
        }
    }

    @Test
    void bitsStreamsAreIndependentOfN() {
        Dataset small = Spirals.generate(4, 50, 0.1, 1.5);
        Dataset big = Spirals.generate(4, 100, 0.1, 1.5);
        assertArrayEquals(small.x(), Arrays.copyOf(big.x(), small.x().length));
    }
}
