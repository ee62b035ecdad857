package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atMost;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** tanh(z) = -expm1(-2|z|)/(2+expm1(-2|z|)) with z's sign (no cancellation anywhere); derivative 4e/(1+e)^2 with e = e^-2|z|, from z so it does not round to 0 beyond |z| ~ 9. */
final class Tanh extends Activation {
    static final Tanh INSTANCE = new Tanh();

    private Tanh() {
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String canonical() {
        return "tanh";
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

    // tanh(20) is 1 in double; the sign goes on by bits, so tanh(-0) = -0.
    static DoubleVector f(DoubleVector x) {
        DoubleVector m = Lanes.expm1(atMost(x.abs(), 20.0).mul(-2.0));
        return Lanes.copySign(m.mul(-1.0).div(m.add(2.0)), x);
    }

    static double f(double x) {
        double m = Lanes.expm1(atMost(Math.abs(x), 20.0) * -2.0);
        return Math.copySign(m * -1.0 / (m + 2.0), x);
    }

    // From z, not 1 - y*y: y rounds to ±1 beyond |z| ~ 9 and the gradient would vanish early.
    static DoubleVector df(DoubleVector x) {
        DoubleVector e = Lanes.exp(atMost(x.abs(), 350.0).mul(-2.0));
        DoubleVector d = e.add(1.0);
        return e.mul(4.0).div(d.mul(d));
    }

    static double df(double x) {
        double e = Lanes.exp(atMost(Math.abs(x), 350.0) * -2.0);
        double d = e + 1.0;
        return e * 4.0 / (d * d);
    }
}
