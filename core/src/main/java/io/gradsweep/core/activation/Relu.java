package io.gradsweep.core.activation;

/** relu(z) = max(z, 0); relu'(0) = 0 as in PyTorch. NaN propagates; relu(-0) = +0. */
final class Relu extends Activation {
    static final Relu INSTANCE = new Relu();

    private Relu() {
    }

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String canonical() {
        return "relu";
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
        return Math.max(z, 0f); // unlike z > 0 ? z : 0, keeps a NaN visible
    }

    private static float df(float z) {
        return z > 0 ? 1f : 0f;
    }
}
