package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * (d) The bulk loops equal the scalar value/derivative bit for bit, also once the JIT has compiled
 * them: the forward and backward passes, and the training forward that keeps the derivative.
 */
class ActivationBulkTest {
    private static float[] inputs(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] specials = {0f, -0f, 1e-40f, -1e-40f, 1f, -1f, 3f, -3f, 1e4f, -1e4f, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = i < specials.length ? specials[i]
                    : i % 3 == 0 ? Float.intBitsToFloat(rnd.nextInt()) : (float) rnd.nextDouble(-25, 25);
        }
        return z;
    }

    private static int bits(float f) {
        return Float.floatToIntBits(f); // NaN payloads are not specified by Java: compare NaN as NaN
    }

    @Test
    void bulkEqualsScalarBitwise() {
        int n = 4096;
        float[] z = inputs(n + 3, 11);
        SplittableRandom rnd = new SplittableRandom(12);
        float[] grad = new float[n + 3];
        for (int i = 0; i < grad.length; i++) {
            grad[i] = (float) rnd.nextDouble(-2, 2);
        }
        for (Activation act : ClosedForms.all()) {
            float[] y = new float[n + 3];
            float[] g = new float[n + 3];
            for (int round = 0; round < 300; round++) { // enough calls for C2 to compile the loops
                y[n] = 42f;
                act.forward(z, y, n);
                System.arraycopy(grad, 0, g, 0, g.length);
                act.backward(z, y, g, n);
                if (round % 100 == 0 || round == 299) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(bits(act.value(z[i])), bits(y[i]), act + " forward at z=" + z[i]);
                        float expected = grad[i] * act.derivative(z[i], y[i]);
                        assertEquals(bits(expected), bits(g[i]), act + " backward at z=" + z[i]);
                    }
                    assertEquals(42f, y[n], "forward wrote past n");
                    assertEquals(grad[n], g[n], "backward wrote past n");
                }
            }
        }
    }

    /** Every cut the fused training loops branch on, and the floats either side of it. */
    private static float[] withCuts(float[] z) {
        float[] cuts = {0f, 10f, -12f, -15f, 20f, -20f, 40f, -120f, 200f, -200f, 350f, 700f, -700f};
        float[] all = java.util.Arrays.copyOf(z, z.length + 3 * cuts.length);
        int i = z.length;
        for (float c : cuts) {
            all[i++] = c;
            all[i++] = Math.nextUp(c);
            all[i++] = Math.nextDown(c);
        }
        return all;
    }

    @Test
    void trainingForwardKeepsTheDerivativeBackwardMultipliesBy() {
        float[] z = withCuts(inputs(16384, 13));
        int n = z.length - 1;
        for (Activation act : ClosedForms.all()) {
            float[] y = new float[z.length];
            float[] d = new float[z.length];
            for (int round = 0; round < 300; round++) {
                y[n] = 42f;
                d[n] = 43f;
                act.forward(z, y, d, n);
                if (round % 100 == 0 || round == 299) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(bits(act.value(z[i])), bits(y[i]), act + " value at z=" + z[i]);
                        assertEquals(bits(act.derivative(z[i], y[i])), bits(d[i]), act + " derivative at z=" + z[i]);
                    }
                    assertEquals(42f, y[n], "forward wrote past n");
                    assertEquals(43f, d[n], "forward wrote past n");
                }
            }
        }
    }
}
