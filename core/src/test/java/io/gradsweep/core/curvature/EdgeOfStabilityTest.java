package io.gradsweep.core.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The thresholds are where gradient descent on the quadratic (lambda / 2) x^2 stops converging,
 * checked by running that recursion just below and just above each.
 */
class EdgeOfStabilityTest {

    /** |x| after many steps of the optimiser's recursion on f(x) = lambda x^2 / 2, from x = 1. */
    private static double iterate(String name, double lr, double mu, double lambda) {
        double x = 1;
        double v = 0;
        for (int i = 0; i < 2_000; i++) {
            double g = lambda * x;
            switch (name) {
                case "sgd" -> x -= lr * g;
                case "momentum" -> {
                    v = mu * v + g;
                    x -= lr * v;
                }
                case "nesterov" -> {
                    v = mu * v + g;
                    x -= lr * (g + mu * v);
                }
                default -> throw new IllegalArgumentException(name);
            }
        }
        return Math.abs(x);
    }

    @Test
    void eachThresholdSeparatesConvergenceFromDivergence() {
        double lr = 0.05;
        double mu = 0.9;
        for (String name : new String[] {"sgd", "momentum", "nesterov"}) {
            double edge = EdgeOfStability.threshold(name, lr, mu).orElseThrow();
            assertTrue(iterate(name, lr, mu, edge * 0.99) < 1, name + " converges just below " + edge);
            assertTrue(!(iterate(name, lr, mu, edge * 1.01) < 1e3), name + " diverges just above " + edge);
        }
        assertEquals(40, EdgeOfStability.threshold("sgd", lr, mu).orElseThrow(), 1e-12);
        assertEquals(76, EdgeOfStability.threshold("momentum", lr, mu).orElseThrow(), 1e-12);
    }

    @Test
    void adaptiveOptimisersHaveNoThreshold() {
        for (String name : new String[] {"adam", "adamw", "rmsprop", "adagrad"}) {
            assertTrue(EdgeOfStability.threshold(name, 0.01, 0.9).isEmpty(), name);
        }
    }
}
