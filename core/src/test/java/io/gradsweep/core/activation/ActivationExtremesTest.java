package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** (c) Extreme inputs: never NaN, finite where the true value is, and the right limits at ±Inf. */
class ActivationExtremesTest {
    private static final float[] FINITE = {0f, -0f, 1e-40f, -1e-40f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL, 1e-30f, -1e-30f, 1e4f, -1e4f, 1e30f, -1e30f,
        Float.MAX_VALUE, -Float.MAX_VALUE, 89f, -89f, 105f, -105f, 700f, -700f, 1e6f, -1e6f};

    @Test
    void finiteInputsGiveNoNaN() {
        for (Activation act : ClosedForms.all()) {
            for (float x : FINITE) {
                float y = act.value(x);
                float d = act.derivative(x, y);
                assertFalse(Float.isNaN(y), act + "(" + x + ") is NaN");
                assertFalse(Float.isNaN(d), act + "'(" + x + ") is NaN");
                assertTrue(Float.isFinite(d), act + "'(" + x + ") = " + d);
                // The one true overflow: selu's scale lambda > 1 takes MAX_VALUE past the float range.
                boolean overflows = act.name().equals("selu") && x == Float.MAX_VALUE;
                assertEquals(!overflows, Float.isFinite(y), act + "(" + x + ") = " + y);
            }
        }
    }

    @Test
    void smallInputsBehaveLikeTheSlopeAtZero() {
        for (Activation act : ClosedForms.all()) {
            double slope = act.derivative(Float.MIN_VALUE, act.value(Float.MIN_VALUE)); // right-hand slope at 0
            float y = act.value(1e-40f);
            double expected = act.name().equals("hard_sigmoid") || act.name().equals("softplus")
                    || act.name().equals("sigmoid") ? act.value(0f) : slope * 1e-40f;
            assertEquals(expected, y, Math.abs(expected) * 1e-3 + Float.MIN_VALUE, act + "(1e-40)");
        }
    }

    @Test
    void limitsAtInfinity() {
        float inf = Float.POSITIVE_INFINITY;
        float lambda = (float) ClosedForms.LAMBDA;
        float lambdaAlpha = (float) (ClosedForms.LAMBDA * ClosedForms.ALPHA);
        // name -> {f(+Inf), f(-Inf), f'(+Inf), f'(-Inf)} for default parameters
        Map<String, float[]> limits = Map.ofEntries(
                Map.entry("identity", new float[] {inf, -inf, 1, 1}),
                Map.entry("relu", new float[] {inf, 0, 1, 0}),
                Map.entry("leaky_relu", new float[] {inf, -inf, 1, 0.01f}),
                Map.entry("elu", new float[] {inf, -1, 1, 0}),
                Map.entry("selu", new float[] {inf, -lambdaAlpha, lambda, 0}),
                Map.entry("celu", new float[] {inf, -1, 1, 0}),
                Map.entry("gelu", new float[] {inf, 0, 1, 0}),
                Map.entry("gelu_tanh", new float[] {inf, 0, 1, 0}),
                Map.entry("silu", new float[] {inf, 0, 1, 0}),
                Map.entry("mish", new float[] {inf, 0, 1, 0}),
                Map.entry("softplus", new float[] {inf, 0, 1, 0}),
                Map.entry("softsign", new float[] {1, -1, 0, 0}),
                Map.entry("tanh", new float[] {1, -1, 0, 0}),
                Map.entry("sigmoid", new float[] {1, 0, 0, 0}),
                Map.entry("hard_tanh", new float[] {1, -1, 0, 0}),
                Map.entry("hard_sigmoid", new float[] {1, 0, 0, 0}));
        assertEquals(Activations.names().size(), limits.size());
        for (String name : Activations.names()) {
            Activation act = Activations.parse(name);
            float[] l = limits.get(name);
            // == rather than assertEquals: a limit of 0 may be reached from below as -0
            assertTrue(l[0] == act.value(inf), name + "(+Inf) = " + act.value(inf));
            assertTrue(l[1] == act.value(-inf), name + "(-Inf) = " + act.value(-inf));
            assertTrue(l[2] == act.derivative(inf, act.value(inf)), name + "'(+Inf)");
            assertTrue(l[3] == act.derivative(-inf, act.value(-inf)), name + "'(-Inf)");
        }
    }

    @Test
    void nanPropagatesThroughValues() {
        for (Activation act : ClosedForms.all()) {
            assertTrue(Float.isNaN(act.value(Float.NaN)), act + "(NaN)");
        }
    }
}
