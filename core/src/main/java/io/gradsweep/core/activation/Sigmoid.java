package io.gradsweep.core.activation;

/** sigmoid(z) = 1/(1+e^-z); derivative from z as e/(1+e)^2, e = e^-|z| (not y(1-y), which is 0 once y rounds to 1). */
final class Sigmoid extends Activation {
    static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String canonical() {
        return "sigmoid";
    }

    @Override
    public float value(float z) {
        return f(z);
    }

    @Override
    public float derivative(float z, float y) {
        return df(z);
    }

    @Override
    public void forward(float[] z, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = f(z[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        for (int i = 0; i < n; i++) {
            grad[i] *= df(z[i]);
        }
    }

    /**
     * For 0 <= z <= 700 f and f' take e^-z of the same argument (neither clamp acts there):
     * computed once. Below 0 they use e^-z and e^z, so each is computed as before.
     */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            if (zi >= 0f && zi <= 700f) {
                double e = Kernels.exp(-Kernels.widen(zi));
                double s = 1.0 + e;
                y[i] = (float) (1.0 / s);
                d[i] = (float) (e / (s * s));
            } else {
                y[i] = f(zi);
                d[i] = df(zi);
            }
        }
    }

    private static float f(float z) {
        return FloatMath.sigmoid(z);
    }

    private static float df(float z) {
        return (float) Kernels.sigmoidDerivative(Kernels.widen(z));
    }
}
