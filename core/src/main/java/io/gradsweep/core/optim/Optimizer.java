package io.gradsweep.core.optim;

import io.gradsweep.core.nn.Parameter;
import java.util.List;

/**
 * Updates parameters from their gradients. State (velocities, moment estimates) is allocated once
 * for the given parameters, so a step allocates nothing. Each subclass writes its textbook
 * update in {@link #update}, element by element.
 */
public abstract class Optimizer {
    protected final List<Parameter> parameters;
    protected final float weightDecay;
    private final boolean decoupledDecay;
    private long step;

    protected Optimizer(List<Parameter> parameters, double weightDecay, boolean decoupledDecay) {
        this.parameters = List.copyOf(parameters);
        this.weightDecay = (float) weightDecay;
        this.decoupledDecay = decoupledDecay;
    }

    /** An optimiser of {@code settings} for {@code parameters}. */
    public static Optimizer create(OptimizerSettings settings, List<Parameter> parameters) {
        return switch (settings.name()) {
            case "sgd" -> new Sgd(parameters, 0, false, settings.weightDecay());
            case "momentum" -> new Sgd(parameters, settings.momentum(), false, settings.weightDecay());
            case "nesterov" -> new Sgd(parameters, settings.momentum(), true, settings.weightDecay());
            case "adam" -> new Adam(parameters, settings, false);
            case "adamw" -> new Adam(parameters, settings, true);
            case "rmsprop" -> new RmsProp(parameters, settings);
            case "adagrad" -> new AdaGrad(parameters, settings);
            default -> throw new IllegalArgumentException("unknown optimizer " + settings.name());
        };
    }

    /** One update of every parameter with learning rate {@code learningRate}. */
    public final void step(float learningRate) {
        step++;
        beginStep(step);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (weightDecay != 0f && p.decays()) {
                applyDecay(p, learningRate);
            }
            update(i, p, learningRate);
        }
    }

    private void applyDecay(Parameter p, float learningRate) {
        float[] w = p.value();
        if (decoupledDecay) {
            float shrink = 1f - learningRate * weightDecay;
            for (int j = 0; j < w.length; j++) {
                w[j] *= shrink;
            }
        } else {
            float[] g = p.grad();
            for (int j = 0; j < w.length; j++) {
                g[j] += weightDecay * w[j];
            }
        }
    }

    /** Steps taken so far, counting from 1 at the first {@link #step}. */
    public long steps() {
        return step;
    }

    /** Per-step work shared by all parameters (e.g. Adam's bias corrections). */
    protected void beginStep(long t) {
    }

    /** The update of parameter {@code index} (whose gradient already includes coupled decay). */
    protected abstract void update(int index, Parameter p, float learningRate);

    protected static float[][] stateFor(List<Parameter> parameters) {
        float[][] state = new float[parameters.size()][];
        for (int i = 0; i < state.length; i++) {
            state[i] = new float[parameters.get(i).size()];
        }
        return state;
    }
}
