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
    // Phi's tail and the density share one exp: Phi(-a) = tailFactor * e and phi(a) = e / sqrt(2pi),
    // e = e^(a * (a * -0.5)).
    @Override
    public void forward(float[] z, float[] y, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            Lanes.phiTailFactorPass(s.x, s.a, m);
            densityArgument(s.x, s.b, m);
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
            Lanes.phiTailFactorPass(s.x, s.a, m);
            densityArgument(s.x, s.b, m);
            Lanes.expPass(s.b, s.c, m, 0.0);
            backwardResult(s.x, s.a, s.c, s.r, m);
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
            Lanes.phiTailFactorPass(s.x, s.a, m);
            densityArgument(s.x, s.b, m);
            Lanes.expPass(s.b, s.c, m, 0.0);
            forwardResult(s.x, s.a, s.c, s.r, m);
            Lanes.narrowPass(s.r, y, m);
            backwardResult(s.x, s.a, s.c, s.r, m);
            Lanes.narrowPass(s.r, d, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
            d[i] = derivative(z[i], y[i]);
        }
    }

    private static void forwardResult(double[] xs, double[] factors, double[] es, double[] out, int m) {
        DoubleVector one = splat(1.0); // broadcast once per call: see Lanes.log1pUnitPass
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector q = DoubleVector.fromArray(Lanes.D, factors, i).mul(DoubleVector.fromArray(Lanes.D, es, i));
            DoubleVector cdf = one.sub(q).blend(q, x.compare(LT, 0.0));
            x.mul(cdf).blend(x, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -15.0)).intoArray(out, i);
        }
    }

    private static void densityArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector a = atMost(DoubleVector.fromArray(Lanes.D, xs, i).abs(), 15.0);
            a.mul(a.mul(-0.5)).intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] factors, double[] es, double[] out, int m) {
        DoubleVector one = splat(1.0); // broadcast once per call: see Lanes.log1pUnitPass
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector q = DoubleVector.fromArray(Lanes.D, factors, i).mul(e);
            DoubleVector cdf = one.sub(q).blend(q, x.compare(LT, 0.0));
            x.fma(e.mul(INV_SQRT_2PI), cdf).blend(1.0, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -15.0)).intoArray(out, i);
        }
    }

    /** Phi(x) from Phi(-a) = factor * e, a = min(|x|, 15), e = e^(a * (a * -0.5)). */
    private static double cdf(double x, double a, double e) {
        double lower = Lanes.phiTailFactor(a) * e;
        return x < 0 ? lower : 1.0 - lower;
    }

    /** e^(a * (a * -0.5)): the normal density at a, times sqrt(2pi). */
    private static double gaussian(double a) {
        return Lanes.exp(a * (a * -0.5));
    }

    static double f(double x) {
        if (x > 10.0) {
            return x;
        }
        if (x < -15.0) {
            return -0.0;
        }
        double a = atMost(Math.abs(x), 15.0);
        return x * cdf(x, a, gaussian(a));
    }

    // Phi(z) + z*phi(z), phi(z) = e / sqrt(2pi) from the exp that Phi's tail uses.
    static double df(double x) {
        if (x > 10.0) {
            return 1.0;
        }
        if (x < -15.0) {
            return -0.0;
        }
        double a = atMost(Math.abs(x), 15.0);
        double e = gaussian(a);
        return Math.fma(x, e * INV_SQRT_2PI, cdf(x, a, e));
    }
}
