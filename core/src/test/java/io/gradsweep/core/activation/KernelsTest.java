package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The package-private kernels' own contracts. */
class KernelsTest {
    private static void widensExactly(float f) {
        assertEquals(Double.doubleToRawLongBits(f), Double.doubleToRawLongBits(Kernels.widen(f)),
                () -> "widen(" + f + ") bits " + Integer.toHexString(Float.floatToRawIntBits(f)));
    }

    @Test
    void widenIsTheCastBitForBit() {
        for (int b : new int[] {0, 0x80000000, 1, 0x80000001, 0x007fffff, 0x00800000, 0x80800000, 0x3f800000,
            0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffc00001}) {
            widensExactly(Float.intBitsToFloat(b));
        }
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 2_000_000; i++) {
            widensExactly(Float.intBitsToFloat(rnd.nextInt()));
        }
        for (int e = 0; e < 256; e++) { // every exponent, both signs, extreme fractions
            for (int m : new int[] {0, 1, 0x400000, 0x7fffff}) {
                widensExactly(Float.intBitsToFloat(e << 23 | m));
                widensExactly(Float.intBitsToFloat(0x80000000 | e << 23 | m));
            }
        }
    }

    @Test
    void logOfOneIsExactlyZeroAndExpm1OfTinyIsExact() {
        assertEquals(0.0, Kernels.log(1.0));
        assertEquals(0x1p-60, Kernels.expm1(0x1p-60));
        assertEquals(-0x1p-60, Kernels.log1p(-0x1p-60) + 0x1p-121, 0x1p-110);
        assertEquals(Double.NaN, Kernels.log1p(Double.NaN));
        assertEquals(Double.NaN, Kernels.exp(Double.NaN));
        assertEquals(Double.NaN, Kernels.erfc(Double.NaN));
    }
}
