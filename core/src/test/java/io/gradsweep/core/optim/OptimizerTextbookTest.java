package io.gradsweep.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradsweep.core.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each optimiser on the quadratic f(p) = sum a_i p_i^2 / 2 - b_i p_i, step by step, against the
 * update equations as the papers (and PyTorch's documentation) write them, computed here in double.
 */
class OptimizerTextbookTest {
    private static final double[] A = {1.0, 3.0, 0.5};
    private static final double[] B = {0.5, -1.0, 2.0};
    private static final double[] START = {1.0, -2.0, 0.25};
    private static final int STEPS = 25;
    private static final double LR = 0.05;
    private static final double MU = 0.9;
    private static final double WD = 0.1;

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"})
    void followsTheTextbookUpdateStepByStep(String name) {
        for (double decay : new double[] {0, WD}) {
            OptimizerSettings s = new OptimizerSettings(name, MU, 0.9, 0.999, 1e-8, 0.99, decay);
            float[] p = new float[START.length];
            float[] g = new float[START.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) START[i];
            }
            Parameter param = new Parameter("p", p, g, true);
            Optimizer optimizer = Optimizer.create(s, List.of(param));
            double[] q = START.clone();
            double[] m = new double[q.length];
            double[] v = new double[q.length];
            for (int t = 1; t <= STEPS; t++) {
                for (int i = 0; i < p.length; i++) {
                    g[i] = (float) (A[i] * p[i] - B[i]);
                }
                optimizer.step((float) LR);
                textbookStep(name, decay, t, q, m, v);
                for (int i = 0; i < p.length; i++) {
                    assertEquals(q[i], p[i], 2e-5 * (1 + Math.abs(q[i])), name + " wd=" + decay + " step " + t + " p" + i);
                }
            }
        }
    }

    private static void textbookStep(String name, double wd, int t, double[] q, double[] m, double[] v) {
        for (int i = 0; i < q.length; i++) {
            double grad = A[i] * q[i] - B[i];
            if (name.equals("adamw")) {
                q[i] -= LR * wd * q[i];
            } else {
                grad += wd * q[i];
            }
            switch (name) {
                case "sgd" -> q[i] -= LR * grad;
                case "momentum" -> {
                    m[i] = MU * m[i] + grad;
                    q[i] -= LR * m[i];
                }
                case "nesterov" -> {
                    m[i] = MU * m[i] + grad;
                    q[i] -= LR * (grad + MU * m[i]);
                }
                case "adam", "adamw" -> {
                    m[i] = 0.9 * m[i] + 0.1 * grad;
                    v[i] = 0.999 * v[i] + 0.001 * grad * grad;
                    double mHat = m[i] / (1 - Math.pow(0.9, t));
                    double vHat = v[i] / (1 - Math.pow(0.999, t));
                    q[i] -= LR * mHat / (Math.sqrt(vHat) + 1e-8);
                }
                case "rmsprop" -> {
                    v[i] = 0.99 * v[i] + 0.01 * grad * grad;
                    q[i] -= LR * grad / (Math.sqrt(v[i]) + 1e-8);
                }
                case "adagrad" -> {
                    v[i] += grad * grad;
                    q[i] -= LR * grad / (Math.sqrt(v[i]) + 1e-8);
                }
                default -> throw new IllegalArgumentException(name);
            }
        }
    }

    @Test
    void clippingScalesTheGlobalNormDownToTheLimit() {
        float[] g1 = {3f, 0f};
        float[] g2 = {4f};
        List<Parameter> ps = List.of(new Parameter("a", new float[2], g1, true), new Parameter("b", new float[1], g2, false));
        assertEquals(5.0, GradientClipping.clip(ps, 1.0), 1e-12);
        assertEquals(0.6f, g1[0], 1e-6f);
        assertEquals(0.8f, g2[0], 1e-6f);
        assertEquals(1.0, GradientClipping.globalNorm(ps), 1e-6);
        GradientClipping.clip(ps, 10.0);
        assertEquals(0.6f, g1[0], 1e-6f); // under the limit: unchanged
    }

    @Test
    void schedulesFollowTheirClosedForms() {
        LearningRateSchedule step = LearningRateSchedule.step(0.1, 0.5, 10, 0);
        assertEquals(0.1, step.rate(9), 1e-15);
        assertEquals(0.05, step.rate(10), 1e-15);
        assertEquals(0.025, step.rate(25), 1e-15);
        LearningRateSchedule exp = LearningRateSchedule.exponential(0.1, 0.5, 10, 0);
        assertEquals(0.1 * Math.pow(0.5, 0.5), exp.rate(5), 1e-15);
        LearningRateSchedule cos = LearningRateSchedule.cosine(0.1, 0.01, 100, 0);
        assertEquals(0.1, cos.rate(0), 1e-15);
        assertEquals(0.055, cos.rate(50), 1e-12);
        assertEquals(0.01, cos.rate(100), 1e-15);
        LearningRateSchedule warm = LearningRateSchedule.cosine(0.1, 0.0, 110, 10);
        assertEquals(0.01, warm.rate(0), 1e-15);
        assertEquals(0.1, warm.rate(9), 1e-15);
        assertEquals(0.1, warm.rate(10), 1e-15);
        assertEquals(0.05, warm.rate(60), 1e-12);
        assertEquals(0.1, LearningRateSchedule.constant(0.1, 0).rate(1000), 0);
    }
}
