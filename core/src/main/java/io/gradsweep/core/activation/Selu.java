package io.gradsweep.core.activation;

/** selu(z) = lambda*(z if z > 0 else alpha*(e^z - 1)) with Klambauer et al.'s constants; selu'(0) = lambda*alpha. */
final class Selu extends Activation {
    static final Selu INSTANCE = new Selu();
    static final double LAMBDA = 1.0507009873554804934193349852946;
    static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;

    private Selu() {
    }

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public String canonical() {
        return "selu";
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

    /** f and f' take exp and expm1 of the same argument: one loop, where the compiler can share their reduction. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            float zi = z[i];
            y[i] = f(zi);
            d[i] = df(zi);
        }
    }

    private static float f(float z) {
        // The clamp keeps exp in its domain. lambda > 1, so z above MAX_VALUE/lambda rounds to +Inf.
        double x = Kernels.widen(z < -200f ? -200f : z);
        return (float) (z > 0 ? LAMBDA * x : LAMBDA_ALPHA * Kernels.expm1(x));
    }

    private static float df(float z) {
        return z > 0 ? (float) LAMBDA : (float) (LAMBDA_ALPHA * Kernels.exp(Kernels.widen(z < -200f ? -200f : z)));
    }
}
