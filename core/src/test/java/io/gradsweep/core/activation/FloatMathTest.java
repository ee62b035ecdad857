package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** FloatMath against the double StrictMath (or test-side erf) truth: max ulp error over ~4M inputs each. */
class FloatMathTest {
    /** The brief asks for <= 2 ulp; the design gives ~0.5, so hold it to 1 to catch regressions. */
    private static final double MAX_ULPS = 1.0;

    interface FloatFn {
        float apply(float x);
    }

    /** Random bit patterns (extremes, NaN, subnormals), uniform on [lo, hi], log-uniform small magnitudes, specials. */
    static float[] inputs(long seed, float lo, float hi) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] specials = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
            1e-40f, -1e-40f, 1e-30f, -1e-30f, 1f, -1f, 1e4f, -1e4f, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 88.72283f, 88.72284f, -103.97208f,
            -87.33655f, 0.5f, 2f, 3.92f, 10.05f, Math.nextUp(1f), Math.nextDown(1f), Math.nextDown(-1f)};
        int nBits = 1_000_000;
        int nUniform = 2_000_000;
        int nSmall = 1_000_000;
        int nInts = 401;
        float[] xs = new float[specials.length + nBits + nUniform + nSmall + nInts];
        int i = 0;
        for (float s : specials) {
            xs[i++] = s;
        }
        for (int k = 0; k < nBits; k++) {
            xs[i++] = Float.intBitsToFloat(rnd.nextInt());
        }
        for (int k = 0; k < nUniform; k++) {
            xs[i++] = (float) (lo + (hi - (double) lo) * rnd.nextDouble());
        }
        for (int k = 0; k < nSmall; k++) { // magnitudes 2^-149 .. 2^6, both signs
            int exponent = rnd.nextInt(0, 134);
            int bits = exponent << 23 | rnd.nextInt(1 << 23) | (rnd.nextBoolean() ? 0x80000000 : 0);
            xs[i++] = Float.intBitsToFloat(bits);
        }
        for (int k = -200; k <= 200; k++) {
            xs[i++] = k;
        }
        return xs;
    }

    private static double measure(String name, FloatFn f, DoubleUnaryOperator truth, float lo, float hi) {
        double worst = 0;
        float worstX = 0;
        int notNearest = 0; // results that differ from the double truth rounded to float
        float[] xs = inputs(name.hashCode(), lo, hi);
        for (float x : xs) {
            float got = f.apply(x);
            double ref = truth.applyAsDouble(x);
            if (Float.floatToIntBits(got) != Float.floatToIntBits((float) ref)) {
                notNearest++;
            }
            double e = Reference.ulps(got, ref);
            if (e > worst || Double.isNaN(e)) {
                worst = e;
                worstX = x;
            }
        }
        System.out.printf("FloatMath.%-8s max error %.6f ulp at x=%s; %d of %d not the nearest float%n",
                name, worst, worstX, notNearest, xs.length);
        assertTrue(worst <= MAX_ULPS, name + ": " + worst + " ulp at x=" + worstX);
        return worst;
    }

    @Test
    void expWithinOneUlp() {
        measure("exp", FloatMath::exp, StrictMath::exp, -104f, 89f);
    }

    @Test
    void expm1WithinOneUlp() {
        measure("expm1", FloatMath::expm1, StrictMath::expm1, -20f, 89f);
    }

    @Test
    void logWithinOneUlp() {
        measure("log", FloatMath::log, StrictMath::log, 0f, 4f);
    }

    @Test
    void log1pWithinOneUlp() {
        measure("log1p", FloatMath::log1p, StrictMath::log1p, -1f, 4f);
    }

    @Test
    void softplusWithinOneUlp() {
        measure("softplus", FloatMath::softplus, Reference::softplus, -110f, 30f);
    }

    @Test
    void tanhWithinOneUlp() {
        measure("tanh", FloatMath::tanh, StrictMath::tanh, -10f, 10f);
    }

    @Test
    void sigmoidWithinOneUlp() {
        measure("sigmoid", FloatMath::sigmoid, Reference::sigmoid, -110f, 20f);
    }

    @Test
    void erfWithinOneUlp() {
        measure("erf", FloatMath::erf, Reference::erf, -5f, 5f);
    }

    @Test
    void erfcWithinOneUlp() {
        measure("erfc", FloatMath::erfc, Reference::erfc, -5f, 11f);
    }

    @Test
    void specialValues() {
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(89f));
        assertEquals(Float.MIN_VALUE, FloatMath.exp(-103.5f)); // subnormal result, rounded
        assertEquals(-1f, FloatMath.expm1(Float.NEGATIVE_INFINITY));
        assertEquals(1e-40f, FloatMath.expm1(1e-40f));
        assertEquals(0f, FloatMath.log(1f));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(0f));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(-0f));
        assertTrue(Float.isNaN(FloatMath.log(-1f)));
        assertTrue(Float.isNaN(FloatMath.log(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.log(Float.POSITIVE_INFINITY));
        assertEquals((float) StrictMath.log(Float.MIN_VALUE), FloatMath.log(Float.MIN_VALUE));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log1p(-1f));
        assertTrue(Float.isNaN(FloatMath.log1p(-2f)));
        assertEquals(1e-40f, FloatMath.log1p(1e-40f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.softplus(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.softplus(Float.NEGATIVE_INFINITY));
        assertEquals(Float.MAX_VALUE, FloatMath.softplus(Float.MAX_VALUE));
        assertEquals(1f, FloatMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatMath.tanh(-0f)));
        assertEquals(-1e-40f, FloatMath.tanh(-1e-40f));
        assertEquals(0f, FloatMath.sigmoid(Float.NEGATIVE_INFINITY));
        assertEquals(1f, FloatMath.sigmoid(Float.POSITIVE_INFINITY));
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(1f, FloatMath.erf(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.erf(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatMath.erf(-0f)));
        assertEquals(0f, FloatMath.erfc(Float.POSITIVE_INFINITY));
        assertEquals(2f, FloatMath.erfc(Float.NEGATIVE_INFINITY));
        for (FloatFn f : new FloatFn[] {FloatMath::exp, FloatMath::expm1, FloatMath::log, FloatMath::log1p,
            FloatMath::softplus, FloatMath::tanh, FloatMath::sigmoid, FloatMath::erf, FloatMath::erfc}) {
            assertTrue(Float.isNaN(f.apply(Float.NaN)));
        }
    }
}
