package io.gradsweep.core.activation;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

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

    // tanh(log(1+w)) = n/(n+2) with n = w(w+2); 1 - t^2 = 4(1+w)^2/(n+2)^2 and sigmoid = w/(1+w),
    // so mish' = t + z*sigmoid*(1 - t^2) = t + 4zw(1+w)/(n+2)^2. The cuts are the limits in any float.
    static DoubleVector f(DoubleVector x) {
        DoubleVector w = Lanes.exp(x);
        DoubleVector n = w.add(2.0).mul(w);
        DoubleVector v = x.mul(n.div(n.add(2.0)));
        return v.blend(x, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0));
    }

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

    static DoubleVector df(DoubleVector x) {
        DoubleVector w = Lanes.exp(x);
        DoubleVector n = w.add(2.0).mul(w);
        DoubleVector d = n.add(2.0);
        DoubleVector v = n.div(d).add(x.mul(4.0).mul(w).mul(w.add(1.0)).div(d.mul(d)));
        return v.blend(1.0, x.compare(GT, 40.0)).blend(-0.0, x.compare(LT, -120.0));
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
