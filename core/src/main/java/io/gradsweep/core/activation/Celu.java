package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atLeast;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;

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
        return (float) f(Kernels.widen(z), alpha);
    }

    @Override
    public float derivative(float z, float y) {
        return (float) df(Kernels.widen(z), alpha);
    }

    // The vector part runs as passes over this thread's scratch arrays, each pass a small loop (see
    // Lanes.expPass for why); the tail runs the scalar twins, which perform the same operations.
    @Override
    public void forward(float[] z, float[] y, int n) {
        double a = alpha; // converted once
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            forwardArgument(s.x, s.a, m, a);
            Lanes.expPass(s.a, s.b, m, 1.0);
            forwardResult(s.x, s.b, s.r, m, a);
            Lanes.narrowPass(s.r, y, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = (float) f(Kernels.widen(z[i]), a);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        double a = alpha; // converted once
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            backwardArgument(s.x, s.a, m, a);
            Lanes.expPass(s.a, s.b, m, 0.0);
            backwardResult(s.x, s.b, s.r, m, a);
            Lanes.scalePass(s.r, grad, m);
        }
        for (int i = m; i < n; i++) {
            grad[i] *= (float) df(Kernels.widen(z[i]), a);
        }
    }

    /** f and f' from one pass over their shared part, each by the same operations as forward and backward. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        double a = alpha; // converted once
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            forwardArgument(s.x, s.a, m, a); // the same argument as backwardArgument's
            Lanes.expBothPass(s.a, s.c, s.b, m);
            forwardResult(s.x, s.b, s.r, m, a);
            Lanes.narrowPass(s.r, y, m);
            backwardResult(s.x, s.c, s.r, m, a);
            Lanes.narrowPass(s.r, d, m);
        }
        for (int i = m; i < n; i++) {
            double x = Kernels.widen(z[i]);
            y[i] = (float) f(x, a);
            d[i] = (float) df(x, a);
        }
    }

    private static void forwardArgument(double[] xs, double[] arg, int m, double a) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            atLeast(x.div(a), -200.0).intoArray(arg, i);
        }
    }

    private static void forwardResult(double[] xs, double[] es, double[] out, int m, double a) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            e.mul(a).blend(x, x.compare(GT, 0.0)).intoArray(out, i);
        }
    }

    private static void backwardArgument(double[] xs, double[] arg, int m, double a) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            atLeast(x.div(a), -200.0).intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] es, double[] out, int m, double a) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            e.blend(1.0, x.compare(GT, 0.0)).intoArray(out, i);
        }
    }

    // z/alpha clamped to keep exp in its domain (and map -Inf to the limit); e^-200 is 0 in any float.
    static double f(double x, double alpha) {
        return x > 0 ? x : Lanes.expm1(atLeast(x / alpha, -200.0)) * alpha;
    }

    // From z, not (y + alpha)/alpha: y rounds to -alpha far enough below 0 and the gradient would vanish early.
    static double df(double x, double alpha) {
        return x > 0 ? 1.0 : Lanes.exp(atLeast(x / alpha, -200.0));
    }
}
