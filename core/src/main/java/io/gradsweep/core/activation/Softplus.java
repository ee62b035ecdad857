package io.gradsweep.core.activation;

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

    // max(z, 0) + log(1 + e^-|z|): the log's argument is in [1, 2], so nothing overflows or cancels.
    static DoubleVector f(DoubleVector x) {
        DoubleVector e = Lanes.exp(atMost(x.abs(), 700.0).mul(-1.0));
        return splat(0.0).blend(x, x.compare(GT, 0.0)).add(Lanes.log1pUnit(e));
    }

    static double f(double x) {
        double e = Lanes.exp(atMost(Math.abs(x), 700.0) * -1.0);
        return (x > 0 ? x : 0.0) + Lanes.log1pUnit(e);
    }

    static DoubleVector df(DoubleVector x) {
        return Sigmoid.f(x);
    }

    static double df(double x) {
        return Sigmoid.f(x);
    }
}
