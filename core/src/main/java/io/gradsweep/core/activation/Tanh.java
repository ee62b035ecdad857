package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atMost;

import jdk.incubator.vector.DoubleVector;

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

    // The vector part runs as passes over this thread's scratch arrays, each pass a small loop (see
    // Lanes.expPass for why); the tail runs the scalar twins, which perform the same operations.
    @Override
    public void forward(float[] z, float[] y, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            forwardArgument(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 1.0);
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

    /**
     * f and f' from one range reduction (Lanes.expBothPass) of f''s argument, -2 min(|z|, 350). f
     * itself clamps |z| at 20, but for |z| > 20 both clamps give expm1 = -1.0 exactly (e^-40 is far
     * below half an ulp of 1), so f is the same to the bit (ActivationBulkTest checks it).
     */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            backwardArgument(s.x, s.a, m);
            Lanes.expBothPass(s.a, s.c, s.b, m);
            forwardResult(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, y, m);
            backwardResult(s.x, s.c, s.r, m);
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
            atMost(x.abs(), 20.0).mul(-2.0).intoArray(arg, i);
        }
    }

    private static void forwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            Lanes.copySign(e.mul(-1.0).div(e.add(2.0)), x).intoArray(out, i);
        }
    }

    private static void backwardArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            atMost(x.abs(), 350.0).mul(-2.0).intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            DoubleVector d = e.add(1.0);
            e.mul(4.0).div(d.mul(d)).intoArray(out, i);
        }
    }

    // tanh(20) is 1 in double; the sign goes on by bits, so tanh(-0) = -0.
    static double f(double x) {
        double m = Lanes.expm1(atMost(Math.abs(x), 20.0) * -2.0);
        return Math.copySign(m * -1.0 / (m + 2.0), x);
    }

    // From z, not 1 - y*y: y rounds to ±1 beyond |z| ~ 9 and the gradient would vanish early.
    static double df(double x) {
        double e = Lanes.exp(atMost(Math.abs(x), 350.0) * -2.0);
        double d = e + 1.0;
        return e * 4.0 / (d * d);
    }
}
