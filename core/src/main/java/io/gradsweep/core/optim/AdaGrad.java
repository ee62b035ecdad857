package io.gradsweep.core.optim;

import io.gradsweep.core.nn.Parameter;
import java.util.List;

/** AdaGrad (Duchi, Hazan, Singer 2011): s += g^2; p -= lr g / (sqrt(s) + eps). */
final class AdaGrad extends Optimizer {
    private final float epsilon;
    private final float[][] sum;

    AdaGrad(List<Parameter> parameters, OptimizerSettings s) {
        super(parameters, s.weightDecay(), false);
        this.epsilon = (float) s.epsilon();
        this.sum = stateFor(parameters);
    }

    @Override
    protected void update(int index, Parameter p, float lr) {
        float[] w = p.value();
        float[] g = p.grad();
        float[] s = sum[index];
        for (int j = 0; j < w.length; j++) {
            s[j] += g[j] * g[j];
            w[j] -= lr * g[j] / ((float) Math.sqrt(s[j]) + epsilon);
        }
    }
}
