package io.gradsweep.core.activation;

/**
 * hard_sigmoid, the PyTorch definition: relu6(z+3)/6 = clip(z/6 + 1/2, 0, 1) (not Keras' slope
 * 0.2); derivative 1/6 strictly inside (-3, 3), else 0.
 */
final class HardSigmoid extends Activation {
    static final HardSigmoid INSTANCE = new HardSigmoid();
    private static final float SLOPE = (float) (1.0 / 6.0);

    private HardSigmoid() {
    }

    @Override
    public String name() {
        return "hard_sigmoid";
    }

    @Override
    public String canonical() {
        return "hard_sigmoid";
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
        // In double and rounded once, so e.g. f(0) is exactly 0.5 and f is monotone.
        return z <= -3f ? 0f : z >= 3f ? 1f : (float) ((Kernels.widen(z) + 3.0) / 6.0);
    }

    private static float df(float z) {
        return z > -3f && z < 3f ? SLOPE : 0f;
    }
}
