package io.gradsweep.core.activation;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

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

    // Beyond the cuts the formula rounds to the limit anyway; they keep exp in its domain and Inf*0 (NaN) out.
    static DoubleVector f(DoubleVector x) {
        DoubleVector v = x.div(Lanes.exp(x.mul(-1.0)).add(1.0));
        return v.blend(x, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0));
    }

    static double f(double x) {
        if (x > 40.0) {
            return x;
        }
        return x < -120.0 ? -0.0 : x / (Lanes.exp(x * -1.0) + 1.0);
    }

    // sigmoid = 1/d, 1 - sigmoid = e/d
    static DoubleVector df(DoubleVector x) {
        DoubleVector e = Lanes.exp(x.mul(-1.0));
        DoubleVector d = e.add(1.0);
        DoubleVector v = x.mul(e).div(d).add(1.0).div(d);
        return v.blend(1.0, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0));
    }

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
