package io.gradsweep.core.activation;

/** softplus(z) = log(1+e^z), stable for large |z| (= z beyond ~17, no threshold parameter); derivative sigmoid(z). */
final class Softplus extends Activation {
    static final Softplus INSTANCE = new Softplus();

    private Softplus() {
    }

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String canonical() {
        return "softplus";
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
     * For z > 0 f and f' (sigmoid) take e^-z of the same argument (their clamps agree, both at
     * -700): computed once. At or below 0 f uses e^z and sigmoid e^-z, so each is computed as before.
     */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            if (zi > 0f) {
                double x = Kernels.widen(zi);
                double e = Kernels.exp(-(x > 700.0 ? 700.0 : x));
                y[i] = (float) (x + Kernels.log1p(e));
                d[i] = (float) (1.0 / (1.0 + e));
            } else {
                y[i] = f(zi);
                d[i] = df(zi);
            }
        }
    }

    private static float f(float z) {
        return FloatMath.softplus(z);
    }

    private static float df(float z) {
        return FloatMath.sigmoid(z);
    }
}
