package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** (b) Derivatives against a 5-point central difference of the double closed form; kink conventions. */
class ActivationDerivativeTest {
    private static final double H = 1e-3;

    /** Fourth-order central difference: truncation ~h^4 f'''''/30, rounding ~1.5e-16 |f| / h. */
    static double fd(DoubleUnaryOperator f, double x, double h) {
        double d1 = f.applyAsDouble(x + h) - f.applyAsDouble(x - h);
        double d2 = f.applyAsDouble(x + 2 * h) - f.applyAsDouble(x - 2 * h);
        return (8 * d1 - d2) / (12 * h);
    }

    private static boolean nearKink(Activation act, double x, double margin) {
        for (double k : ClosedForms.kinks(act)) {
            if (Math.abs(x - k) < margin) {
                return true;
            }
        }
        return false;
    }

    @Test
    void matchesFiniteDifferencesOnAGrid() {
        for (Activation act : ClosedForms.all()) {
            DoubleUnaryOperator f = ClosedForms.of(act);
            double from = Math.max(-12, ClosedForms.accurateFrom(act));
            int checked = 0;
            for (double x = from + 0.0123; x <= 12; x += 0.0371) {
                if (nearKink(act, x, 3 * H)) {
                    continue;
                }
                float z = (float) x;
                double expected = fd(f, z, H);
                float got = act.derivative(z, act.value(z));
                // float rounding of the result, plus the difference quotient's own rounding error
                double tol = 1e-6 * Math.abs(expected) + 1e-12 + 2e-16 * Math.abs(f.applyAsDouble(z)) / H;
                assertEquals(expected, got, tol, act + "'(" + z + ")");
                checked++;
            }
            assertTrue(checked > 400, act + " checked " + checked);
        }
    }

    /** In the tails the derivative is tiny; it must stay relatively accurate, not round to 0 early. */
    @Test
    void relativelyAccurateInTheTails() {
        String[] specs = {"sigmoid", "tanh", "softplus", "silu", "mish", "elu", "selu", "celu(alpha=0.5)",
            "gelu", "gelu_tanh", "softsign"};
        double[] xs = {-9, -15, -20, -30, -45, -60, -80, 20, 30};
        for (String spec : specs) {
            Activation act = Activations.parse(spec);
            DoubleUnaryOperator f = ClosedForms.of(act);
            for (double x : xs) {
                if (x < ClosedForms.accurateFrom(act)) {
                    continue;
                }
                // The analytic tail derivative via a difference of f on a scale where f is smooth.
                double h = 1e-3;
                double expected = fd(f, x, h);
                double rounding = 2e-16 * Math.abs(f.applyAsDouble(x)) / h;
                if (Math.abs(expected) < 1e-30 || rounding > 1e-8 * Math.abs(expected)) {
                    continue; // below float's normal range, or f ~ 1 swamps a tiny f' (checked below)
                }
                float got = act.derivative((float) x, act.value((float) x));
                assertEquals(expected, got, 1e-6 * Math.abs(expected), spec + "'(" + x + ")");
            }
        }
    }

    /** Where f saturates at 1, a difference quotient of f cannot see f'; use the analytic forms. */
    @Test
    void saturatedSideAgainstAnalyticForms() {
        for (double x : new double[] {10, 17, 20, 30, 50, 80}) {
            double e = StrictMath.exp(-x);
            double sig = e / ((1 + e) * (1 + e));
            assertEquals(sig, Activations.parse("sigmoid").derivative((float) x, 1f), 1e-6 * sig, "sigmoid'(" + x + ")");
            double sp = e / (1 + e); // softplus' = sigmoid, tiny on the left
            assertEquals(sp, Activations.parse("softplus").derivative((float) -x, 0f), 1e-6 * sp, "softplus'(-" + x + ")");
            double e2 = StrictMath.exp(-x);
            double th = 4 * e2 / ((1 + e2) * (1 + e2)); // tanh'(x/2)
            assertEquals(th, Activations.parse("tanh").derivative((float) (x / 2), 1f), 1e-6 * th, "tanh'(" + x / 2 + ")");
        }
    }

    @Test
    void kinkConventionsFollowPyTorch() {
        assertEquals(0f, Activations.parse("relu").derivative(0f, 0f));
        assertEquals(1f, Activations.parse("relu").derivative(Float.MIN_VALUE, Float.MIN_VALUE));
        assertEquals(0.1f, Activations.parse("leaky_relu(0.1)").derivative(0f, 0f));
        assertEquals(0.5f, Activations.parse("elu(0.5)").derivative(0f, 0f));
        assertEquals((float) (ClosedForms.LAMBDA * ClosedForms.ALPHA), Activations.parse("selu").derivative(0f, 0f));
        assertEquals(1f, Activations.parse("celu(0.5)").derivative(0f, 0f));
        Activation hardTanh = Activations.parse("hard_tanh");
        assertEquals(0f, hardTanh.derivative(-1f, -1f));
        assertEquals(0f, hardTanh.derivative(1f, 1f));
        assertEquals(1f, hardTanh.derivative(Math.nextDown(1f), Math.nextDown(1f)));
        Activation hardSigmoid = Activations.parse("hard_sigmoid");
        assertEquals(0f, hardSigmoid.derivative(-3f, 0f));
        assertEquals(0f, hardSigmoid.derivative(3f, 1f));
        assertEquals((float) (1.0 / 6), hardSigmoid.derivative(0f, 0.5f));
        assertEquals(1f, Activations.parse("softsign").derivative(0f, 0f));
        assertEquals(1f, Activations.parse("identity").derivative(0f, 0f));
    }
}
