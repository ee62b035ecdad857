package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atLeast;
import static io.gradsweep.core.activation.Lanes.atMost;
import static io.gradsweep.core.activation.Lanes.splat;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

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
            forwardArgument(z, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            Lanes.log1pUnitPass(s.b, s.c, m);
            forwardResult(z, s.c, y, m);
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
            backwardArgument(z, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            backwardResult(z, s.b, grad, m);
        }
        for (int i = m; i < n; i++) {
            grad[i] *= derivative(z[i], y[i]);
        }
    }

    private static void forwardArgument(float[] z, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = Lanes.load(z, i);
            atMost(x.abs(), 700.0).mul(-1.0).intoArray(arg, i);
        }
    }

    private static void forwardResult(float[] z, double[] es, float[] y, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = Lanes.load(z, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            Lanes.narrow(splat(0.0).blend(x, x.compare(GT, 0.0)).add(e)).intoArray(y, i);
        }
    }

    private static void backwardArgument(float[] z, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = Lanes.load(z, i);
            atLeast(atMost(x.mul(-1.0), 700.0), -700.0).intoArray(arg, i);
        }
    }

    private static void backwardResult(float[] z, double[] es, float[] grad, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = Lanes.load(z, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            FloatVector g = FloatVector.fromArray(Lanes.F, grad, i);
            g.mul(Lanes.narrow(splat(1.0).div(e.add(1.0)))).intoArray(grad, i);
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
