package io.gradsweep.core.activation;

import java.util.ArrayList;
import java.util.List;

/** A checksum of every FloatMath function and activation over fixed inputs; main prints it (for a -Xint JVM). */
public final class DeterminismProbe {
    private DeterminismProbe() {
    }

    static float[] inputs() {
        float[] xs = new float[20_000];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < xs.length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L; // fixed LCG: no dependency on JDK RNGs
            int r = (int) (s >>> 32);
            xs[i] = (i & 1) == 0 ? Float.intBitsToFloat(r) : (r >> 8) * 0x1p-18f; // raw bits, or [-32, 32)
        }
        return xs;
    }

    interface FloatFn {
        float apply(float x);
    }

    static long checksum() {
        float[] xs = inputs();
        long h = 0xCBF29CE484222325L;
        FloatFn[] fns = {FloatMath::exp, FloatMath::expm1, FloatMath::log, FloatMath::log1p, FloatMath::softplus,
            FloatMath::tanh, FloatMath::sigmoid, FloatMath::erf, FloatMath::erfc};
        for (FloatFn f : fns) {
            for (float x : xs) {
                h = mix(h, f.apply(x));
            }
        }
        List<Activation> acts = new ArrayList<>();
        for (String name : Activations.names()) {
            acts.add(Activations.parse(name));
        }
        acts.add(Activations.parse("elu(0.3)"));
        acts.add(Activations.parse("celu(0.3)"));
        acts.add(Activations.parse("leaky_relu(0.3)"));
        for (Activation a : acts) {
            float[] y = new float[xs.length];
            float[] g = new float[xs.length];
            java.util.Arrays.fill(g, 0.75f);
            a.forward(xs, y, xs.length);
            a.backward(xs, y, g, xs.length);
            for (int i = 0; i < xs.length; i++) {
                h = mix(mix(mix(h, y[i]), g[i]), a.derivative(xs[i], y[i]));
            }
        }
        return h;
    }

    private static long mix(long h, float v) {
        return (h ^ Float.floatToIntBits(v)) * 0x100000001B3L; // floatToIntBits: NaN payloads are unspecified
    }

    public static void main(String[] args) {
        System.out.println(Long.toHexString(checksum()));
    }
}
