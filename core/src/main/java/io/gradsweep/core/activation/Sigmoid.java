package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atLeast;
import static io.gradsweep.core.activation.Lanes.atMost;
import static io.gradsweep.core.activation.Lanes.splat;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** sigmoid(z) = 1/(1+e^-z); derivative from z as e/(1+e)^2, e = e^-|z| (not y(1-y), which is 0 once y rounds to 1). */
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

    // e^-z with -z clamped to [-700, 700] (exp's domain; the limits are 0 and 1 in any float).
    static DoubleVector f(DoubleVector x) {
        return splat(1.0).div(Lanes.exp(atLeast(atMost(x.mul(-1.0), 700.0), -700.0)).add(1.0));
    }

    static double f(double x) {
        return 1.0 / (Lanes.exp(atLeast(atMost(x * -1.0, 700.0), -700.0)) + 1.0);
    }

    static DoubleVector df(DoubleVector x) {
        DoubleVector e = Lanes.exp(atMost(x.abs(), 700.0).mul(-1.0));
        DoubleVector d = e.add(1.0);
        return e.div(d.mul(d));
    }

    static double df(double x) {
        double e = Lanes.exp(atMost(Math.abs(x), 700.0) * -1.0);
        double d = e + 1.0;
        return e / (d * d);
    }
}
