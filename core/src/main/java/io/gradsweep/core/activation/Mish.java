package io.gradsweep.core.activation;

/** mish(z) = z*tanh(softplus(z)), by the exact rational form in w = e^z (one exp, no cancellation). */
final class Mish extends Activation {
    static final Mish INSTANCE = new Mish();

    private Mish() {
    }

    @Override
    public String name() {
        return "mish";
    }

    @Override
    public String canonical() {
        return "mish";
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

    /** f and f' share w = e^z: computed once, with f's and df's expressions. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            if (zi > 40f || zi < -120f) {
                y[i] = f(zi);
                d[i] = df(zi);
            } else {
                double x = Kernels.widen(zi);
                double w = Kernels.exp(x);
                double m = w * (w + 2.0);
                double s = m + 2.0;
                y[i] = (float) (x * (m / s));
                d[i] = (float) (m / s + 4.0 * x * w * (1.0 + w) / (s * s));
            }
        }
    }

    // tanh(log(1+w)) = n/(n+2) with n = w(w+2); 1 - t^2 = 4(1+w)^2/(n+2)^2 and sigmoid = w/(1+w),
    // so mish' = t + z*sigmoid*(1 - t^2) = t + 4zw(1+w)/(n+2)^2.
    private static float f(float z) {
        if (z > 40f) {
            return z;
        }
        if (z < -120f) {
            return -0f;
        }
        double x = Kernels.widen(z);
        double w = Kernels.exp(x);
        double n = w * (w + 2.0);
        return (float) (x * (n / (n + 2.0)));
    }

    private static float df(float z) {
        if (z > 40f) {
            return 1f;
        }
        if (z < -120f) {
            return -0f;
        }
        double x = Kernels.widen(z);
        double w = Kernels.exp(x);
        double n = w * (w + 2.0);
        double d = n + 2.0;
        return (float) (n / d + 4.0 * x * w * (1.0 + w) / (d * d));
    }
}
