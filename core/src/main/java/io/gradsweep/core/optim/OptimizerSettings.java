package io.gradsweep.core.optim;

import java.util.List;

/**
 * The optimiser a trial uses and its hyper-parameters; defaults are PyTorch's. Weight decay is
 * L2 added to the gradient (coupled) for every optimiser but adamw, where it is decoupled
 * (Loshchilov and Hutter 2019); it applies to weights, not to biases.
 */
public final class OptimizerSettings {
    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad");

    private final String name;
    private final double momentum;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double rho;
    private final double weightDecay;

    public OptimizerSettings(String name, double momentum, double beta1, double beta2, double epsilon, double rho,
                             double weightDecay) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + String.join(", ", NAMES));
        }
        this.name = name;
        this.momentum = momentum;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.rho = rho;
        this.weightDecay = weightDecay;
    }

    /** The PyTorch defaults for {@code name}. */
    public static OptimizerSettings defaults(String name) {
        double eps = name.equals("adagrad") ? 1e-10 : 1e-8;
        return new OptimizerSettings(name, 0.9, 0.9, 0.999, eps, 0.99, 0.0);
    }

    public String name() {
        return name;
    }

    public double momentum() {
        return momentum;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    /** RMSprop's smoothing constant (PyTorch's alpha). */
    public double rho() {
        return rho;
    }

    public double weightDecay() {
        return weightDecay;
    }
}
