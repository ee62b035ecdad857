package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atMost;
import static io.gradsweep.core.activation.Lanes.splat;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;

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

    // The vector part runs as passes over this thread's scratch arrays, each pass a small loop (see
    // Lanes.expPass for why); the tail runs the scalar twins, which perform the same operations.
    @Override
    public void forward(float[] z, float[] y, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            Lanes.phiLowerPass(s.x, s.a, s.b, m);
            Lanes.expPass(s.b, s.c, m, 0.0);
            forwardResult(s.x, s.a, s.c, s.r, m);
            Lanes.narrowPass(s.r, y, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            Lanes.phiLowerPass(s.x, s.a, s.b, m);
            Lanes.expPass(s.b, s.c, m, 0.0);
            densityArgument(s.x, s.d, m);
            Lanes.expPass(s.d, s.d, m, 0.0);
            backwardResult(s.x, s.a, s.c, s.d, s.r, m);
            Lanes.scalePass(s.r, grad, m);
        }
        for (int i = m; i < n; i++) {
            grad[i] *= derivative(z[i], y[i]);
        }
    }

    /** f and f' from one pass over their shared part, each by the same operations as forward and backward. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            Lanes.phiLowerPass(s.x, s.a, s.b, m);
            Lanes.expPass(s.b, s.c, m, 0.0);
            forwardResult(s.x, s.a, s.c, s.r, m);
            Lanes.narrowPass(s.r, y, m);
            densityArgument(s.x, s.d, m);
            Lanes.expPass(s.d, s.d, m, 0.0);
            backwardResult(s.x, s.a, s.c, s.d, s.r, m);
            Lanes.narrowPass(s.r, d, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
            d[i] = derivative(z[i], y[i]);
        }
    }

    private static void forwardResult(double[] xs, double[] taus, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector tau = DoubleVector.fromArray(Lanes.D, taus, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector q = tau.mul(e);
            DoubleVector cdf = splat(1.0).sub(q).blend(q, x.compare(LT, 0.0));
            x.mul(cdf).blend(x, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -15.0)).intoArray(out, i);
        }
    }

    private static void densityArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            atMost(x.abs(), 15.0).mul(atMost(x.abs(), 15.0).mul(-0.5)).intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] taus, double[] es, double[] pdfs, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector tau = DoubleVector.fromArray(Lanes.D, taus, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector pdf = DoubleVector.fromArray(Lanes.D, pdfs, i);
            DoubleVector q = tau.mul(e);
            DoubleVector cdf = splat(1.0).sub(q).blend(q, x.compare(LT, 0.0));
            x.fma(pdf.mul(INV_SQRT_2PI), cdf).blend(1.0, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -15.0)).intoArray(out, i);
        }
    }

    private static double cdf(double x, double a) {
        double lower = Lanes.phiLower(a);
        return x < 0 ? lower : 1.0 - lower;
    }

    static double f(double x) {
        if (x > 10.0) {
            return x;
        }
        return x < -15.0 ? -0.0 : x * cdf(x, atMost(Math.abs(x), 15.0));
    }

    // Phi(z) + z*phi(z); phi's e^(-z^2/2) with the square folded into an fma.
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
