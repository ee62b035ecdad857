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

    private static float f(float z) {
        return FloatMath.sigmoid(z);
    }

    private static float df(float z) {
        return (float) Kernels.sigmoidDerivative(Kernels.widen(z));
    }
}
