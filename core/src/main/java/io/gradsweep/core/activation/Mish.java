package io.gradsweep.core.activation;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;

/** mish(z) = z*tanh(softplus(z)), by the exact rational form in w = e^z (one exp, no cancellation). */
final class Mish extends Activation {
    static final Mish INSTANCE = new Mish();

    private Mish() {
    }

    @Override
    public String name() {
        return "mish";
    }

    @Override
    public String canonical() {
        return "mish";
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
            x.intoArray(arg, i);
        }
    }

    private static void forwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector n = e.add(2.0).mul(e);
            x.mul(n.div(n.add(2.0))).blend(x, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0)).intoArray(out, i);
        }
    }

    private static void backwardArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            x.intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector n = e.add(2.0).mul(e);
            DoubleVector d = n.add(2.0);
            n.div(d).add(x.mul(4.0).mul(e).mul(e.add(1.0)).div(d.mul(d))).blend(1.0, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0)).intoArray(out, i);
        }
    }

    // tanh(log(1+w)) = n/(n+2) with n = w(w+2); 1 - t^2 = 4(1+w)^2/(n+2)^2 and sigmoid = w/(1+w),
    // so mish' = t + z*sigmoid*(1 - t^2) = t + 4zw(1+w)/(n+2)^2. The cuts are the limits in any float.
    static double f(double x) {
        if (x > 40.0) {
            return x;
        }
        if (x < -120.0) {
            return -0.0;
        }
        double w = Lanes.exp(x);
        double n = (w + 2.0) * w;
        return x * (n / (n + 2.0));
    }

    static double df(double x) {
        if (x > 40.0) {
            return 1.0;
        }
        if (x < -120.0) {
            return -0.0;
        }
        double w = Lanes.exp(x);
        double n = (w + 2.0) * w;
        double d = n + 2.0;
        return n / d + x * 4.0 * w * (w + 1.0) / (d * d);
    }
}
