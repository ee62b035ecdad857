package io.gradsweep.core.optim;

import io.gradsweep.core.nn.Parameter;
import java.util.List;

/**
 * Stochastic gradient descent, with heavy-ball or Nesterov momentum as PyTorch writes them:
 * v = mu v + g; p -= lr v (heavy ball) or p -= lr (g + mu v) (Nesterov).
 */
final class Sgd extends Optimizer {
    private final float momentum;
    private final boolean nesterov;
    private final float[][] velocity;

    Sgd(List<Parameter> parameters, double momentum, boolean nesterov, double weightDecay) {
        super(parameters, weightDecay, false);
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
        this.velocity = momentum == 0 ? null : stateFor(parameters);
    }

    @Override
    protected void update(int index, Parameter p, float lr) {
        float[] w = p.value();
        float[] g = p.grad();
        if (velocity == null) {
            for (int j = 0; j < w.length; j++) {
                w[j] -= lr * g[j];
            }
            return;
        }
        float[] v = velocity[index];
        for (int j = 0; j < w.length; j++) {
            v[j] = momentum * v[j] + g[j];
            w[j] -= lr * (nesterov ? g[j] + momentum * v[j] : v[j]);
        }
    }
}
