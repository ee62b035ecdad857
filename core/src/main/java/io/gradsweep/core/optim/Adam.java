package io.gradsweep.core.optim;

import io.gradsweep.core.nn.Parameter;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) with bias correction: m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2,
 * p -= lr m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps). AdamW decays the weights before the update.
 */
final class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final double beta1d;
    private final double beta2d;
    private final float[][] first;
    private final float[][] second;
    private float correction1;
    private float correction2;

    Adam(List<Parameter> parameters, OptimizerSettings s, boolean decoupled) {
        super(parameters, s.weightDecay(), decoupled);
        this.beta1 = (float) s.beta1();
        this.beta2 = (float) s.beta2();
        this.beta1d = s.beta1();
        this.beta2d = s.beta2();
        this.epsilon = (float) s.epsilon();
        this.first = stateFor(parameters);
        this.second = stateFor(parameters);
    }

    @Override
    protected void beginStep(long t) {
        correction1 = (float) (1 - StrictMath.pow(beta1d, t));
        correction2 = (float) (1 - StrictMath.pow(beta2d, t));
    }

    @Override
    protected void update(int index, Parameter p, float lr) {
        float[] w = p.value();
        float[] g = p.grad();
        float[] m = first[index];
        float[] v = second[index];
        for (int j = 0; j < w.length; j++) {
            m[j] = beta1 * m[j] + (1f - beta1) * g[j];
            v[j] = beta2 * v[j] + (1f - beta2) * g[j] * g[j];
            float mHat = m[j] / correction1;
            float vHat = v[j] / correction2;
            w[j] -= lr * mHat / ((float) Math.sqrt(vHat) + epsilon);
        }
    }
}
