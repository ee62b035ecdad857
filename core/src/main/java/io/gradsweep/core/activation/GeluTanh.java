package io.gradsweep.core.activation;

/** gelu_tanh(z) = z/2*(1+tanh(sqrt(2/pi)(z+0.044715z^3))), computed as z*sigmoid(2u) to avoid 1+tanh cancelling. */
final class GeluTanh extends Activation {
    static final GeluTanh INSTANCE = new GeluTanh();
    private static final double K0 = 0.7978845608028654; // sqrt(2/pi)
    private static final double K1 = 0.044715;

    private GeluTanh() {
    }

    @Override
    public String name() {
        return "gelu_tanh";
    }

    @Override
    public String canonical() {
        return "gelu_tanh";
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

    /** f and f' share e^-2u: computed once, with f's and df's expressions. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            if (zi > 10f || zi < -12f) {
                y[i] = f(zi);
                d[i] = df(zi);
            } else {
                double x = Kernels.widen(zi);
                double u = K0 * (x + K1 * x * x * x);
                double e = Kernels.exp(-2.0 * u);
                double s = 1.0 + e;
                double du = K0 * (1.0 + 3.0 * K1 * x * x);
                y[i] = (float) (x / s);
                d[i] = (float) ((1.0 + 2.0 * x * (e / s) * du) / s);
            }
        }
    }

    private static float f(float z) {
        if (z > 10f) {
            return z;
        }
        if (z < -12f) {
            return -0f; // z*sigmoid(2u) < 1e-60 here
        }
        double x = Kernels.widen(z);
        double u = K0 * (x + K1 * x * x * x);
        return (float) (x / (1.0 + Kernels.exp(-2.0 * u)));
    }

    private static float df(float z) {
        if (z > 10f) {
            return 1f;
        }
        if (z < -12f) {
            return -0f;
        }
        double x = Kernels.widen(z);
        double u = K0 * (x + K1 * x * x * x);
        double e = Kernels.exp(-2.0 * u);
        double d = 1.0 + e;
        double du = K0 * (1.0 + 3.0 * K1 * x * x);
        // s = 1/d, 1 - s = e/d; d/dz [z*s(2u)] = s + 2z*s*(1-s)*u'
        return (float) ((1.0 + 2.0 * x * (e / d) * du) / d);
    }
}
