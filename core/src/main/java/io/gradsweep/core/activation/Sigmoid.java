package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atMost;
import static io.gradsweep.core.activation.Lanes.splat;

import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;

/**
 * sigmoid(z) = 1/(1+e) for z >= 0 and e/(1+e) below, e = e^-|z| (in (0, 1], so no overflow and one
 * exp serves f and f'); derivative from z as e/(1+e)^2 (not y(1-y), which is 0 once y rounds to 1).
 */
final class Sigmoid extends Activation {
    static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String canonical() {
        return "sigmoid";
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
            argumentPass(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            valuePass(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, y, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
        }
    }

    /** f and f' from one exp, each by the same operations as forward and backward. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            argumentPass(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            valuePass(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, y, m);
            backwardResult(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, d, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
            d[i] = derivative(z[i], y[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            argumentPass(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            backwardResult(s.x, s.b, s.r, m);
            Lanes.scalePass(s.r, grad, m);
        }
        for (int i = m; i < n; i++) {
            grad[i] *= derivative(z[i], y[i]);
        }
    }

    /** arg[i] = -min(|x[i]|, 700): e^arg is f''s and f's e, and softplus's. */
    static void argumentPass(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            atMost(x.abs(), 700.0).mul(-1.0).intoArray(arg, i);
        }
    }

    /** out[i] = sigmoid(x[i]) from e[i] = e^-|x[i]| (softplus's derivative too). */
    static void valuePass(double[] xs, double[] es, double[] out, int m) {
        DoubleVector one = splat(1.0);
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector d = e.add(1.0);
            one.blend(e, x.compare(LT, 0.0)).div(d).intoArray(out, i); // one division: the numerator is chosen
        }
    }

    private static void backwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector d = e.add(1.0);
            e.div(d.mul(d)).intoArray(out, i);
        }
    }

    // e^-z with -z clamped to [-700, 700] (exp's domain; the limits are 0 and 1 in any float).
    static double f(double x) {
        double e = Lanes.exp(atMost(Math.abs(x), 700.0) * -1.0);
        double d = e + 1.0;
        return (x < 0 ? e : 1.0) / d;
    }

    static double df(double x) {
        double e = Lanes.exp(atMost(Math.abs(x), 700.0) * -1.0);
        double d = e + 1.0;
        return e / (d * d);
    }
}
