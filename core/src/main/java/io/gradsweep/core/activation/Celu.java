package io.gradsweep.core.activation;

/** celu(z) = max(0,z) + min(0, alpha*(e^(z/alpha) - 1)); celu'(0) = e^0 = 1. */
final class Celu extends Activation {
    private final float alpha;

    Celu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "celu";
    }

    @Override
    public String canonical() {
        return "celu(alpha=" + alpha + ")";
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
        double a = alpha; // converted once, outside the loop
        for (int i = 0; i < n; i++) {
            y[i] = f(z[i], a);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        double a = alpha; // converted once, outside the loop
        for (int i = 0; i < n; i++) {
            grad[i] *= df(z[i], a);
        }
    }

    /** f and f' take exp and expm1 of the same argument: one loop, where the compiler can share their reduction. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        double a = alpha; // converted once, outside the loop
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            y[i] = f(zi, a);
            d[i] = df(zi, a);
        }
    }

    private static float f(float z, double alpha) {
        return z > 0 ? z : (float) (alpha * Kernels.expm1(scaled(z, alpha)));
    }

    // From z, not (y + alpha)/alpha: y rounds to -alpha far enough below 0 and the gradient would vanish early.
    private static float df(float z, double alpha) {
        return z > 0 ? 1f : (float) Kernels.exp(scaled(z, alpha));
    }

    // z/alpha clamped to keep exp in its domain (and map -Inf to the limit); e^-200 is 0 in any float.
    private static double scaled(float z, double alpha) {
        double u = Kernels.widen(z) / alpha;
        return u < -200.0 ? -200.0 : u;
    }
}
