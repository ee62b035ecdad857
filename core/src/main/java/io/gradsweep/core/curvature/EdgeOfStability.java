package io.gradsweep.core.curvature;

import java.util.OptionalDouble;

/**
 * The sharpness above which gradient descent on a quadratic with that curvature diverges: 2 / lr
 * for plain SGD, 2 (1 + mu) / lr for heavy-ball momentum and (2 + 2 mu) / ((1 + 2 mu) lr) for
 * Nesterov (Cohen et al. 2021, "Gradient Descent on Neural Networks Typically Occurs at the Edge
 * of Stability", section 3 and appendix). Adaptive optimisers (adam, adamw, rmsprop, adagrad)
 * precondition the step per coordinate, so the raw Hessian has no such line: none.
 */
public final class EdgeOfStability {
    private EdgeOfStability() {
    }

    /** The threshold for optimiser {@code name} at learning rate {@code lr}; empty for adaptive ones. */
    public static OptionalDouble threshold(String name, double lr, double momentum) {
        if (!(lr > 0)) {
            return OptionalDouble.empty();
        }
        return switch (name) {
            case "sgd" -> OptionalDouble.of(2 / lr);
            case "momentum" -> OptionalDouble.of(2 * (1 + momentum) / lr);
            case "nesterov" -> OptionalDouble.of((2 + 2 * momentum) / ((1 + 2 * momentum) * lr));
            default -> OptionalDouble.empty();
        };
    }
}
