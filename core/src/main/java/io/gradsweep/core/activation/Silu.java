package io.gradsweep.core.activation;

/** silu(z) = z*sigmoid(z) (alias swish); derivative sigmoid(z)*(1 + z*(1 - sigmoid(z))). */
final class Silu extends Activation {
    static final Silu INSTANCE = new Silu();

    private Silu() {
    }

    @Override
    public String name() {
        return "silu";
    }

    @Override
    public String canonical() {
        return "silu";
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

    /** f and f' share e^-z: computed once, with f's and df's expressions. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            if (zi > 40f || zi < -120f) {
                y[i] = f(zi);
                d[i] = df(zi);
            } else {
                double x = Kernels.widen(zi);
                double e = Kernels.exp(-x);
                double s = 1.0 + e;
                y[i] = (float) (x / s);
                d[i] = (float) ((1.0 + x * e / s) / s);
            }
        }
    }

    private static float f(float z) {
        // Beyond the cuts the formula rounds to the limit anyway; they keep Inf*0 (NaN) out.
        if (z > 40f) {
            return z;
        }
        if (z < -120f) {
            return -0f;
        }
        double x = Kernels.widen(z);
        return (float) (x / (1.0 + Kernels.exp(-x)));
    }

    private static float df(float z) {
        if (z > 40f) {
            return 1f;
        }
        if (z < -120f) {
            return -0f;
        }
        double x = Kernels.widen(z);
        double e = Kernels.exp(-x);
        double d = 1.0 + e;
        return (float) ((1.0 + x * e / d) / d); // sigmoid = 1/d, 1 - sigmoid = e/d
    }
}
