package io.gradsweep.core.activation;

/** leaky_relu(z) = z if z > 0 else alpha*z; the derivative at 0 is alpha, as in PyTorch. */
final class LeakyRelu extends Activation {
    private final float alpha;

    LeakyRelu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String canonical() {
        return "leaky_relu(alpha=" + alpha + ")";
    }

    @Override
    public float value(float z) {
        return f(z, alpha);
    }

    @Override
    public float derivative(float z, float y) {
        return df(z, alpha);
    }

    @Override
    public void forward(float[] z, float[] y, int n) {
        float a = alpha;
        for (int i = 0; i < n; i++) {
            y[i] = f(z[i], a);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        float a = alpha;
        for (int i = 0; i < n; i++) {
            grad[i] *= df(z[i], a);
        }
    }

    private static float f(float z, float alpha) {
        return z > 0 ? z : alpha * z;
    }

    private static float df(float z, float alpha) {
        return z > 0 ? 1f : alpha;
    }
}
