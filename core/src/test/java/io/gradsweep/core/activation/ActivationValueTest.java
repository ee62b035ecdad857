package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** (a) Values against the closed forms in double, at quoted points and over a sweep, within 1 float ulp. */
class ActivationValueTest {
    private static void near(double expected, float actual, String what) {
        double ulps = Reference.ulps(actual, expected);
        assertTrue(ulps <= 1, what + ": expected " + expected + ", got " + actual + " (" + ulps + " ulp)");
    }

    private static float v(String spec, float x) {
        return Activations.parse(spec).value(x);
    }

    @Test
    void quotedPoints() {
        double lambda = ClosedForms.LAMBDA;
        double alpha = ClosedForms.ALPHA;
        near(1.0507009873554805, v("selu", 1), "selu(1)");
        near(lambda * alpha * (StrictMath.exp(-1) - 1), v("selu", -1), "selu(-1)");
        near(-1.1113307378125628, v("selu", -1), "selu(-1) literal");
        near(0.8413447460685429, v("gelu", 1), "gelu(1)");
        near(-0.00404969409489028358, v("gelu", -3), "gelu(-3)");
        near(-7.619853024160526066e-23, v("gelu", -10), "gelu(-10), deep tail");
        near(0.8411919906082768, v("gelu_tanh", 1), "gelu_tanh(1)");
        near(StrictMath.log(2), v("softplus", 0), "softplus(0)");
        near(0.8650983882673103, v("mish", 1), "mish(1)");
        near(0.7310585786300049, v("silu", 1), "silu(1)");
        near(0.7310585786300049, v("swish", 1), "swish(1)");
        near(0.5, v("hard_sigmoid", 0), "hard_sigmoid(0)");
        near(1.0 / 6 + 0.5, v("hard_sigmoid", 1), "hard_sigmoid(1)");
        near(0.5, v("softsign", 1), "softsign(1)");
        near(-0.01, v("leaky_relu", -1), "leaky_relu(-1)");
        near(StrictMath.expm1(-1), v("elu", -1), "elu(-1)");
        near(0.5 * StrictMath.expm1(-2), v("celu(alpha=0.5)", -1), "celu(0.5)(-1)");
        near(StrictMath.tanh(0.5), v("tanh", 0.5f), "tanh(0.5)");
        near(1 / (1 + StrictMath.exp(2)), v("sigmoid", -2), "sigmoid(-2)");
    }

    @Test
    void sweepWithinOneUlpOfClosedForm() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (Activation act : ClosedForms.all()) {
            DoubleUnaryOperator truth = ClosedForms.of(act);
            double from = ClosedForms.accurateFrom(act);
            double worst = 0;
            float worstX = 0;
            for (int i = 0; i < 200_000; i++) {
                float x = switch (i % 4) {
                    case 0 -> (float) rnd.nextDouble(-20, 20);
                    case 1 -> (float) rnd.nextDouble(-120, 120);
                    case 2 -> (float) rnd.nextDouble(-3, 3);
                    default -> Float.intBitsToFloat(rnd.nextInt(0, 0x43000000) | (rnd.nextBoolean() ? 0x80000000 : 0));
                };
                if (x < from) {
                    continue;
                }
                double e = Reference.ulps(act.value(x), truth.applyAsDouble(x));
                if (!(e <= worst)) {
                    worst = e;
                    worstX = x;
                }
            }
            System.out.printf("value %-22s max %.4f ulp at %s%n", act, worst, worstX);
            assertTrue(worst <= 1, act + ": " + worst + " ulp at x=" + worstX);
        }
    }
}
