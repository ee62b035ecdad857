package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atLeast;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** selu(z) = lambda*(z if z > 0 else alpha*(e^z - 1)) with Klambauer et al.'s constants; selu'(0) = lambda*alpha. */
final class Selu extends Activation {
    static final Selu INSTANCE = new Selu();
    static final double LAMBDA = 1.0507009873554804934193349852946;
    static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;

    private Selu() {
    }

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public String canonical() {
        return "selu";
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

    // The clamp keeps expm1 in its domain. lambda > 1, so z above MAX_VALUE/lambda rounds to +Inf.
    static DoubleVector f(DoubleVector x) {
        return Lanes.expm1(atLeast(x, -200.0)).mul(LAMBDA_ALPHA).blend(x.mul(LAMBDA), x.compare(GT, 0.0));
    }

    static double f(double x) {
        return x > 0 ? x * LAMBDA : Lanes.expm1(atLeast(x, -200.0)) * LAMBDA_ALPHA;
    }

    static DoubleVector df(DoubleVector x) {
        return Lanes.exp(atLeast(x, -200.0)).mul(LAMBDA_ALPHA).blend(LAMBDA, x.compare(GT, 0.0));
    }

    static double df(double x) {
        return x > 0 ? LAMBDA : Lanes.exp(atLeast(x, -200.0)) * LAMBDA_ALPHA;
    }
}
