package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The vectorised activations (see {@link Lanes}) over a dense sweep of floats: forward and
 * derivative within 2 ulp of the closed forms in double (StrictMath, written independently of
 * main), run through the bulk loops (vector bodies and scalar tails) and compared with
 * value/derivative bit for bit. The sweep: every 2039th float bit pattern of both signs (so every
 * binade, normal and subnormal, from 1.4e-45 to 3.4e38), 200,000 random points in [-20, 20] where
 * the functions bend, and the specials (signed zeros, the smallest subnormals, MIN_NORMAL,
 * MAX_VALUE, infinities, NaN).
 */
class VectorKernelSweepTest {
    private static final String[] SMOOTH = {"elu", "elu(alpha=0.5)", "selu", "celu", "celu(alpha=0.25)", "gelu",
        "gelu_tanh", "silu", "mish", "softplus", "tanh", "sigmoid"};

    static float[] sweep() {
        float[] specials = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 2 * Float.MIN_VALUE, 1e-40f, -1e-40f,
            Float.MIN_NORMAL, -Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1f, 10f, -15f, -12f, 40f, -120f, -200f,
            88.7f, -103.9f, -104f};
        int stride = 2039;
        int strided = (int) ((0x7f800000L + stride - 1) / stride);
        float[] out = new float[specials.length + 2 * strided + 200_000];
        System.arraycopy(specials, 0, out, 0, specials.length);
        int k = specials.length;
        for (long bits = 0; bits < 0x7f800000L; bits += stride) {
            out[k++] = Float.intBitsToFloat((int) bits);
            out[k++] = -Float.intBitsToFloat((int) bits);
        }
        SplittableRandom rnd = new SplittableRandom(20261125);
        while (k < out.length) {
            out[k++] = (float) rnd.nextDouble(-20, 20);
        }
        return out;
    }

    /** The textbook derivative in double, in forms that do not cancel in the tails. */
    static DoubleUnaryOperator derivative(Activation act) {
        double a = ClosedForms.alpha(act);
        double k = StrictMath.sqrt(2 / Math.PI);
        return switch (act.name()) {
            case "elu" -> x -> x > 0 ? 1 : a * StrictMath.exp(x);
            case "selu" -> x -> ClosedForms.LAMBDA * (x > 0 ? 1 : ClosedForms.ALPHA * StrictMath.exp(x));
            case "celu" -> x -> x > 0 ? 1 : StrictMath.exp(x / a);
            case "gelu" -> x -> Reference.phi(x) + x * StrictMath.exp(-x * x / 2) / StrictMath.sqrt(2 * Math.PI);
            case "gelu_tanh" -> x -> {
                double u = k * (x + 0.044715 * x * x * x);
                double s = Reference.sigmoid(2 * u);
                double e = StrictMath.exp(-Math.abs(2 * u));
                return s + 2 * x * (e / ((1 + e) * (1 + e))) * k * (1 + 3 * 0.044715 * x * x);
            };
            case "silu" -> x -> {
                double s = Reference.sigmoid(x);
                double e = StrictMath.exp(-Math.abs(x));
                return s + x * e / ((1 + e) * (1 + e));
            };
            case "mish" -> x -> {
                double t = StrictMath.tanh(Reference.softplus(x));
                return t + x * Reference.sigmoid(x) * (1 - t * t);
            };
            case "softplus" -> Reference::sigmoid;
            case "sigmoid" -> x -> {
                double e = StrictMath.exp(-Math.abs(x));
                return e / ((1 + e) * (1 + e));
            };
            case "tanh" -> x -> {
                double e = StrictMath.exp(-2 * Math.abs(x));
                return 4 * e / ((1 + e) * (1 + e));
            };
            default -> throw new AssertionError("no derivative for " + act);
        };
    }

    /** The closed form at x; at ±Inf, where some give Inf*0, their value at ±MAX_VALUE (the limit). */
    private static double closedForm(DoubleUnaryOperator f, float x) {
        double v = f.applyAsDouble(x);
        return Double.isNaN(v) && Float.isInfinite(x) ? f.applyAsDouble(Math.copySign(Float.MAX_VALUE, x)) : v;
    }

    private static int bits(float f) {
        return Float.floatToIntBits(f);
    }

    @Test
    void forwardAndDerivativeWithinTwoUlpAndBulkEqualsScalar() {
        float[] xs = sweep();
        int n = xs.length - 3; // so the bulk loops end in a scalar tail
        List<String> failures = new ArrayList<>();
        for (String spec : SMOOTH) {
            Activation act = Activations.parse(spec);
            DoubleUnaryOperator value = ClosedForms.of(act);
            DoubleUnaryOperator slope = derivative(act);
            float[] y = new float[n];
            float[] g = new float[n];
            java.util.Arrays.fill(g, 1f);
            act.forward(xs, y, n);
            act.backward(xs, y, g, n);
            double worstF = 0;
            double worstD = 0;
            float atF = 0;
            float atD = 0;
            for (int i = 0; i < n; i++) {
                float x = xs[i];
                assertEquals(bits(act.value(x)), bits(y[i]), spec + " forward vs value at " + x);
                assertEquals(bits(act.derivative(x, y[i])), bits(g[i]), spec + " backward vs derivative at " + x);
                if (x < ClosedForms.accurateFrom(act)) {
                    continue;
                }
                double ef = Reference.ulps(y[i], closedForm(value, x));
                double ed = Reference.ulps(g[i], closedForm(slope, x));
                if (!(ef <= worstF)) {
                    worstF = ef;
                    atF = x;
                }
                if (!(ed <= worstD)) {
                    worstD = ed;
                    atD = x;
                }
            }
            System.out.printf("sweep %-18s forward max %.3f ulp at %s, derivative max %.3f ulp at %s (%d points)%n",
                    spec, worstF, atF, worstD, atD, n);
            if (!(worstF <= 2 && worstD <= 2)) {
                failures.add(spec + ": forward " + worstF + " ulp at " + atF + ", derivative " + worstD + " at " + atD);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
