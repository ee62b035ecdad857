package io.gradsweep.core.optim;

import io.gradsweep.core.nn.Parameter;
import java.util.List;

/** RMSprop (Hinton 2012) as PyTorch writes it: v = rho v + (1-rho) g^2; p -= lr g / (sqrt(v) + eps). */
final class RmsProp extends Optimizer {
    private final float rho;
    private final float epsilon;
    private final float[][] square;

    RmsProp(List<Parameter> parameters, OptimizerSettings s) {
        super(parameters, s.weightDecay(), false);
        this.rho = (float) s.rho();
        this.epsilon = (float) s.epsilon();
        this.square = stateFor(parameters);
    }

    @Override
    protected void update(int index, Parameter p, float lr) {
        float[] w = p.value();
        float[] g = p.grad();
        float[] v = square[index];
        for (int j = 0; j < w.length; j++) {
            v[j] = rho * v[j] + (1f - rho) * g[j] * g[j];
            w[j] -= lr * g[j] / ((float) Math.sqrt(v[j]) + epsilon);
        }
    }
}
