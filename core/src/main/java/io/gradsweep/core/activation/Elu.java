package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atLeast;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** elu(z) = z if z > 0 else alpha*(e^z - 1); elu'(0) = alpha (PyTorch takes the negative branch at 0). */
final class Elu extends Activation {
    private final float alpha;

    Elu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public String canonical() {
        return "elu(alpha=" + alpha + ")";
    }

    @Override
    public float value(float z) {
        return (float) f(Kernels.widen(z), alpha);
    }

    @Override
    public float derivative(float z, float y) {
        return (float) df(Kernels.widen(z), alpha);
    }

    // Vector bodies of Lanes.STEP elements, then the scalar twins (same operations, same bits) for the tail.
    @Override
    public void forward(float[] z, float[] y, int n) {
        double a = alpha; // converted once, outside the loop
        int i = 0;
        for (; i <= n - Lanes.STEP; i += Lanes.STEP) {
            Lanes.narrow(f(Lanes.load(z, i), a)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = (float) f(Kernels.widen(z[i]), a);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        double a = alpha;
        int i = 0;
        for (; i <= n - Lanes.STEP; i += Lanes.STEP) {
            FloatVector g = FloatVector.fromArray(Lanes.F, grad, i);
            g.mul(Lanes.narrow(df(Lanes.load(z, i), a))).intoArray(grad, i);
        }
        for (; i < n; i++) {
            grad[i] *= (float) df(Kernels.widen(z[i]), a);
        }
    }

    // The clamp keeps expm1 in its domain (and maps -Inf to the limit); e^-200 is 0 in any float.
    // For z > 0 the lane keeps x itself, which narrows back to z exactly.
    static DoubleVector f(DoubleVector x, double alpha) {
        return Lanes.expm1(atLeast(x, -200.0)).mul(alpha).blend(x, x.compare(GT, 0.0));
    }

    static double f(double x, double alpha) {
        return x > 0 ? x : Lanes.expm1(atLeast(x, -200.0)) * alpha;
    }

    // From z, not y + alpha: y rounds to -alpha for z < -17 and the gradient would vanish early.
    static DoubleVector df(DoubleVector x, double alpha) {
        return Lanes.exp(atLeast(x, -200.0)).mul(alpha).blend(1.0, x.compare(GT, 0.0));
    }

    static double df(double x, double alpha) {
        return x > 0 ? 1.0 : Lanes.exp(atLeast(x, -200.0)) * alpha;
    }
}
