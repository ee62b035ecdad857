package io.gradsweep.core.activation;

/** gelu(z) = z*Phi(z) = z/2*(1+erf(z/sqrt2)), exact erf form; Phi by erfc, so accurate in the negative tail too. */
final class Gelu extends Activation {
    static final Gelu INSTANCE = new Gelu();

    private Gelu() {
    }

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String canonical() {
        return "gelu";
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

    /** f and f' share Phi(z), the costly part: computed once, with f's and df's expressions. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            if (zi > 10f || zi < -15f) {
                y[i] = f(zi);
                d[i] = df(zi);
            } else {
                double x = Kernels.widen(zi);
                double c = cdf(x);
                y[i] = (float) (x * c);
                d[i] = (float) (c + x * Kernels.INV_SQRT_2PI * Kernels.exp(-0.5 * x * x));
            }
        }
    }

    private static double cdf(double z) {
        double c = 0.5 * Kernels.erfc(Math.abs(z) * Kernels.INV_SQRT2);
        return z < 0 ? c : 1.0 - c;
    }

    private static float f(float z) {
        if (z > 10f) {
            return z;
        }
        if (z < -15f) {
            return -0f; // |z|*Phi(z) < 1e-50 here
        }
        double x = Kernels.widen(z);
        return (float) (x * cdf(x));
    }

    private static float df(float z) {
        if (z > 10f) {
            return 1f;
        }
        if (z < -15f) {
            return -0f;
        }
        double x = Kernels.widen(z);
        return (float) (cdf(x) + x * Kernels.INV_SQRT_2PI * Kernels.exp(-0.5 * x * x));
    }
}
