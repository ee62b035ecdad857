package io.gradsweep.core.activation;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;

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
            forwardArgument(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            forwardResult(s.x, s.b, s.r, m);
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
            backwardArgument(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            backwardResult(s.x, s.b, s.r, m);
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
            forwardArgument(s.x, s.a, m); // the same argument as backwardArgument's
            Lanes.expPass(s.a, s.b, m, 0.0);
            forwardResult(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, y, m);
            backwardResult(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, d, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
            d[i] = derivative(z[i], y[i]);
        }
    }

    private static void forwardArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            x.mul(-1.0).intoArray(arg, i);
        }
    }

    private static void forwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            x.div(e.add(1.0)).blend(x, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0)).intoArray(out, i);
        }
    }

    private static void backwardArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            x.mul(-1.0).intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector d = e.add(1.0);
            x.mul(e).div(d).add(1.0).div(d).blend(1.0, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0)).intoArray(out, i);
        }
    }

    // Beyond the cuts the formula rounds to the limit anyway; they keep exp in its domain and Inf*0 (NaN) out.
    static double f(double x) {
        if (x > 40.0) {
            return x;
        }
        return x < -120.0 ? -0.0 : x / (Lanes.exp(x * -1.0) + 1.0);
    }

    // sigmoid = 1/d, 1 - sigmoid = e/d
    static double df(double x) {
        if (x > 40.0) {
            return 1.0;
        }
        if (x < -120.0) {
            return -0.0;
        }
        double e = Lanes.exp(x * -1.0);
        double d = e + 1.0;
        return (x * e / d + 1.0) / d;
    }
}
