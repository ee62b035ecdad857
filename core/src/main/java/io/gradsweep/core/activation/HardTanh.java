package io.gradsweep.core.activation;

/** hard_tanh(z) = clip(z, -1, 1); derivative 1 strictly inside (-1, 1), else 0 (PyTorch). */
final class HardTanh extends Activation {
    static final HardTanh INSTANCE = new HardTanh();

    private HardTanh() {
    }

    @Override
    public String name() {
        return "hard_tanh";
    }

    @Override
    public String canonical() {
        return "hard_tanh";
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
        return z < -1f ? -1f : z > 1f ? 1f : z; // NaN falls through and propagates
    }

    private static float df(float z) {
        return z > -1f && z < 1f ? 1f : 0f;
    }
}
