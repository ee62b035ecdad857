package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atMost;
import static io.gradsweep.core.activation.Lanes.splat;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;

/** softplus(z) = log(1+e^z), stable for large |z| (= z beyond ~17, no threshold parameter); derivative sigmoid(z). */
final class Softplus extends Activation {
    static final Softplus INSTANCE = new Softplus();

    private Softplus() {
    }

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String canonical() {
        return "softplus";
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
            Sigmoid.argumentPass(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            Lanes.log1pUnitPass(s.b, s.c, m);
            forwardResult(s.x, s.c, s.r, m);
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
            Sigmoid.argumentPass(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            Sigmoid.valuePass(s.x, s.b, s.r, m);
            Lanes.scalePass(s.r, grad, m);
        }
        for (int i = m; i < n; i++) {
            grad[i] *= derivative(z[i], y[i]);
        }
    }

    /** f and f' (sigmoid) from one exp, each by the same operations as forward and backward. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            Sigmoid.argumentPass(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            Lanes.log1pUnitPass(s.b, s.c, m);
            forwardResult(s.x, s.c, s.r, m);
            Lanes.narrowPass(s.r, y, m);
            Sigmoid.valuePass(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, d, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
            d[i] = derivative(z[i], y[i]);
        }
    }

    private static void forwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            splat(0.0).blend(x, x.compare(GT, 0.0)).add(e).intoArray(out, i);
        }
    }

    // max(z, 0) + log(1 + e^-|z|): the log's argument is in [1, 2], so nothing overflows or cancels.
    static double f(double x) {
        double e = Lanes.exp(atMost(Math.abs(x), 700.0) * -1.0);
        return (x > 0 ? x : 0.0) + Lanes.log1pUnit(e);
    }

    static double df(double x) {
        return Sigmoid.f(x);
    }
}
