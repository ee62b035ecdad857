package io.gradsweep.core.activation;

/** elu(z) = z if z > 0 else alpha*(e^z - 1); elu'(0) = alpha (PyTorch takes the negative branch at 0). */
final class Elu extends Activation {
    private final float alpha;

    Elu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public String canonical() {
        return "elu(alpha=" + alpha + ")";
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

    // The clamp keeps exp in its domain (and maps -Inf to the limit); e^-200 is 0 in any float.
    private static float f(float z, double alpha) {
        return z > 0 ? z : (float) (alpha * Kernels.expm1(Kernels.widen(z < -200f ? -200f : z)));
    }

    // From z, not y + alpha: y rounds to -alpha for z < -17 and the gradient would vanish early.
    private static float df(float z, double alpha) {
        return z > 0 ? 1f : (float) (alpha * Kernels.exp(Kernels.widen(z < -200f ? -200f : z)));
    }
}
