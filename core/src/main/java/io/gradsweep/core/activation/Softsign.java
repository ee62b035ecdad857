package io.gradsweep.core.activation;

/** softsign(z) = z/(1+|z|); derivative 1/(1+|z|)^2; ±1 and 0 at ±Inf. */
final class Softsign extends Activation {
    static final Softsign INSTANCE = new Softsign();

    private Softsign() {
    }

    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public String canonical() {
        return "softsign";
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
        // Beyond 2^30 the result rounds to ±1; the cut also keeps Inf/Inf (NaN) out.
        float a = Math.abs(z);
        double x = Kernels.widen(z);
        return a >= 0x1p30f ? Math.copySign(1f, z) : (float) (x / (1.0 + Math.abs(x)));
    }

    private static float df(float z) {
        double d = 1.0 + Math.abs(Kernels.widen(z));
        return (float) (1.0 / (d * d));
    }
}
