package io.gradsweep.core.activation;

/** tanh(z) via FloatMath; derivative 4e/(1+e)^2 with e = e^-2|z|, from z so it does not round to 0 beyond |z| ~ 9. */
final class Tanh extends Activation {
    static final Tanh INSTANCE = new Tanh();

    private Tanh() {
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String canonical() {
        return "tanh";
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
     * For |z| <= 20 f and f' take expm1 and exp of the same -2|z| (their clamps, 20 and 350, do not
     * act there): one loop on one argument, where the compiler can share their reduction.
     */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            double x = Kernels.widen(zi);
            double a = Math.abs(x);
            if (a <= 20.0) {
                double arg = -2.0 * a;
                double m = Kernels.expm1(arg);
                double e = Kernels.exp(arg);
                double s = 1.0 + e;
                y[i] = (float) Math.copySign(-m / (2.0 + m), x);
                d[i] = (float) (4.0 * e / (s * s));
            } else {
                y[i] = f(zi);
                d[i] = df(zi);
            }
        }
    }

    private static float f(float z) {
        return FloatMath.tanh(z);
    }

    private static float df(float z) {
        // From z, not 1 - y*y: y rounds to ±1 beyond |z| ~ 9 and the gradient would vanish early.
        return (float) Kernels.tanhDerivative(Kernels.widen(z));
    }
}
