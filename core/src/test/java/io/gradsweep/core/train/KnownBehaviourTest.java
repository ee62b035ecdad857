package io.gradsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.trace.TracePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Published behaviour of deep networks, reproduced on digits. */
class KnownBehaviourTest {

    private static List<TracePoint> trace(Map<String, ?> settings) {
        List<TracePoint> points = new ArrayList<>();
        Trainer.run(TrialSpec.of(settings), points::add);
        return points;
    }

    /** First-layer / last-layer weight-gradient norm at initialisation. */
    private static double initialGradientRatio(String activation, int depth) {
        TracePoint init = trace(Map.of("activation", activation, "depth", depth, "width", 64,
                "init", "glorot_normal", "max_steps", 1)).get(0);
        float[] g = init.gradientNorm();
        return g[0] / g[g.length - 1];
    }

    @Test
    void sigmoidGradientsVanishWithDepth() {
        // Glorot and Bengio (2010), Hochreiter (1991): sigmoid' <= 1/4 shrinks the error layer by layer.
        double r4 = initialGradientRatio("sigmoid", 4);
        double r8 = initialGradientRatio("sigmoid", 8);
        double r16 = initialGradientRatio("sigmoid", 16);
        assertTrue(r8 < 1e-2, "depth 8 ratio " + r8);
        assertTrue(r16 < r8 && r8 < r4, "ratios must shrink with depth: " + r4 + ", " + r8 + ", " + r16);
        assertTrue(r16 < 1e-4, "depth 16 ratio " + r16);
        // tanh (derivative 1 at 0) with Glorot init keeps the ratio near 1 at the same depth
        double tanh8 = initialGradientRatio("tanh", 8);
        assertTrue(tanh8 > 100 * r8, "tanh " + tanh8 + " vs sigmoid " + r8);
    }

    @Test
    void reluDiesAtALargeLearningRateWhileLeakyReluCannot() {
        Map<String, Object> base = Map.of("depth", 4, "width", 64, "lr", 1.0, "epochs", 3,
                "divergence_factor", 1e9);
        double deadRelu = maxDead(trace(with(base, "activation", "relu")));
        double deadLeaky = maxDead(trace(with(base, "activation", "leaky_relu")));
        double deadReluSmallLr = maxDead(trace(with(with(base, "activation", "relu"), "lr", 0.001)).subList(0, 1));
        assertTrue(deadRelu > 0.2, "relu at lr 1: dead fraction " + deadRelu);
        assertEquals(0.0, deadLeaky, "leaky_relu's derivative is never 0");
        assertTrue(deadReluSmallLr < 0.05, "relu at initialisation: dead fraction " + deadReluSmallLr);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static double maxDead(List<TracePoint> points) {
        double max = 0;
        for (TracePoint p : points) {
            for (float d : p.deadFraction()) {
                max = Math.max(max, d);
            }
        }
        return max;
    }
}
