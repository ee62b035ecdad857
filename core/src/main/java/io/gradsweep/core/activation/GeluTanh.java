package io.gradsweep.core.activation;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;

/** gelu_tanh(z) = z/2*(1+tanh(sqrt(2/pi)(z+0.044715z^3))), computed as z*sigmoid(2u) to avoid 1+tanh cancelling. */
final class GeluTanh extends Activation {
    static final GeluTanh INSTANCE = new GeluTanh();
    private static final double K0 = 0.7978845608028654; // sqrt(2/pi)
    private static final double K1 = 0.044715;
    private static final double K3 = 3.0 * K1;

    private GeluTanh() {
    }

    @Override
    public String name() {
        return "gelu_tanh";
    }

    @Override
    public String canonical() {
        return "gelu_tanh";
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
            x.mul(K1).mul(x).mul(x).add(x).mul(K0).mul(-2.0).intoArray(arg, i);
        }
    }

    private static void forwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            x.div(e.add(1.0)).blend(x, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -12.0)).intoArray(out, i);
        }
    }

    private static void backwardArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            x.mul(K1).mul(x).mul(x).add(x).mul(K0).mul(-2.0).intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector d = e.add(1.0);
            DoubleVector du = x.mul(K3).mul(x).add(1.0).mul(K0);
            x.mul(2.0).mul(e.div(d)).mul(du).add(1.0).div(d).blend(1.0, x.compare(GT, 10.0)).blend(-0.0, x.compare(LT, -12.0)).intoArray(out, i);
        }
    }

    private static double u(double x) {
        return (x * K1 * x * x + x) * K0;
    }

    static double f(double x) {
        if (x > 10.0) {
            return x;
        }
        return x < -12.0 ? -0.0 : x / (Lanes.exp(u(x) * -2.0) + 1.0);
    }

    // s = 1/d, 1 - s = e/d; d/dz [z*s(2u)] = s + 2z*s*(1-s)*u'
    static double df(double x) {
        if (x > 10.0) {
            return 1.0;
        }
        if (x < -12.0) {
            return -0.0;
        }
        double e = Lanes.exp(u(x) * -2.0);
        double d = e + 1.0;
        double du = (x * K3 * x + 1.0) * K0;
        return (x * 2.0 * (e / d) * du + 1.0) / d;
    }
}
