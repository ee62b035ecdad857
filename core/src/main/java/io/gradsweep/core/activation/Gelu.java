package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atMost;
import static io.gradsweep.core.activation.Lanes.splat;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** gelu(z) = z*Phi(z) = z/2*(1+erf(z/sqrt2)), exact erf form; Phi from its lower tail, so accurate for z < 0 too. */
final class Gelu extends Activation {
    static final Gelu INSTANCE = new Gelu();
    private static final double INV_SQRT_2PI = 0x1.9884533d43651p-2;

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
        return (float) f(Kernels.widen(z));
    }

    @Override
    public float derivative(float z, float y) {
        return (float) df(Kernels.widen(z));
    }

    // Vector bodies of Lanes.STEP elements, then the scalar twins (same operations, same bits) for the tail.
    @Override
    public void forward(float[] z, float[] y, int n) {
        int i = 0;
        for (; i <= n - Lanes.STEP; i += Lanes.STEP) {
            Lanes.narrow(f(Lanes.load(z, i))).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = value(z[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        int i = 0;
        for (; i <= n - Lanes.STEP; i += Lanes.STEP) {
            FloatVector g = FloatVector.fromArray(Lanes.F, grad, i);
            g.mul(Lanes.narrow(df(Lanes.load(z, i)))).intoArray(grad, i);
        }
        for (; i < n; i++) {
            grad[i] *= derivative(z[i], y[i]);
        }
    }

    // Beyond the cuts the result is the limit in any float: z*Phi(z) is z above 10 and below 1e-50
    // in size under -15 (a signed zero, as before). Phi(z) = Phi(-|z|) or 1 - Phi(-|z|).
    private static DoubleVector cdf(DoubleVector x, DoubleVector a) {
        DoubleVector lower = Lanes.phiLower(a);
        return splat(1.0).sub(lower).blend(lower, x.compare(LT, 0.0));
    }

    private static double cdf(double x, double a) {
        double lower = Lanes.phiLower(a);
        return x < 0 ? lower : 1.0 - lower;
    }

    static DoubleVector f(DoubleVector x) {
        DoubleVector v = x.mul(cdf(x, atMost(x.abs(), 15.0)));
        return v.blend(x, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -15.0));
    }

    static double f(double x) {
        if (x > 10.0) {
            return x;
        }
        return x < -15.0 ? -0.0 : x * cdf(x, atMost(Math.abs(x), 15.0));
    }

    // Phi(z) + z*phi(z); phi's e^(-z^2/2) with the square folded into an fma.
    static DoubleVector df(DoubleVector x) {
        DoubleVector a = atMost(x.abs(), 15.0);
        DoubleVector pdf = Lanes.exp(a.mul(a.mul(-0.5))).mul(INV_SQRT_2PI);
        DoubleVector d = x.fma(pdf, cdf(x, a));
        return d.blend(1.0, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -15.0));
    }

    static double df(double x) {
        if (x > 10.0) {
            return 1.0;
        }
        if (x < -15.0) {
            return -0.0;
        }
        double a = atMost(Math.abs(x), 15.0);
        double pdf = Lanes.exp(a * (a * -0.5)) * INV_SQRT_2PI;
        return Math.fma(x, pdf, cdf(x, a));
    }
}
